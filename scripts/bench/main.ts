import { mkdir, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { ensurePulumiCli, REPO_ROOT } from "../lib/pulumiCli";
import { statusCountsOverTime } from "./analysis";
import type { RunContext } from "./doc";
import { LoadSampler, machineInfo, runBlock, writeRunBlock } from "./doc";
import type { ScenarioRun } from "./measure";
import type { BenchResults } from "./plan";
import { runBench } from "./plan";
import { createBenchRoot, removeBenchRoot } from "./benchRoot";
import { createBenchProject } from "./project";
import { callsTable, diagnosticsTable, sweepTable, timesTable } from "./report";
import { PARALLEL_SWEEP, parallelLabel, parseParallel } from "./scenarios";
import type { TargetCheck } from "./targets";
import { checkTargets, targetsTable } from "./targets";
import { timelineSvg } from "./svg";

/**
 * `npm run bench`: the scenarios of issue 10 through the real Pulumi engine against the simulator.
 * Prints the tables, writes fleet timelines as SVG under benchmarks/ and adds the run to
 * BENCHMARKS.md. Flags: `--only S1,S2` runs some scenarios (the empty stack always runs),
 * `--parallel default,32` sets the values compared, `--no-write` leaves the files alone, `--dump
 * FILE` writes every fleet run's logs as JSON (requests with their bodies; transitions; the engine's
 * step reports) for a closer look.
 */
interface Options {
  readonly only: ReadonlySet<string> | undefined;
  readonly parallels: ReadonlyArray<number | undefined>;
  readonly write: boolean;
  readonly dump: string | undefined;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index < 0 ? undefined : argv[index + 1];
  };
  const only = value("--only");
  const parallels = value("--parallel");
  return {
    only: only === undefined ? undefined : new Set(only.split(",").map((id) => id.trim().toUpperCase())),
    parallels: parallels === undefined ? PARALLEL_SWEEP : parallels.split(",").map(parseParallel),
    write: !argv.includes("--no-write"),
    dump: value("--dump"),
  };
}

/** The fleet timeline: from the start of `up` to the end of `destroy`, both phases marked. */
function fleetSvg(run: ScenarioRun): string {
  const startMs = run.up.startedAtMs;
  return timelineSvg({
    title: `F: ${run.scenario.title}, --parallel ${parallelLabel(run.parallel)}`,
    startMs,
    endMs: run.destroy.finishedAtMs,
    requests: run.requests,
    statusPoints: statusCountsOverTime(run.transitions, new Set(run.nicIds), startMs),
    marks: [
      { atMs: run.up.startedAtMs, label: "up" },
      { atMs: run.up.finishedAtMs, label: "up done" },
      { atMs: run.destroy.startedAtMs, label: "destroy" },
      { atMs: run.destroy.finishedAtMs, label: "done" },
    ],
  });
}

/** The fleet run's logs: request bodies hold ids and parameters only (never headers); no CLI output. */
function fleetLogs(run: ScenarioRun): object {
  const phase = ({ output: _output, ...result }: ScenarioRun["up"]): Omit<ScenarioRun["up"], "output"> =>
    result;
  const requests = run.requests.map((r) => ({
    receivedAtMs: r.receivedAtMs,
    action: r.action,
    status: r.status,
    body: r.body,
  }));
  const nicOf = Object.fromEntries(run.nicOf);
  return {
    parallel: run.parallel ?? "default",
    up: phase(run.up),
    destroy: phase(run.destroy),
    requests,
    transitions: run.transitions,
    nicOf,
  };
}

function printTables(results: BenchResults, checks: readonly TargetCheck[]): void {
  const sweep = [...results.main.filter((f) => f.id === "S2" || f.id === "F"), ...results.sweep];
  const tables = [timesTable(results.main), callsTable(results.main), diagnosticsTable(results.main)];
  process.stdout.write(`${[...tables, targetsTable(checks), sweepTable(sweep)].join("\n\n")}\n`);
}

/** The fleet runs drawn: the one at the default `--parallel`, and the fastest of the others (up + destroy). */
function drawnFleets(fleets: readonly ScenarioRun[]): ScenarioRun[] {
  const wall = (run: ScenarioRun): number =>
    run.up.finishedAtMs - run.up.startedAtMs + run.destroy.finishedAtMs - run.destroy.startedAtMs;
  const others = fleets.filter((run) => run.parallel !== undefined).sort((a, b) => wall(a) - wall(b));
  return [...fleets.filter((run) => run.parallel === undefined), ...others.slice(0, 1)];
}

/** Writes the fleet timelines and adds the run block to BENCHMARKS.md. */
async function writeFiles(
  results: BenchResults,
  checks: readonly TargetCheck[],
  context: Omit<RunContext, "svgs">,
): Promise<void> {
  await mkdir(path.join(REPO_ROOT, "benchmarks"), { recursive: true });
  const svgs: Array<{ parallel: string; path: string }> = [];
  for (const run of drawnFleets(results.fleets)) {
    const parallel = parallelLabel(run.parallel);
    const file = `benchmarks/engine-fleet-${context.machine.commit}-parallel-${parallel}.svg`;
    await writeFile(path.join(REPO_ROOT, file), fleetSvg(run));
    svgs.push({ parallel, path: file });
  }
  await writeRunBlock(path.join(REPO_ROOT, "BENCHMARKS.md"), runBlock(results, checks, { ...context, svgs }));
  process.stderr.write(`bench: wrote BENCHMARKS.md and ${svgs.length} timeline(s) under benchmarks/\n`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const cli = await ensurePulumiCli();
  const machine = machineInfo();
  const load = new LoadSampler();
  const startedAt = Date.now();
  const root = await createBenchRoot();
  try {
    const project = await createBenchProject(cli, root);
    const results = await runBench(project, options.parallels, options.only);
    const checks = checkTargets(new Map(results.main.map((f) => [f.id, f])), [
      ...results.main,
      ...results.sweep,
    ]);
    printTables(results, checks);
    const context = {
      date: new Date(startedAt).toISOString().slice(0, 10),
      machine,
      load: load.stop(),
      cliVersion: cli.version,
      totalMs: Date.now() - startedAt,
    };
    if (options.write) await writeFiles(results, checks, context);
    if (options.dump !== undefined)
      await writeFile(options.dump, `${JSON.stringify(results.fleets.map(fleetLogs))}\n`);
  } finally {
    await removeBenchRoot(root);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
