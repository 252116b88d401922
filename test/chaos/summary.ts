import { overrunMs } from "./check/index";
import type { RunResult } from "./runSeed";
import type { InvariantId, OpKind } from "./trace";

export const INVARIANTS: readonly InvariantId[] = [1, 2, 3, 4, 5, 6];

/** Violations of one invariant over all runs, and which operations they were blamed on. */
export interface InvariantTally {
  count: number;
  runs: number;
  /** `kind:outcome` of the blamed operation (e.g. `delete:ok`), or `-` when none. */
  byOperation: Record<string, number>;
}

/** The figures of a batch of runs, as printed and written to BENCHMARKS.md. */
export interface Summary {
  readonly runs: number;
  readonly seeds: readonly number[];
  readonly invariants: Readonly<Record<InvariantId, InvariantTally>>;
  readonly failingSeeds: readonly number[];
  readonly operations: Readonly<Record<OpKind, number>>;
  readonly outcomes: Readonly<Record<string, number>>;
  /** Operations with a timeout (create, update, delete), and how many returned past it. */
  readonly timedOperations: number;
  readonly pastTimeout: number;
  /** Time past the timeout, over all timed operations (0 for those in time), in ms. */
  readonly overrunP95Ms: number;
  readonly overrunMaxMs: number;
  readonly leftInState: { readonly resources: number; readonly runs: number };
  readonly requests: number;
  /** Detaches of a NIC that moved after the provider's last look, while the detach was on its way. */
  readonly racedDetaches: number;
  readonly slowestRunMs: number;
  readonly wallMs: number;
  /** Runs that crashed instead of finishing (a bug in the harness or the simulator). */
  readonly crashed: readonly { readonly seed: number; readonly error: string }[];
}

/** The value below which `p` of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? 0;
}

function emptyTallies(): Record<InvariantId, InvariantTally> {
  const entries = INVARIANTS.map((id) => [id, { count: 0, runs: 0, byOperation: {} }] as const);
  return Object.fromEntries(entries) as Record<InvariantId, InvariantTally>;
}

function tallyViolations(results: readonly RunResult[]): Record<InvariantId, InvariantTally> {
  const tallies = emptyTallies();
  for (const result of results) {
    const seen = new Set<InvariantId>();
    for (const violation of result.violations) {
      const tally = tallies[violation.invariant];
      const op = result.trace.ops.find((candidate) => candidate.index === violation.opIndex);
      const key = op === undefined ? "-" : `${op.kind}:${op.outcome}`;
      tally.count++;
      tally.byOperation[key] = (tally.byOperation[key] ?? 0) + 1;
      seen.add(violation.invariant);
    }
    for (const id of seen) tallies[id].runs++;
  }
  return tallies;
}

function count<T extends string>(keys: readonly T[]): Partial<Record<T, number>> {
  const out: Partial<Record<T, number>> = {};
  for (const key of keys) out[key] = (out[key] ?? 0) + 1;
  return out;
}

/** Sums up finished runs (and crashed ones) into the figures the report shows. */
export function summarize(
  results: readonly RunResult[],
  crashed: Summary["crashed"],
  wallMs: number,
): Summary {
  const ops = results.flatMap((result) => result.trace.ops);
  const overruns = ops.flatMap((op) => {
    const over = overrunMs(op);
    return over === undefined ? [] : [Math.max(0, over)];
  });
  const sorted = [...overruns].sort((a, b) => a - b);
  return {
    runs: results.length + crashed.length,
    seeds: results.map((result) => result.trace.seed),
    invariants: tallyViolations(results),
    failingSeeds: results.filter((result) => result.violations.length > 0).map((result) => result.trace.seed),
    operations: { create: 0, read: 0, update: 0, delete: 0, ...count(ops.map((op) => op.kind)) },
    outcomes: count(ops.map((op) => `${op.kind}:${op.outcome}`)) as Record<string, number>,
    timedOperations: overruns.length,
    pastTimeout: overruns.filter((over) => over > 0).length,
    overrunP95Ms: percentile(sorted, 0.95),
    overrunMaxMs: sorted.at(-1) ?? 0,
    leftInState: {
      resources: results.reduce((sum, result) => sum + result.leftInState, 0),
      runs: results.filter((result) => result.leftInState > 0).length,
    },
    requests: results.reduce((sum, result) => sum + result.trace.requests.length, 0),
    racedDetaches: results.reduce((sum, result) => sum + result.racedDetaches, 0),
    slowestRunMs: Math.max(0, ...results.map((result) => result.wallMs)),
    wallMs,
    crashed,
  };
}
