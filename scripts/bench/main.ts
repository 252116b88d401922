import { mkdir, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { ensurePulumiCli, REPO_ROOT } from "../lib/pulumiCli";
import { statusCountsOverTime } from "./analysis";
import type { RunContext } from "./doc";
import { LoadSampler, machineInfo, runBlock, writeRunBlock } from "./doc";
import type { ScenarioRun } from "./measure";
import type { BenchResults } from "./plan";
import { runBench } from "./plan";
import { createBenchProject, removeBenchProject } from "./project";
import { callsTable, diagnosticsTable, sweepTable, timesTable } from "./report";
import { PARALLEL_SWEEP, parseParallel } from "./scenarios";
import type { TargetCheck } from "./targets";
import { checkTargets, targetsTable } from "./targets";
import { timelineSvg } from "./svg";

/**
 * `npm run bench`: the scenarios of issue 10 through the real Pulumi engine against the simulator.
 * Prints the tables, writes the fleet timeline as SVG under benchmarks/ and adds the run to
 * BENCHMARKS.md. Flags: `--only S1,S2` runs some scenarios (the empty stack always runs),
 * `--parallel default,32` sets the values compared, `--no-write` leaves the files alone, `--dump
 * FILE` writes the fleet run's logs as JSON (request times, actions and statuses; transitions; the
 * engine's step reports) for a closer look.
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
    title: `F: ${run.scenario.title}, --parallel default`,
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

/** The fleet run's logs, without request bodies or the CLI's output. */
async function dumpFleet(file: string, run: ScenarioRun): Promise<void> {
  const phase = ({ output: _output, ...result }: ScenarioRun["up"]): Omit<ScenarioRun["up"], "output"> =>
    result;
  const requests = run.requests.map((r) => ({
    receivedAtMs: r.receivedAtMs,
    action: r.action,
    status: r.status,
  }));
  const dump = { up: phase(run.up), destroy: phase(run.destroy), requests, transitions: run.transitions };
  await writeFile(file, `${JSON.stringify({ ...dump, nicOf: Object.fromEntries(run.nicOf) })}\n`);
}

function printTables(results: BenchResults, checks: readonly TargetCheck[]): void {
  const sweep = [...results.main.filter((f) => f.id === "S2" || f.id === "F"), ...results.sweep];
  const tables = [timesTable(results.main), callsTable(results.main), diagnosticsTable(results.main)];
  process.stdout.write(`${[...tables, targetsTable(checks), sweepTable(sweep)].join("\n\n")}\n`);
}

async function writeFiles(
  results: BenchResults,
  checks: readonly TargetCheck[],
  context: Omit<RunContext, "svgPath">,
): Promise<void> {
  let svgPath: string | undefined;
  if (results.fleet !== undefined) {
    svgPath = `benchmarks/engine-fleet-${context.machine.commit}.svg`;
    await mkdir(path.join(REPO_ROOT, "benchmarks"), { recursive: true });
    await writeFile(path.join(REPO_ROOT, svgPath), fleetSvg(results.fleet));
  }
  await writeRunBlock(
    path.join(REPO_ROOT, "BENCHMARKS.md"),
    runBlock(results, checks, { ...context, svgPath }),
  );
  process.stderr.write(`bench: wrote BENCHMARKS.md${svgPath === undefined ? "" : ` and ${svgPath}`}\n`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const cli = await ensurePulumiCli();
  const machine = machineInfo();
  const load = new LoadSampler();
  const startedAt = Date.now();
  const project = await createBenchProject(cli);
  try {
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
    if (options.dump !== undefined && results.fleet !== undefined)
      await dumpFleet(options.dump, results.fleet);
  } finally {
    await removeBenchProject(project);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
