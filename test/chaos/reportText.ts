import { LOOK_TO_SEND_MS, OVERRUN_SLACK_MS } from "./check/index";
import { REQUEST_TIMEOUT_MS } from "./plan";
import { INVARIANTS } from "./summary";
import type { Summary } from "./summary";
import { INVARIANT_NAMES } from "./trace";

const MAX_LISTED_SEEDS = 40;

function perHundred(count: number, runs: number): string {
  return runs === 0 ? "0" : ((count * 100) / runs).toFixed(1);
}

function breakdown(counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? "" : entries.map(([key, n]) => `${key} ${n}`).join(", ");
}

function seedList(seeds: readonly number[]): string {
  const shown = seeds.slice(0, MAX_LISTED_SEEDS).join(", ");
  return seeds.length > MAX_LISTED_SEEDS ? `${shown}, … (${seeds.length} in all)` : shown || "none";
}

/** The per-invariant table: violations, runs with at least one, the rate, and where they were blamed. */
export function invariantTable(summary: Summary): string[] {
  return [
    "| invariant | violations | runs with one | violations per 100 runs | blamed operation (kind:outcome) |",
    "| --- | ---: | ---: | ---: | --- |",
    ...INVARIANTS.map((id) => {
      const tally = summary.invariants[id];
      return (
        `| ${id}. ${INVARIANT_NAMES[id]} | ${tally.count} | ${tally.runs} | ` +
        `${perHundred(tally.count, summary.runs)} | ${breakdown(tally.byOperation)} |`
      );
    }),
  ];
}

/** Everything but the table: operations, timeouts, leftovers, failing seeds. */
export function figureLines(summary: Summary): string[] {
  const ops = summary.operations;
  const total = ops.create + ops.read + ops.update + ops.delete;
  const allowance = OVERRUN_SLACK_MS + REQUEST_TIMEOUT_MS;
  return [
    `- Operations: ${total} (create ${ops.create}, read ${ops.read}, update ${ops.update}, delete ${ops.delete}); ` +
      `outcomes: ${breakdown(summary.outcomes)}.`,
    `- Timeouts: ${summary.pastTimeout} of ${summary.timedOperations} create/update/delete calls returned past ` +
      `their own timeout; overrun p95 ${summary.overrunP95Ms} ms, max ${summary.overrunMaxMs} ms ` +
      `(invariant 5 allows ${allowance} ms: 1 s plus one ${REQUEST_TIMEOUT_MS} ms request timeout).`,
    `- Left in state after the last round: ${summary.leftInState.resources} resources in ` +
      `${summary.leftInState.runs} runs. API requests: ${summary.requests}.`,
    `- Detaches of a NIC moved out of band after the provider's last look (at most ${LOOK_TO_SEND_MS} ms before the ` +
      `detach) or while the server held the detach: ${summary.racedDetaches} (a race no client of this API can ` +
      "close; not counted as violations).",
    `- Runs with a violation: ${summary.failingSeeds.length} of ${summary.runs}; seeds: ${seedList(summary.failingSeeds)}.`,
    ...(summary.crashed.length === 0
      ? []
      : [`- Crashed runs: ${summary.crashed.map((crash) => `${crash.seed} (${crash.error})`).join("; ")}.`]),
    `- Wall time ${(summary.wallMs / 1000).toFixed(0)} s; slowest run ${(summary.slowestRunMs / 1000).toFixed(1)} s.`,
  ];
}
