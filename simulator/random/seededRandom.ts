/**
 * A tiny seeded PRNG (mulberry32). Faults and ids must be reproducible from `randomSeed`, which
 * `Math.random` cannot offer; 32 bits of state are plenty for test-sized runs.
 * @internal
 */
export type Random = () => number;

/** Returns a generator of floats in [0, 1); the same seed always yields the same sequence. @internal */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Independent streams derived from one seed, so that (for example) generating an extra id never
 * shifts the sequence of fault outcomes.
 * @internal
 */
export function deriveStream(seed: number, stream: number): Random {
  return mulberry32((seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0);
}

/** An integer in [0, bound). @internal */
export function randomInt(random: Random, bound: number): number {
  return Math.floor(random() * bound);
}
