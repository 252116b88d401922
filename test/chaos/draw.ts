import { deriveStream, randomInt } from "../../simulator/faults/faultInjector";
import type { Random } from "../../simulator/faults/faultInjector";

/**
 * Seeded draws for the chaos runs, on the simulator's mulberry32 streams: every choice a run
 * makes comes from its seed, never from `Math.random`, so a seed names the same plan every time.
 */
export type { Random };

/** Streams per purpose, so that drawing one more fault never shifts the resources of a plan. */
export const STREAMS = { plan: 10, rounds: 100 } as const;

export function streamFor(seed: number, stream: number): Random {
  return deriveStream(seed, stream);
}

/** A float in [lo, hi). */
export function between(random: Random, lo: number, hi: number): number {
  return lo + random() * (hi - lo);
}

/** An integer in [lo, hi], both included. */
export function intBetween(random: Random, lo: number, hi: number): number {
  return lo + randomInt(random, hi - lo + 1);
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[randomInt(random, items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}
