import { DEFAULT_READ_CONSISTENCY_MS } from "../../provider/shared/context";
import type { FaultSettings } from "../../simulator/index";
import { between, chance, intBetween, STREAMS, streamFor } from "./draw";
import type { Random } from "./draw";

/** One HTTP attempt's limit for the provider's client; short, so lost answers cost little time. */
export const REQUEST_TIMEOUT_MS = 2000;
/** The last round of a run; resources still in state then are reported as left over. */
export const MAX_ROUNDS = 10;
/** Out-of-band changes and scripted bursts stop before this round, so destroy can finish. */
export const CHAOS_UNTIL_ROUND = 7;

/** Everything a run is made of, drawn from its seed before it starts. */
export interface RunPlan {
  readonly seed: number;
  readonly instanceCount: number;
  readonly attachmentCount: number;
  readonly transitionDelayMs: number;
  readonly faults: FaultSettings;
  /** Per attachment: its `timeouts.create` and `timeouts.delete`, in ms. */
  readonly timeouts: readonly { readonly createMs: number; readonly deleteMs: number }[];
  /** From this round on, commands are `destroy` (and sometimes `refresh`). */
  readonly destroyFromRound: number;
}

/**
 * A timeout between 1 and 10 s, to the 100 ms, so many operations run out of time under faults and
 * lag, and must then fail safe. (A delete whose NIC moved must see it moved twice, a read-consistency
 * window apart, so with a timeout near the window it fails, by design, keeping the resource.)
 */
function drawTimeoutMs(random: Random): number {
  return intBetween(random, 10, 100) * 100;
}

/**
 * The longest read lag drawn: three times the provider's default window, which it must survive
 * without harm (waiting, or failing safe), not merely the lag it assumes.
 */
export const MAX_STALE_READ_MS = 3 * DEFAULT_READ_CONSISTENCY_MS;

/** The probabilistic faults of a run: every kind present, each at a rate drawn for the run. */
export function drawFaults(random: Random): FaultSettings {
  const spikeMs = intBetween(random, 200, 2600);
  const faults: FaultSettings = {
    errorRate: between(random, 0.1, 0.3),
    resetRate: between(random, 0, 0.04),
    lostResponseRate: between(random, 0, 0.08),
    htmlRate: between(random, 0, 0.03),
    htmlStatus: 502,
    latencySpikeRate: between(random, 0, 0.04),
    latencySpikeMs: spikeMs,
    stallRate: between(random, 0, 0.25),
    stallMs: intBetween(random, 300, 3000),
    // Describe lagging a write by up to three times the window the provider assumes.
    staleReadMs: chance(random, 0.6) ? intBetween(random, 50, MAX_STALE_READ_MS) : 0,
  };
  return chance(random, 0.3) ? { ...faults, rateLimitRps: intBetween(random, 30, 120) } : faults;
}

/** Draws the plan of run `seed`: 2–4 instances, 10–20 attachments, faults and timeouts. */
export function planRun(seed: number): RunPlan {
  const random = streamFor(seed, STREAMS.plan);
  const instanceCount = intBetween(random, 2, 4);
  const attachmentCount = intBetween(random, 10, 20);
  const transitionDelayMs = intBetween(random, 30, 300);
  const faults = drawFaults(random);
  const timeouts = Array.from({ length: attachmentCount }, () => ({
    createMs: drawTimeoutMs(random),
    deleteMs: drawTimeoutMs(random),
  }));
  const destroyFromRound = intBetween(random, 2, 4);
  return { seed, instanceCount, attachmentCount, transitionDelayMs, faults, timeouts, destroyFromRound };
}
