import { ratio, seconds, table } from "./report";
import type { ScenarioFigures } from "./results";

/** One target of issue 10: what was measured against what it should be. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

const PHASES = ["up", "destroy"] as const;

function ratioChecks(byId: ReadonlyMap<string, ScenarioFigures>): TargetCheck[] {
  return ["S1", "S2", "S3", "F"].flatMap((id) => {
    const f = byId.get(id);
    if (f === undefined) return [];
    return PHASES.map((which) => {
      const value = f[which].ratio;
      return {
        target: `${id} ${which}: package ≤ 1.5 × lower bound`,
        measured: ratio(value),
        met: value <= 1.5,
      };
    });
  });
}

function lagChecks(byId: ReadonlyMap<string, ScenarioFigures>): TargetCheck[] {
  const limits: ReadonlyArray<readonly [string, number]> = [
    ["S1", 1000],
    ["S5", 1000],
    ["S4", 3000],
  ];
  return limits.flatMap(([id, limit]) => {
    const f = byId.get(id);
    if (f === undefined) return [];
    return PHASES.map((which) => {
      const max = f[which].returnLag?.max ?? Number.POSITIVE_INFINITY;
      const what = which === "up" ? "USED" : "AVAILABLE";
      const target = `${id}: handler returns ≤ ${limit / 1000} s after ${what}`;
      return { target, measured: `${seconds(max)} s (max)`, met: max <= limit };
    });
  });
}

function callChecks(byId: ReadonlyMap<string, ScenarioFigures>): TargetCheck[] {
  const limits: ReadonlyArray<readonly [string, number]> = [
    ["S1", 6],
    ["S2", 3],
  ];
  return limits.flatMap(([id, limit]) => {
    const f = byId.get(id);
    if (f === undefined) return [];
    const target = `${id}: ≤ ${limit} API calls per attach + detach pair`;
    return [{ target, measured: f.callsPerPair.toFixed(2), met: f.callsPerPair <= limit }];
  });
}

/**
 * The targets of issue 10, each judged on the one run of the main table. The lag is judged on the
 * engine's report of the handler's return (an upper bound: it adds the engine's own latency).
 */
export function checkTargets(
  byId: ReadonlyMap<string, ScenarioFigures>,
  all: readonly ScenarioFigures[],
): TargetCheck[] {
  const failures = all.reduce((sum, f) => sum + f.failures, 0);
  return [
    ...ratioChecks(byId),
    ...lagChecks(byId),
    ...callChecks(byId),
    { target: `zero failures (all ${all.length} runs)`, measured: String(failures), met: failures === 0 },
  ];
}

/** The checks as a Markdown table. */
export function targetsTable(checks: readonly TargetCheck[]): string {
  return table(
    ["target", "measured", "met"],
    checks.map((c) => [c.target, c.measured, c.met ? "yes" : "**no**"]),
  );
}
