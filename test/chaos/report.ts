import { runFailed } from "./batch";
import type { Batch, RunResult } from "./batch";
import { LOOK_TO_SEND_MS, OVERRUN_SLACK_MS, overrunMs } from "./check/index";
import { INVARIANT_NAMES, JUDGED } from "./trace";
import type { CommandRecord, InvariantId } from "./trace";

/** The figures of a batch, in one format whichever executor ran it: printed, and added to BENCHMARKS.md. */

type Counts = Record<string, number>;
const MAX_LISTED_SEEDS = 40;
const INVARIANTS: readonly InvariantId[] = [1, 2, 3, 4, 5, 6, 7];

function count(keys: readonly string[]): Counts {
  const counts: Counts = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

function breakdown(
  keys: readonly string[],
  entry = (key: string, n: number): string => `${key} ${n}`,
): string {
  const entries = Object.entries(count(keys)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length === 0 ? "none" : entries.map(([key, n]) => entry(key, n)).join(", ");
}

/** How many runs had each number of `which` commands ("1 in 12 runs, 2 in 3 runs"). */
const perRun = (results: readonly RunResult[], which: (c: CommandRecord) => boolean): string =>
  breakdown(
    results.map((r) => String(r.trace.commands.filter(which).length)),
    (key, n) => `${key} in ${n} run${n === 1 ? "" : "s"}`,
  );

/** The value below which `p` of the sorted values fall (nearest rank). */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

/** Seeds as a range when they are one (`1–20`), else listed. */
export function seedList(seeds: readonly number[]): string {
  const sorted = [...seeds].sort((a, b) => a - b);
  const [first, last] = [sorted[0], sorted.at(-1)];
  if (first !== undefined && last !== undefined && last - first + 1 === sorted.length && sorted.length > 2) {
    return `${first}–${last}`;
  }
  const shown = sorted.slice(0, MAX_LISTED_SEEDS).join(", ");
  return sorted.length > MAX_LISTED_SEEDS ? `${shown}, … (${sorted.length} in all)` : shown || "none";
}

export const runCount = (batch: Batch): number => batch.results.length + batch.crashed.length;

/** Where a violation was blamed: `phase command: operation:outcome`. */
function blamedIn({ trace }: RunResult, violation: RunResult["verdict"]["violations"][number]): string {
  const op = trace.ops.find((candidate) => candidate.index === violation.opIndex);
  const command = trace.commands.find((c) => c.index === (op?.command ?? violation.commandIndex));
  const where = command === undefined ? "-" : `${command.phase} ${command.name}`;
  return op === undefined ? where : `${where}: ${op.kind}:${op.outcome}`;
}

/** Violations per invariant: how many, in how many runs, the rate, and where they were blamed. */
export function invariantTable(batch: Batch): string[] {
  const rows = INVARIANTS.map((id) => {
    const name = `${id}. ${INVARIANT_NAMES[id]}`;
    if (!JUDGED[batch.executor].includes(id))
      return `| ${name} | n/a | | | not judged in ${batch.executor} runs |`;
    const found = batch.results.flatMap((result) =>
      result.verdict.violations
        .filter((violation) => violation.invariant === id)
        .map((violation) => ({ seed: result.trace.seed, blamed: blamedIn(result, violation) })),
    );
    const rate = runCount(batch) === 0 ? "0" : ((found.length * 100) / runCount(batch)).toFixed(1);
    const blamed = found.length === 0 ? "" : breakdown(found.map((violation) => violation.blamed));
    return `| ${name} | ${found.length} | ${new Set(found.map((v) => v.seed)).size} | ${rate} | ${blamed} |`;
  });
  return [
    "| invariant | violations | runs with one | violations per 100 runs | blamed (phase command: operation) |",
    "| --- | ---: | ---: | ---: | --- |",
    ...rows,
  ];
}

function operationLine(results: readonly RunResult[]): string {
  const ops = results.flatMap((r) => r.trace.ops);
  const overruns = ops.flatMap((op) =>
    [overrunMs(op)].filter((over) => over !== undefined).map((o) => Math.max(0, o)),
  );
  const requestTimeout = results[0]?.trace.requestTimeoutMs;
  const allowance =
    requestTimeout === undefined
      ? ""
      : ` (invariant 5 allows ${OVERRUN_SLACK_MS} ms plus one ${requestTimeout} ms request timeout)`;
  return (
    `- Operations: ${ops.length} (${breakdown(ops.map((op) => `${op.kind}:${op.outcome}`))}). Timed operations that ` +
    `returned past their own timeout: ${overruns.filter((over) => over > 0).length} of ${overruns.length}; overrun ` +
    `p95 ${percentile(overruns, 0.95)} ms, max ${Math.max(0, ...overruns)} ms${allowance}.`
  );
}

function killLines(results: readonly RunResult[]): string[] {
  const commands = results.flatMap((r) => r.trace.commands);
  const kills = commands.flatMap((c) =>
    c.kill === undefined ? [] : [{ ...c.kill, during: `${c.phase} ${c.name}` }],
  );
  const pending = (c: CommandRecord | undefined): boolean => (c?.stateAfter?.pending.length ?? 0) > 0;
  const lastExport = (r: RunResult): CommandRecord | undefined =>
    r.trace.commands.findLast((c) => c.stateAfter);
  const named = (name: string): number => commands.filter((c) => c.name === name).length;
  return [
    `- Kills: ${breakdown(kills.map((kill) => `${kill.signal} during ${kill.during}`))}; ` +
      `${commands.filter((c) => c.killMissed !== undefined).length} more planned but the command ended first; median ` +
      `${percentile(
        kills.map((kill) => kill.writesSeen),
        0.5,
      )} NIC writes received before a kill. Left running by ` +
      `"SIGKILL, plugin left running": ${breakdown(kills.flatMap((kill) => kill.orphans))}; still running at the end ` +
      `of their run: ${results.reduce((n, r) => n + r.trace.orphansAliveAtEnd, 0)}.`,
    `- Recovery: ${commands.filter((c) => !c.ok && /the stack is currently locked/.test(c.output ?? "")).length} commands ` +
      `found the stack locked, ${named("cancel")} \`pulumi cancel\`, ${named("refresh --clear-pending-creates")} ` +
      `\`refresh --clear-pending-creates\`; runs with pending operations after some command ` +
      `${results.filter((r) => r.trace.commands.some(pending)).length}, after their last ` +
      `${results.filter((r) => pending(lastExport(r))).length}. Recovery \`up\`s per run: ` +
      `${perRun(results, (c) => c.phase === "recovery" && c.name.startsWith("up"))}; \`destroy\`s per run: ` +
      `${perRun(results, (c) => c.name === "destroy")}.`,
  ];
}

/** Everything but the table: what ran, kills and recovery, chaos, what did not converge, the runs to look at, time. */
export function figureLines(batch: Batch): string[] {
  const { results } = batch;
  const sum = (of: (r: RunResult) => number): number => results.reduce((n, r) => n + of(r), 0);
  const left = results.map((r) => Object.values(r.trace.final).filter((end) => end.inState === true).length);
  const failures = results.flatMap((r) => r.failures);
  const packages = results.flatMap((r) => (r.packageSha === undefined ? [] : [r.packageSha]));
  const failing = results.filter(runFailed).map((r) => r.trace.seed);
  const seconds = (ms: number): string => (ms / 1000).toFixed(1);
  const commands = results.flatMap((r) => r.trace.commands);
  return [
    `- Setup: ${breakdown(results.map((r) => r.trace.setup))}. Commands: ${breakdown(commands.map((c) => `${c.name} ${c.ok ? "ok" : "failed"}`))}.`,
    operationLine(results),
    ...killLines(results),
    `- Chaos events: ${breakdown(results.flatMap((r) => r.trace.events.map((e) => e.kind)))}. Checks after a successful ` +
      `\`up\` excused because the NIC moved out of band since the stack last read it: ${sum((r) => r.verdict.excusedChecks)}. ` +
      `Detaches of a NIC moved out of band after the provider's last look (at most ${LOOK_TO_SEND_MS} ms before) or ` +
      `while the server held the detach: ${sum((r) => r.verdict.racedDetaches)} (a race no client of this API can close).`,
    `- Did not converge: ${breakdown(failures.map((f) => `${f.what}${f.expected ? " (explained by out-of-band changes)" : ""}: ${f.cause}`))}. ` +
      `Left in state at the end: ${left.reduce((a, b) => a + b, 0)} resources in ${left.filter((n) => n > 0).length} runs. ` +
      `API requests: ${sum((r) => r.trace.requests.length)}.${packages.length === 0 ? "" : ` Packed package (sha256): ${breakdown(packages)}.`}`,
    `- Runs needing a look (a violation, or a failure their chaos does not explain): ${failing.length} of ` +
      `${runCount(batch)}; seeds: ${seedList(failing)}.`,
    ...(batch.crashed.length === 0
      ? []
      : [`- Crashed runs: ${batch.crashed.map((c) => `${c.seed} (${c.error})`).join("; ")}.`]),
    `- Wall time ${(batch.wallMs / 1000).toFixed(0)} s; per run median ${seconds(
      percentile(
        results.map((r) => r.wallMs),
        0.5,
      ),
    )} s, ` + `slowest ${seconds(Math.max(0, ...results.map((r) => r.wallMs)))} s.`,
  ];
}
