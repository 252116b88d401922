import { mkdir, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { ensurePulumiCli, REPO_ROOT } from "../lib/pulumiCli";
import { statusCountsOverTime } from "./analysis";
import type { StartupSummary } from "./analysis";
import type { RunContext } from "./doc";
import { frontEndLines, LoadSampler, machineInfo, runBlock, withNative, writeRunBlock } from "./doc";
import type { FrontEnd } from "./frontEnds";
import { prepareNativeFrontEnd } from "./frontEnds";
import type { ScenarioRun } from "./measure";
import type { BenchResults } from "./plan";
import { runBench } from "./plan";
import { createBenchRoot, removeBenchRoot } from "./benchRoot";
import { measurePluginStartup } from "./pluginStartup";
import type { BenchProject } from "./project";
import { createBenchProject } from "./project";
import { callsTable, diagnosticsTable, startupText, sweepTable, timesTable } from "./report";
import { PARALLEL_SWEEP, parallelLabel, parseParallel } from "./scenarios";
import type { TargetCheck } from "./targets";
import { checkTargets, frontEndChecks, startupChecks, targetsTable } from "./targets";
import { timelineSvg } from "./svg";

/**
 * `npm run bench`: the provider plugin's start-up, then the scenarios of issue 10 through the real
 * Pulumi engine against the simulator, S1 and F on both front ends (issue 17: the TypeScript
 * program on the dynamic providers, a YAML program on the plugin). Prints the tables, writes fleet
 * timelines as SVG under benchmarks/ and adds the run to BENCHMARKS.md. Flags: `--only S1,S2`
 * runs some scenarios (the empty stacks always run), `--parallel default,32` sets the values
 * compared, `--no-write` leaves the files alone, `--dump FILE` writes every dynamic fleet run's logs
 * as JSON (requests with their bodies; transitions; the engine's step reports) for a closer look.
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

function printTables(results: BenchResults, checks: readonly TargetCheck[], startup: StartupSummary): void {
  const sweep = [...results.main.filter((f) => f.id === "S2" || f.id === "F"), ...results.sweep];
  const both = withNative(results);
  const tables = [timesTable(results.main), callsTable(both), diagnosticsTable(both)];
  const frontEnds = frontEndLines(results, startup).join("\n");
  process.stdout.write(`${[...tables, frontEnds, targetsTable(checks), sweepTable(sweep)].join("\n\n")}\n`);
}

/** Every target of issues 10 and 17, judged on this run. */
function allChecks(results: BenchResults, startup: StartupSummary): TargetCheck[] {
  const byId = new Map(results.main.map((f) => [f.id, f]));
  const native = results.native;
  return [
    ...checkTargets(byId, [...withNative(results), ...results.sweep]),
    ...frontEndChecks(byId, "skipped" in native ? native : new Map(native.figures.map((f) => [f.id, f]))),
    ...startupChecks(startup),
  ];
}

/** The plugin's start-up, on the build `npm run bench` just made, before anything else runs. */
async function timedStartup(): Promise<StartupSummary> {
  const startup = await measurePluginStartup();
  process.stderr.write(`bench: plugin start-up: ${startupText(startup)}\n`);
  return startup;
}

/** The native front end, or why it cannot run here (said on stderr at once). */
async function nativeFrontEndOf(project: BenchProject): Promise<FrontEnd | { skipped: string }> {
  const native = await prepareNativeFrontEnd(project);
  if ("skipped" in native) process.stderr.write(`bench: native front end skipped: ${native.skipped}\n`);
  return native;
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
    const startup = await timedStartup();
    const project = await createBenchProject(cli, root);
    const results = await runBench(project, await nativeFrontEndOf(project), options.parallels, options.only);
    const checks = allChecks(results, startup);
    printTables(results, checks, startup);
    const context = {
      date: new Date(startedAt).toISOString().slice(0, 10),
      machine,
      load: load.stop(),
      cliVersion: cli.version,
      totalMs: Date.now() - startedAt,
      startup,
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
