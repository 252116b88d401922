import { availableParallelism, loadavg, machine } from "node:os";
import { LOOK_TO_SEND_MS } from "../check/index";
import { codeLabel } from "../benchmarks";
import { ENGINE_INVARIANT_NAMES, ENGINE_INVARIANTS } from "./trace";
import type { EngineSummary } from "./summary";

const MAX_LISTED_SEEDS = 40;

function perHundred(count: number, runs: number): string {
  return runs === 0 ? "0" : ((count * 100) / runs).toFixed(1);
}

function breakdown(
  counts: Readonly<Record<string, number>>,
  entry: (key: string, n: number) => string = (key, n) => `${key} ${n}`,
): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length === 0 ? "none" : entries.map(([key, n]) => entry(key, n)).join(", ");
}

/** `{ "1": 12, "2": 3 }` as "1 in 12 runs, 2 in 3 runs". */
function perRun(counts: Readonly<Record<string, number>>): string {
  return breakdown(counts, (key, n) => `${key} in ${n} run${n === 1 ? "" : "s"}`);
}

function seedList(seeds: readonly number[]): string {
  const shown = seeds.slice(0, MAX_LISTED_SEEDS).join(", ");
  return seeds.length > MAX_LISTED_SEEDS ? `${shown}, … (${seeds.length} in all)` : shown || "none";
}

/** The per-invariant table: violations, runs with one, the rate, and the commands they were blamed on. */
export function engineInvariantTable(summary: EngineSummary): string[] {
  return [
    "| engine invariant | violations | runs with one | violations per 100 runs | blamed command (phase command) |",
    "| --- | ---: | ---: | ---: | --- |",
    ...ENGINE_INVARIANTS.map((id) => {
      const tally = summary.invariants[id];
      const blamed = tally.count === 0 ? "" : breakdown(tally.byCommand);
      return (
        `| ${id}. ${ENGINE_INVARIANT_NAMES[id]} | ${tally.count} | ${tally.runs} | ` +
        `${perHundred(tally.count, summary.runs)} | ${blamed} |`
      );
    }),
  ];
}

/** Everything but the table: setups, kills, recoveries, failures and their causes, figures, time. */
export function engineFigureLines(summary: EngineSummary): string[] {
  return [
    `- Runs: ${breakdown(summary.setups)} (program, credentials). Commands: ${breakdown(summary.commands)}.`,
    `- Kills: ${breakdown(summary.kills)}; ${summary.killsMissed} more planned but the command ended first; ` +
      `median ${summary.writesAtKillP50} NIC writes received before the kill. Processes left running by ` +
      `"SIGKILL, plugin left running": ${breakdown(summary.orphansLeft)}; of them still running at the end of ` +
      `their run: ${summary.orphansAliveAtEnd}.`,
    `- Recovery: ${summary.locked} commands found the stack locked, ${summary.cancels} \`pulumi cancel\`; ` +
      `${summary.clearPendingCreates} \`refresh --clear-pending-creates\`; runs with pending operations after some ` +
      `command ${summary.pendingRuns}, after their last command ${summary.pendingAtEnd}. Recovery \`up\`s per run: ` +
      `${perRun(summary.recoveryUps)}; \`destroy\`s per run: ${perRun(summary.destroys)}.`,
    `- Did not converge: ${breakdown(summary.failures)}.`,
    `- Chaos events: ${breakdown(summary.chaosEvents)}. Checks after a successful \`up\` skipped because the NIC ` +
      `moved out of band since the stack last read it: ${summary.excusedChecks}.`,
    `- Detaches of a NIC moved out of band after the provider's last look (at most ${LOOK_TO_SEND_MS} ms before) ` +
      `or while the server held the detach: ${summary.racedDetaches} (a race no client of this API can close; ` +
      `not counted as a violation). API requests: ${summary.requests}. Packed package (sha256): ` +
      `${breakdown(summary.packages)}.`,
    `- Runs needing a look: ${summary.failingSeeds.length} of ${summary.runs}; seeds: ${seedList(summary.failingSeeds)}.`,
    ...(summary.crashed.length === 0
      ? []
      : [`- Crashed runs: ${summary.crashed.map((crash) => `${crash.seed} (${crash.error})`).join("; ")}.`]),
    `- Wall time ${(summary.wallMs / 1000).toFixed(0)} s; per run median ${(summary.runP50Ms / 1000).toFixed(1)} s, ` +
      `slowest ${(summary.slowestRunMs / 1000).toFixed(1)} s (world setup not included).`,
  ];
}

/** Seeds as a range when they are one (`1–20`), else listed. */
function seedRange(seeds: readonly number[]): string {
  const sorted = [...seeds].sort((a, b) => a - b);
  const [first, last] = [sorted[0], sorted.at(-1)];
  if (first === undefined || last === undefined) return "none";
  return last - first + 1 === sorted.length && sorted.length > 2 ? `${first}–${last}` : seedList(sorted);
}

/**
 * One engine batch's block for BENCHMARKS.md: when, where, on what code (`code`, as
 * `codeLabel()` gave it when the batch started) and load, then the figures.
 */
export function engineBenchmarkBlock(
  summary: EngineSummary,
  command: string,
  loadAverages: readonly number[],
  code: string = codeLabel(),
  now: Date = new Date(),
): string {
  const load = loadAverages.map((value) => value.toFixed(1)).join("–");
  return [
    `### ${now.toISOString().slice(0, 10)}, ${code}: engine runs`,
    "",
    `\`${command}\`: ${summary.runs} runs through the real Pulumi engine (seeds ${seedRange(summary.seeds)}) on ` +
      `${availableParallelism()} × ${machine()}, Node ${process.version}; 1-minute load average ${load} during the batch.`,
    "",
    ...engineInvariantTable(summary),
    "",
    ...engineFigureLines(summary),
    "",
  ].join("\n");
}

/** The 1-minute load average now, for a batch's record of how busy the machine was. */
export function loadNow(): number {
  return loadavg()[0] ?? 0;
}
