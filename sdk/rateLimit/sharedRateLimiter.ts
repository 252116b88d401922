import type { RateLimiter } from "./tokenBucket";
import { TokenBucket } from "./tokenBucket";

const REGISTRY_KEY = Symbol.for("pulumi-zenlayer.sharedRateLimiters");

type Registry = Map<number, RateLimiter>;

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  const existing = holder[REGISTRY_KEY];
  if (existing !== undefined) return existing;
  const created: Registry = new Map();
  holder[REGISTRY_KEY] = created;
  return created;
}

/**
 * The process-wide limiter for a given rate. Zenlayer limits requests per account, not per client
 * object, and a Pulumi program may create many clients (one per resource operation) and even load
 * two copies of this package; keeping the buckets on `globalThis` under a `Symbol.for` key makes
 * all of them draw from the same bucket. Clients configured with the same rate (the normal case:
 * they read the same stack config) share one bucket.
 * @public
 */
export function sharedRateLimiter(requestsPerSecond: number): RateLimiter {
  const buckets = registry();
  let bucket = buckets.get(requestsPerSecond);
  if (bucket === undefined) {
    bucket = new TokenBucket({ requestsPerSecond });
    buckets.set(requestsPerSecond, bucket);
  }
  return bucket;
}
