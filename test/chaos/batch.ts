import { loadavg } from "node:os";
import { checkRun } from "./check/index";
import type { Verdict } from "./check/index";
import { runFailures } from "./failures";
import type { RunFailure } from "./failures";
import type { RunPlan } from "./plan";
import type { RunTrace } from "./trace";

/** One finished run: what happened, what the checker found, and what did not converge. */
export interface RunResult {
  readonly plan: RunPlan;
  readonly trace: RunTrace;
  readonly verdict: Verdict;
  readonly failures: readonly RunFailure[];
  readonly wallMs: number;
  /** Engine runs: the world's directory, kept when the run needs a look. */
  readonly keptDir?: string;
  /** Engine runs: SHA-256 (12 hex digits) of the packed package installed, the code measured. */
  readonly packageSha?: string;
}

/** Judges a finished run: the same checker and convergence figures for both executors. */
export function judge(plan: RunPlan, trace: RunTrace, wallMs: number): RunResult {
  return { plan, trace, verdict: checkRun(trace), failures: runFailures(trace), wallMs };
}

/** Whether a run needs a look: a violation, or a failure to converge its own chaos does not explain. */
export const runFailed = (result: RunResult): boolean =>
  result.verdict.violations.length > 0 || result.failures.some((failure) => !failure.expected);

/** Finished and crashed runs of a batch, in seed order, with the machine's load meanwhile. */
export interface Batch {
  readonly executor: RunPlan["executor"];
  readonly results: readonly RunResult[];
  readonly crashed: readonly { readonly seed: number; readonly error: string }[];
  readonly wallMs: number;
  /** The lowest and highest 1-minute load average seen. */
  readonly load: readonly [number, number];
}

/**
 * Runs the seeds, `concurrency` at a time, reporting each run as it finishes. A run that crashes
 * (a bug in the harness or the simulator) is reported and counted, not fatal to the batch.
 */
export async function runBatch(
  executor: RunPlan["executor"],
  seeds: readonly number[],
  concurrency: number,
  runOne: (seed: number) => Promise<RunResult>,
  print: (line: string) => void,
): Promise<Batch> {
  const started = Date.now();
  const results: RunResult[] = [];
  const crashed: { seed: number; error: string }[] = [];
  const loads = [loadavg()[0] ?? 0];
  const sampler = setInterval(() => loads.push(loadavg()[0] ?? 0), 15_000);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < seeds.length) {
      const seed = seeds[next++] ?? 0;
      try {
        results.push(await runOne(seed));
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        crashed.push({ seed, error: message.split("\n")[0] ?? "" });
        print(`seed ${seed}: CRASHED ${message}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, seeds.length) }, worker));
  } finally {
    clearInterval(sampler);
  }
  loads.push(loadavg()[0] ?? 0);
  results.sort((a, b) => a.trace.seed - b.trace.seed);
  return {
    executor,
    results,
    crashed,
    wallMs: Date.now() - started,
    load: [Math.min(...loads), Math.max(...loads)],
  };
}
