import type { StartupSummary } from "./analysis";
import { millis, packageRatios, ratio, seconds, table } from "./report";
import type { ScenarioFigures } from "./results";

/** One target of issues 10 and 17: what was measured against what it should be. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

const PHASES = ["up", "destroy"] as const;

/** Package ≤ 1.5 × lower bound, per phase, for the scenarios `ids` of `byId`; `label` names the front end. */
function ratioChecks(
  byId: ReadonlyMap<string, ScenarioFigures>,
  ids: readonly string[] = ["S1", "S2", "S3", "F"],
  label = "",
): TargetCheck[] {
  return ids.flatMap((id) => {
    const f = byId.get(id);
    if (f === undefined) return [];
    return PHASES.map((which) => {
      const value = f[which].ratio;
      return {
        target: `${id}${label} ${which}: package ≤ 1.5 × lower bound`,
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

/** The native front end, where it ran, or why it did not. */
export type NativeFigures = ReadonlyMap<string, ScenarioFigures> | { readonly skipped: string };

/** Native package time ≤ dynamic, per phase, for one scenario both front ends ran. */
function notSlowerChecks(native: ScenarioFigures, dynamic: ScenarioFigures): TargetCheck[] {
  const ratios = packageRatios(native, dynamic);
  return PHASES.map((which) => ({
    target: `${native.id} ${which}: native package ≤ dynamic package`,
    measured: `${seconds(native[which].packageMs)} s vs ${seconds(dynamic[which].packageMs)} s (${ratio(ratios[which])})`,
    met: native[which].packageMs <= dynamic[which].packageMs,
  }));
}

/**
 * The targets of issue 17 for the native front end: S1 within 1.5 × its lower bound, and the
 * native path not slower than the dynamic one on S1 and F. A front end that did not run meets none.
 */
export function frontEndChecks(
  dynamic: ReadonlyMap<string, ScenarioFigures>,
  native: NativeFigures,
): TargetCheck[] {
  if ("skipped" in native)
    return [{ target: "native front end (YAML on the plugin) measured", measured: "skipped", met: false }];
  const pairs = ["S1", "F"].flatMap((id) => {
    const [n, d] = [native.get(id), dynamic.get(id)];
    return n === undefined || d === undefined ? [] : notSlowerChecks(n, d);
  });
  return [...ratioChecks(native, ["S1"], " native"), ...pairs];
}

/** The plugin is ready to serve within this long of its launch (issue 17). */
export const STARTUP_LIMIT_MS = 300;

/** The plugin's start-up against {@link STARTUP_LIMIT_MS}: its median, and its 95th percentile. */
export function startupChecks(startup: StartupSummary): TargetCheck[] {
  const check = (what: string, value: number): TargetCheck => ({
    target: `plugin ready ≤ ${STARTUP_LIMIT_MS} ms after launch (${what} of ${startup.samples.length})`,
    measured: millis(value),
    met: value <= STARTUP_LIMIT_MS,
  });
  return [check("median", startup.median), check("p95", startup.p95)];
}

/** The checks as a Markdown table. */
export function targetsTable(checks: readonly TargetCheck[]): string {
  return table(
    ["target", "measured", "met"],
    checks.map((c) => [c.target, c.measured, c.met ? "yes" : "**no**"]),
  );
}
