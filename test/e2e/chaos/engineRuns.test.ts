import { ENSURE_PULUMI_TIMEOUT_MS } from "../../../scripts/lib/pulumiCli";
import type { RunResult } from "../../chaos/batch";
import { runEngineSeed } from "../../chaos/engine/run";
import { formatViolation } from "../../chaos/format";
import { pulumiCliSkipReason } from "../support/cliAvailability";

/**
 * A short chaos run through the real Pulumi engine inside `npm test`: two seeds, one after the
 * other, each in a world of its own built like the end-to-end tests' (packed package, private
 * backend and home, simulator with the seed's faults). About two minutes on two cores. Picked
 * because each interrupts its first `up` soon after its first NIC writes, while more are to come:
 *   39  inline program, credentials in secret config: Ctrl-C (SIGINT) to the CLI's process group
 *       after the first write, a graceful cancel, then `up --refresh` and a destroy with chaos
 *   42  on-disk program through `pulumi` (inline when no language host can be had): kill -9 of the
 *       CLI and the provider plugin after the third write, a locked stack, `pulumi cancel`,
 *       pending creates
 * A failure prints the trace of each violation; `npm run chaos -- --engine --seed N` replays one.
 * Skipped, with the reason in the title, only when no Pulumi CLI can be had at all.
 */
const SEEDS = [39, 42] as const;
const RUN_TIMEOUT_MS = 240_000;

const skipReason = pulumiCliSkipReason();
const describeWithCli = skipReason === undefined ? describe : describe.skip;
const title = `seeded chaos runs through the Pulumi engine${skipReason === undefined ? "" : ` (skipped: ${skipReason})`}`;

describeWithCli(title, () => {
  const results = new Map<number, RunResult>();

  beforeAll(async () => {
    for (const seed of SEEDS) {
      results.set(
        seed,
        await runEngineSeed(seed, (line) => process.stderr.write(`[chaos ${seed}] ${line}\n`)),
      );
    }
  }, ENSURE_PULUMI_TIMEOUT_MS + RUN_TIMEOUT_MS);

  const result = (seed: number): RunResult => {
    const found = results.get(seed);
    if (found === undefined) throw new Error(`seed ${seed} did not run; see the beforeAll failure above`);
    return found;
  };

  it.each(SEEDS)("seed %i keeps every engine invariant", (seed) => {
    const { trace, verdict } = result(seed);
    expect(verdict.violations.map((violation) => formatViolation(trace, violation)).join("\n\n")).toBe("");
  });

  it.each(SEEDS)(
    "seed %i converges: the final destroy succeeds, the recovery unless chaos made it impossible",
    (seed) => {
      const { failures, trace } = result(seed);
      expect(failures.filter((failure) => !failure.expected)).toEqual([]);
      expect(trace.commands.at(-1)).toMatchObject({ name: "destroy", ok: true });
    },
  );

  it("interrupts a running up with SIGINT in one seed and SIGKILL in the other", () => {
    const kills = SEEDS.map(
      (seed) => result(seed).trace.commands.find((command) => command.kill)?.kill?.signal,
    );
    expect(kills).toEqual(["SIGINT", "SIGKILL"]);
  });
});
