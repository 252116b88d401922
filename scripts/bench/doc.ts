import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, machine } from "node:os";
import { REPO_ROOT } from "../lib/pulumiCli";
import type { StartupSummary } from "./analysis";
import type { BenchResults, EmptySamples } from "./plan";
import type { ScenarioFigures } from "./results";
import {
  callsTable,
  diagnosticsTable,
  frontEndTable,
  seconds,
  startupText,
  sweepTable,
  timesTable,
} from "./report";
import type { TargetCheck } from "./targets";
import { targetsTable } from "./targets";

/** Where the figures were measured: they depend on the machine and on what else ran on it. */
export interface MachineInfo {
  readonly cpus: number;
  readonly arch: string;
  readonly node: string;
  readonly commit: string;
  /** Uncommitted changes in the tree that was built and packed. */
  readonly dirty: boolean;
}

function git(args: readonly string[]): string {
  try {
    return execFileSync("git", [...args], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

/** The machine and commit a run measured, for its block in BENCHMARKS.md: figures mean little without them. */
export function machineInfo(): MachineInfo {
  return {
    cpus: availableParallelism(),
    arch: machine(),
    node: process.version,
    commit: git(["rev-parse", "--short", "HEAD"]) || "unknown",
    dirty: git(["status", "--porcelain", "--untracked-files=no"]) !== "",
  };
}

/** The 1-minute load average (0 where the platform has none). */
function oneMinuteLoad(): number {
  return loadavg()[0] ?? 0;
}

/** Samples the 1-minute load average every few seconds while the bench runs. */
export class LoadSampler {
  readonly samples: number[] = [];
  readonly #timer: NodeJS.Timeout;

  constructor(everyMs = 5000) {
    this.samples.push(oneMinuteLoad());
    this.#timer = setInterval(() => this.samples.push(oneMinuteLoad()), everyMs);
    this.#timer.unref();
  }

  stop(): { readonly min: number; readonly mean: number; readonly max: number } {
    clearInterval(this.#timer);
    this.samples.push(oneMinuteLoad());
    const mean = this.samples.reduce((a, b) => a + b, 0) / this.samples.length;
    return { min: Math.min(...this.samples), mean, max: Math.max(...this.samples) };
  }
}

/** The heading of the engine benchmark's section in BENCHMARKS.md; it sits above the Chaos section. */
export const SECTION_HEADING = "## Engine benchmark";
const RUNS_MARKER = "<!-- npm run bench inserts each run below this line, newest first -->";

const INTRO = [
  SECTION_HEADING,
  "",
  "`npm run bench` runs `pulumi up` and `pulumi destroy` through the real Pulumi engine (the CLI that",
  "`scripts/ensure-pulumi` builds) on a program that declares `NetworkInterfaceAttachment`s from the packed",
  "package, installed in a temporary project as a user would have it, against the local simulator with 2 s",
  "transitions. Each scenario gets a fresh simulator and stack. Package time is the wall time minus the",
  "empty stack's (the same program with no attachment, same `--parallel`, same run). The lower bound is the",
  "transition time on the critical path (one transition: the simulator accepts parallel attaches and",
  "detaches; 22 s for the stalled detach of S5) plus, where the server limits the rate, the phase's admitted",
  "calls divided by that rate. Lags run from the simulator's transition log entry (USED after an attach,",
  "AVAILABLE after a detach) to the engine's report that the resource's step was done (an upper bound on",
  "the handler's return: it adds the engine's latency and up to 200 ms of the Automation API's event-file",
  "polling), and to the first successful Describe that covered the NIC (when the handler learned).",
  "",
  "S1 and F also run on the native front end: a YAML program declaring the same attachments on the provider plugin",
  "(installed into the bench's private Pulumi home with `pulumi-zenlayer-plugin install`, as the README says), through",
  "the same driver, engine and simulator, at the same `--parallel`; its package time is its wall time minus the empty",
  "YAML program's. One uncounted run of S1 comes first: the CLI loads the plugin's schema for the YAML host once per",
  "Pulumi home and caches it (one more plugin launch, on a user's first run only). Before the scenarios the plugin is",
  "launched 20 times: the time from the spawn to its port on stdout is what the engine waits for each time it starts",
  "the plugin.",
  "",
  RUNS_MARKER,
].join("\n");

/** Everything the run block needs besides the figures. */
export interface RunContext {
  readonly date: string;
  readonly machine: MachineInfo;
  readonly load: { readonly min: number; readonly mean: number; readonly max: number };
  readonly cliVersion: string;
  readonly totalMs: number;
  /** The provider plugin's start-up, measured before the scenarios. */
  readonly startup: StartupSummary;
  /** The fleet timelines written, by `--parallel` label, relative to the repository root. */
  readonly svgs: ReadonlyArray<{ readonly parallel: string; readonly path: string }>;
}

function emptyLine(what: string, empty: EmptySamples): string {
  const samples = empty.samples.map((s) => `${seconds(s.upMs)} / ${seconds(s.destroyMs)}`).join(", ");
  return `- ${what}: up / destroy ${seconds(empty.times.upMs)} / ${seconds(empty.times.destroyMs)} s (samples ${samples}).`;
}

function emptyLines(results: BenchResults): string[] {
  const native = results.native;
  return [
    ...[...results.empties].map(([label, empty]) =>
      emptyLine(`Empty stack at \`--parallel\` ${label}`, empty),
    ),
    ...("skipped" in native
      ? []
      : [emptyLine("Empty YAML program (native front end) at `--parallel` default", native.empty)]),
  ];
}

/** The main runs, then the native front end's (where it ran): for the calls and diagnostics tables. */
export function withNative(results: BenchResults): ScenarioFigures[] {
  return "skipped" in results.native ? results.main : [...results.main, ...results.native.figures];
}

/**
 * The native front end against the dynamic one, and the plugin's start-up: the part of the run block
 * for issue 17.
 */
export function frontEndLines(results: BenchResults, startup: StartupSummary): string[] {
  const native = results.native;
  return [
    "Native front end (a YAML program on the provider plugin, installed into the bench's Pulumi home with",
    "`pulumi-zenlayer-plugin install`) against the dynamic one (the TypeScript program above), same scenarios,",
    "simulator and `--parallel`, each against the empty program of its own language:",
    "",
    "skipped" in native ? `Not measured: ${native.skipped}.` : frontEndTable(results.main, native.figures),
    "",
    `Plugin start-up, from spawning \`dist/plugin/pulumi-resource-zenlayer\` to its port on stdout (the handshake the engine waits for): ${startupText(startup)}.`,
  ];
}

/** The Markdown block of one bench run: the machine, the commit, every table, the picture. */
export function runBlock(results: BenchResults, checks: readonly TargetCheck[], context: RunContext): string {
  const m = context.machine;
  const commit = `${m.commit}${m.dirty ? " (with uncommitted changes)" : ""}`;
  const missed = checks.filter((c) => !c.met).map((c) => `${c.target} (${c.measured})`);
  return [
    `### ${context.date}, ${commit}`,
    "",
    `${m.cpus} × ${m.arch}, Node ${m.node}, Pulumi CLI ${context.cliVersion}; load average during the run`,
    `${context.load.min.toFixed(1)}–${context.load.max.toFixed(1)} (mean ${context.load.mean.toFixed(1)}); the whole bench took ${seconds(context.totalMs)} s.`,
    "",
    timesTable(results.main),
    "",
    callsTable(withNative(results)),
    "",
    diagnosticsTable(withNative(results)),
    "",
    ...frontEndLines(results, context.startup),
    "",
    ...emptyLines(results),
    "",
    "Targets of issues 10 and 17, each judged on the one run above:",
    "",
    targetsTable(checks),
    "",
    missed.length === 0 ? "Every target was met." : `Missed: ${missed.join("; ")}.`,
    "",
    "`--parallel` compared (S2 and F; the default rows are the runs above):",
    "",
    sweepTable([...results.main.filter((f) => f.id === "S2" || f.id === "F"), ...results.sweep]),
    "",
    ...context.svgs.flatMap((svg) => [
      `Timeline of the fleet run F at \`--parallel\` ${svg.parallel} (API requests per second by action, 429s apart; NICs in each status): [${svg.path}](${svg.path})`,
      "",
      `![fleet timeline, --parallel ${svg.parallel}](${svg.path})`,
      "",
    ]),
  ].join("\n");
}

/**
 * Puts a run block into BENCHMARKS.md: under the engine section's marker (newest first), creating the
 * section above the Chaos section (or at the end) the first time. Other sections stay as they are.
 */
export function insertRunBlock(document: string, block: string): string {
  const withSection = document.includes(RUNS_MARKER) ? document : addSection(document);
  return withSection.replace(RUNS_MARKER, () => `${RUNS_MARKER}\n\n${block.trimEnd()}\n`);
}

function addSection(document: string): string {
  const chaos = document.indexOf("\n## Chaos");
  if (chaos < 0) return `${document.trimEnd()}\n\n${INTRO}\n`;
  return `${document.slice(0, chaos)}\n${INTRO}\n${document.slice(chaos)}`;
}

/** Reads, updates and writes BENCHMARKS.md. */
export async function writeRunBlock(file: string, block: string): Promise<void> {
  const document = await readFile(file, "utf8");
  await writeFile(file, insertRunBlock(document, block));
}
