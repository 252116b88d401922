import { execFile } from "node:child_process";
import { join } from "node:path";
import type { StrictRunOutcome } from "../../chaos/support/strictSeedRuns";

/**
 * A short chaos run inside `npm test`: five recorded seeds, run at once (each on its own
 * simulator) in a child process started with `--unhandled-rejections=strict`, so that a promise
 * the provider leaves unhandled fails the run as it would end the provider host. They were picked
 * from the 200-seed batches in BENCHMARKS.md because each reliably broke invariants the provider
 * must keep:
 *   1   a create whose attach ran (answer lost) failed without partial state; a read dropped a
 *       resource on a stale "not attached"; creates waited for the instance lock past their timeout
 *   5   a delete detached a NIC that moved to another instance between its read and its detach
 *   46  deletes reported success on a stale "not attached" while the NIC was USED
 *   163 detach after a move; attached NICs left without state (fast run)
 *   181 detach after a move, success on a stale read, and a timeout overrun in one run
 * A failure prints each violation's trace; `npm run chaos -- --seed N` replays one seed.
 */
const SEEDS = [1, 5, 46, 163, 181] as const;
const RUN_TIMEOUT_MS = 240_000;
const ROOT = join(__dirname, "..", "..", "..");

let outcomes: readonly StrictRunOutcome[] = [];

function runStrict(seeds: readonly number[]): Promise<readonly StrictRunOutcome[]> {
  const args = [
    "--unhandled-rejections=strict",
    "-r",
    "ts-node/register/transpile-only",
    join(ROOT, "test", "chaos", "support", "strictSeedRuns.ts"),
    ...seeds.map(String),
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null) {
        reject(new Error(`the chaos runs ended the process (${error.message}):\n${stderr.slice(-4000)}`));
        return;
      }
      resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as StrictRunOutcome[]);
    });
  });
}

beforeAll(async () => {
  outcomes = await runStrict(SEEDS);
}, RUN_TIMEOUT_MS);

describe("seeded chaos runs of the attachment handlers", () => {
  it.each(SEEDS)("seed %i keeps every invariant", (seed) => {
    const outcome = outcomes.find((candidate) => candidate.seed === seed);
    expect(outcome).toBeDefined();
    expect(outcome?.violationTraces.join("\n\n")).toBe("");
  });

  it("finishes every run: nothing is left in state after the last round", () => {
    expect(outcomes.map((outcome) => [outcome.seed, outcome.leftInState])).toEqual(
      SEEDS.map((seed) => [seed, 0]),
    );
  });
});
