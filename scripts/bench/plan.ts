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

/** What one bench run measured. */
export interface BenchResults {
  /** The main table: every scenario at the CLI's default `--parallel`. */
  readonly main: ScenarioFigures[];
  /** S2 and F at each other `--parallel` (their default runs are in `main`). */
  readonly sweep: ScenarioFigures[];
  /** The empty stack's times by `--parallel` label, and each sample taken. */
  readonly empties: ReadonlyMap<
    string,
    { readonly times: EmptyTimes; readonly samples: readonly EmptyTimes[] }
  >;
  /** Every fleet run, at each `--parallel`: for the timelines and `--dump`. */
  readonly fleets: readonly ScenarioRun[];
}

/** Writes one line of progress to stderr (stdout holds the tables). */
function progress(run: ScenarioRun): void {
  const wall = (r: { startedAtMs: number; finishedAtMs: number; ok: boolean }): string =>
    `${((r.finishedAtMs - r.startedAtMs) / 1000).toFixed(1)} s${r.ok ? "" : " (failed)"}`;
  process.stderr.write(
    `bench: ${run.scenario.id} --parallel ${parallelLabel(run.parallel)}: up ${wall(run.up)}, destroy ${wall(run.destroy)}\n`,
  );
  for (const result of [run.up, run.destroy]) {
    if (!result.ok) process.stderr.write(`bench: ${result.op} output:\n${result.output.slice(-4000)}\n`);
  }
}

async function timed(
  project: BenchProject,
  scenario: Scenario,
  parallel: number | undefined,
): Promise<ScenarioRun> {
  const run = await measureScenario(project, scenario, parallel);
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
 * Runs the bench: the empty stack at the default `--parallel` before and after the main scenarios
 * (the machine is shared, so its cost is the mean of both), then, for each other `--parallel`, the
 * empty stack and the sweep scenarios. `only` restricts the scenarios (by id) for a quick look.
 */
export async function runBench(
  project: BenchProject,
  sweepParallels: ReadonlyArray<number | undefined>,
  only: ReadonlySet<string> | undefined,
): Promise<BenchResults> {
  const chosen = (s: Scenario): boolean => only === undefined || only.has(s.id);
  const before = emptyTimesOf(await timed(project, EMPTY, undefined));
  const mainRuns: ScenarioRun[] = [];
  for (const scenario of MAIN_SCENARIOS.filter(chosen))
    mainRuns.push(await timed(project, scenario, undefined));
  const after = emptyTimesOf(await timed(project, EMPTY, undefined));
  const defaultEmpty = mean([before, after]);
  const empties = new Map([["default", { times: defaultEmpty, samples: [before, after] }]]);
  const sweep: ScenarioFigures[] = [];
  const fleets = mainRuns.filter((run) => run.scenario.id === F.id);
  for (const parallel of sweepParallels.filter((p) => p !== undefined)) {
    const samples = [emptyTimesOf(await timed(project, EMPTY, parallel))];
    empties.set(parallelLabel(parallel), { times: mean(samples), samples });
    for (const scenario of SWEEP_SCENARIOS.filter(chosen)) {
      const run = await timed(project, scenario, parallel);
      if (run.scenario.id === F.id) fleets.push(run);
      sweep.push(figuresOf(run, mean(samples)));
    }
  }
  return { main: mainRuns.map((run) => figuresOf(run, defaultEmpty)), sweep, empties, fleets };
}
