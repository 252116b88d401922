import type { FrontEnd } from "./frontEnds";
import { DYNAMIC_FRONT_END } from "./frontEnds";
import type { ScenarioRun } from "./measure";
import { measureScenario } from "./measure";
import type { BenchProject } from "./project";
import type { EmptyTimes, ScenarioFigures } from "./results";
import { figuresOf } from "./results";
import type { Scenario } from "./scenarios";
import { EMPTY, F, NOOP, parallelLabel, S1, S2, S3, S4, S5 } from "./scenarios";

/** The scenarios of the main table, in order, and those the `--parallel` comparison repeats. */
export const MAIN_SCENARIOS: readonly Scenario[] = [NOOP, S1, S2, S3, S4, S5, F];
/** The scenarios repeated at each other `--parallel`: the two with enough resources for it to matter. */
export const SWEEP_SCENARIOS: readonly Scenario[] = [S2, F];
/** The scenarios the native front end runs too (at the default `--parallel`), for the comparison. */
export const NATIVE_SCENARIOS: readonly Scenario[] = [S1, F];

/** The empty stack's times under one `--parallel` (or front end), and each sample taken. */
export interface EmptySamples {
  readonly times: EmptyTimes;
  readonly samples: readonly EmptyTimes[];
}

/** The native front end's runs, or why it did not run. */
export type NativeResults =
  { readonly figures: ScenarioFigures[]; readonly empty: EmptySamples } | { readonly skipped: string };

/** What one bench run measured. */
export interface BenchResults {
  /** The main table: every scenario at the CLI's default `--parallel`. */
  readonly main: ScenarioFigures[];
  /** S2 and F at each other `--parallel` (their default runs are in `main`). */
  readonly sweep: ScenarioFigures[];
  /** The empty stack's times by `--parallel` label, and each sample taken. */
  readonly empties: ReadonlyMap<string, EmptySamples>;
  /** The native front end's S1 and F (YAML on the plugin), against its own empty stack. */
  readonly native: NativeResults;
  /** Every fleet run, at each `--parallel`: for the timelines and `--dump`. */
  readonly fleets: readonly ScenarioRun[];
}

/** Writes one line of progress to stderr (stdout holds the tables). */
function progress(run: ScenarioRun): void {
  const wall = (r: { startedAtMs: number; finishedAtMs: number; ok: boolean }): string =>
    `${((r.finishedAtMs - r.startedAtMs) / 1000).toFixed(1)} s${r.ok ? "" : " (failed)"}`;
  process.stderr.write(
    `bench: ${run.scenario.id} (${run.frontEnd}) --parallel ${parallelLabel(run.parallel)}: up ${wall(run.up)}, destroy ${wall(run.destroy)}\n`,
  );
  for (const result of [run.up, run.destroy]) {
    if (!result.ok) process.stderr.write(`bench: ${result.op} output:\n${result.output.slice(-4000)}\n`);
  }
}

async function timed(
  project: BenchProject,
  scenario: Scenario,
  parallel: number | undefined,
  frontEnd: FrontEnd = DYNAMIC_FRONT_END,
): Promise<ScenarioRun> {
  const run = await measureScenario(project, frontEnd, scenario, parallel);
  progress(run);
  return run;
}

function emptyTimesOf(run: ScenarioRun): EmptyTimes {
  return {
    upMs: run.up.finishedAtMs - run.up.startedAtMs,
    destroyMs: run.destroy.finishedAtMs - run.destroy.startedAtMs,
  };
}

function mean(samples: readonly EmptyTimes[]): EmptyTimes {
  const n = Math.max(1, samples.length);
  return {
    upMs: samples.reduce((sum, s) => sum + s.upMs, 0) / n,
    destroyMs: samples.reduce((sum, s) => sum + s.destroyMs, 0) / n,
  };
}

/**
 * The empty stack, `scenarios`, and the empty stack again, at the default `--parallel` on one front
 * end: the machine is shared, so the empty stack's cost is the mean of both samples.
 */
async function betweenEmpties(
  project: BenchProject,
  frontEnd: FrontEnd,
  scenarios: readonly Scenario[],
): Promise<{ runs: ScenarioRun[]; empty: EmptySamples }> {
  const before = emptyTimesOf(await timed(project, EMPTY, undefined, frontEnd));
  const runs: ScenarioRun[] = [];
  for (const scenario of scenarios) runs.push(await timed(project, scenario, undefined, frontEnd));
  const after = emptyTimesOf(await timed(project, EMPTY, undefined, frontEnd));
  return { runs, empty: { times: mean([before, after]), samples: [before, after] } };
}

/**
 * One run of S1 on the native front end, not counted: the CLI loads the plugin's schema for the YAML
 * host once per Pulumi home and caches it there, an extra plugin launch that a user's first run
 * pays once. The runs measured after it are the steady state, as the dynamic front end's are.
 */
async function warmUp(project: BenchProject, native: FrontEnd): Promise<void> {
  const run = await measureScenario(project, native, S1, undefined);
  const ok = run.up.ok && run.destroy.ok;
  process.stderr.write(`bench: S1 (native) warm-up, not counted: ${ok ? "done" : "failed"}\n`);
}

/** The native front end's scenarios, after its warm-up, unless it cannot run here. */
async function nativeRuns(
  project: BenchProject,
  native: FrontEnd | { skipped: string },
  chosen: (s: Scenario) => boolean,
): Promise<NativeResults> {
  if ("skipped" in native) return native;
  const scenarios = NATIVE_SCENARIOS.filter(chosen);
  if (scenarios.length === 0) return { skipped: "`--only` chose neither S1 nor F" };
  await warmUp(project, native);
  const { runs, empty } = await betweenEmpties(project, native, scenarios);
  return { figures: runs.map((run) => figuresOf(run, empty.times)), empty };
}

/**
 * Runs the bench: the main scenarios between two empty stacks at the default `--parallel`; then the
 * native front end's warm-up, and its S1 and F between two of its own empty stacks (unless it cannot run here:
 * `native` says why); then, for each other `--parallel`, the empty stack and the sweep scenarios.
 * `only` restricts the scenarios (by id) for a quick look.
 */
export async function runBench(
  project: BenchProject,
  native: FrontEnd | { skipped: string },
  sweepParallels: ReadonlyArray<number | undefined>,
  only: ReadonlySet<string> | undefined,
): Promise<BenchResults> {
  const chosen = (s: Scenario): boolean => only === undefined || only.has(s.id);
  const main = await betweenEmpties(project, DYNAMIC_FRONT_END, MAIN_SCENARIOS.filter(chosen));
  const nativeResults = await nativeRuns(project, native, chosen);
  const empties = new Map([["default", main.empty]]);
  const sweep: ScenarioFigures[] = [];
  const fleets = main.runs.filter((run) => run.scenario.id === F.id);
  for (const parallel of sweepParallels.filter((p) => p !== undefined)) {
    const samples = [emptyTimesOf(await timed(project, EMPTY, parallel))];
    empties.set(parallelLabel(parallel), { times: mean(samples), samples });
    for (const scenario of SWEEP_SCENARIOS.filter(chosen)) {
      const run = await timed(project, scenario, parallel);
      if (run.scenario.id === F.id) fleets.push(run);
      sweep.push(figuresOf(run, mean(samples)));
    }
  }
  const mainFigures = main.runs.map((run) => figuresOf(run, main.empty.times));
  return { main: mainFigures, sweep, empties, native: nativeResults, fleets };
}
