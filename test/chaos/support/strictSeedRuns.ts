/**
 * Runs the handler chaos seeds given as arguments in this process and prints one JSON line with
 * what the test checks: each run's violations (as traces) and what it left in state. Run with
 * `node --unhandled-rejections=strict`, so that a promise the provider leaves unhandled ends the
 * process, as it would end the provider host.
 */
import { formatViolation } from "../format";
import { runHandlerSeed } from "../handlers/run";

/** What one seed's run came to, as the test reads it. */
export interface StrictRunOutcome {
  readonly seed: number;
  readonly violationTraces: readonly string[];
  readonly leftInState: number;
}

async function main(seeds: readonly number[]): Promise<void> {
  const results = await Promise.all(seeds.map((seed) => runHandlerSeed(seed)));
  const outcomes: StrictRunOutcome[] = results.map(({ trace, verdict }) => ({
    seed: trace.seed,
    violationTraces: verdict.violations.map((violation) => formatViolation(trace, violation)),
    leftInState: Object.values(trace.final).filter((end) => end.inState === true).length,
  }));
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
}

main(process.argv.slice(2).map(Number)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
