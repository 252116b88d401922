import type { PhaseFigures, ScenarioFigures } from "../../../../scripts/bench/results";

/** A phase of `wallMs` against a 2 s empty stack and a 2 s lower bound, with plausible other figures. */
export function phaseFigures(wallMs: number, emptyMs = 2000): PhaseFigures {
  return {
    wallMs,
    emptyMs,
    packageMs: wallMs - emptyMs,
    bound: { ms: 2000, transitionMs: 2000, callsMs: 0 },
    ratio: (wallMs - emptyMs) / 2000,
    calls: { byAction: {}, total: 4, throttled: 1, serverErrors: 0 },
    noticeLag: { median: 100, max: 300 },
    returnLag: { median: 200, max: 450 },
    firstCallMs: 1500,
    callRate: 2.5,
    maxInFlight: 8,
  };
}

/** A scenario's figures with the given up and destroy phases; the rest as `overrides` say. */
export function scenarioFigures(
  up: PhaseFigures,
  destroy: PhaseFigures,
  overrides: Partial<ScenarioFigures> = {},
): ScenarioFigures {
  return {
    id: "S2",
    title: "24 attachments",
    frontEnd: "dynamic",
    parallel: 32,
    attachments: 24,
    up,
    destroy,
    countsByAction: { AttachNetworkInterface: 24, DetachNetworkInterface: 24, DescribeNetworkInterfaces: 14 },
    totalCalls: 62,
    callsPerPair: 62 / 24,
    throttled: 0,
    serverErrors: 0,
    failures: 0,
    failureNotes: [],
    ...overrides,
  };
}
