import { formatViolation } from "./format";
import { runSeed } from "./runSeed";
import type { RunResult } from "./runSeed";
import { summarize } from "./summary";
import type { Summary } from "./summary";
import { INVARIANTS } from "./summary";

/** Finished and crashed runs of a batch, in seed order. */
export interface BatchOutcome {
  readonly results: readonly RunResult[];
  readonly summary: Summary;
}

function progressLine(result: RunResult): string {
  const found = result.violations.map((violation) => violation.invariant);
  const verdict = found.length === 0 ? "ok" : `violations ${found.join(",")}`;
  return (
    `seed ${result.trace.seed}: ${verdict}; ${result.trace.ops.length} operations, ${result.rounds} rounds, ` +
    `${(result.wallMs / 1000).toFixed(1)} s`
  );
}

/**
 * Runs the seeds, `concurrency` at a time, each on its own simulator in this process, reporting
 * each run as it finishes. A run that crashes is reported and counted, not fatal to the batch.
 */
export async function runBatch(
  seeds: readonly number[],
  concurrency: number,
  print: (line: string) => void,
): Promise<BatchOutcome> {
  const started = Date.now();
  const results: RunResult[] = [];
  const crashed: { seed: number; error: string }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < seeds.length) {
      const seed = seeds[next++] ?? 0;
      try {
        const result = await runSeed(seed);
        results.push(result);
        print(progressLine(result));
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        crashed.push({ seed, error: message.split("\n")[0] ?? "" });
        print(`seed ${seed}: CRASHED ${message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, seeds.length) }, worker));
  results.sort((a, b) => a.trace.seed - b.trace.seed);
  return { results, summary: summarize(results, crashed, Date.now() - started) };
}

/** Traces of violations: up to `perInvariant` for each invariant, in seed order. */
export function violationTraces(results: readonly RunResult[], perInvariant: number): string[] {
  const traces: string[] = [];
  for (const id of INVARIANTS) {
    let shown = 0;
    for (const result of results) {
      for (const violation of result.violations) {
        if (violation.invariant !== id || shown >= perInvariant) continue;
        traces.push(formatViolation(result.trace, violation));
        shown++;
      }
    }
  }
  return traces;
}
