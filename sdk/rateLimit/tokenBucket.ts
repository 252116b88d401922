import type { Sleep } from "../util/time";
import { processWideMap } from "../util/processWide";
import { abortableSleep } from "../util/time";

/**
 * Anything that can hold a call back until the client may send it. The client takes one token per
 * attempt, retries included, because every attempt counts against Zenlayer's limit, and reports
 * how each attempt was answered, so a limiter can slow down when the server says it is too fast.
 * @public
 */
export interface RateLimiter {
  /** Resolves when a request may be sent; rejects with `signal.reason` if the signal aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** How an attempt let through was answered: throttled (HTTP 429) or anything else. */
  record?(outcome: "throttled" | "accepted"): void;
}

/** The starting rate and burst of a {@link TokenBucket}; the clock and sleep are injectable for tests. @public */
export interface TokenBucketOptions {
  /** The rate to start at and never climb above; throttling lowers it for a while. */
  readonly requestsPerSecond: number;
  /** Defaults to `requestsPerSecond`: up to one second's worth of calls may go out at once. */
  readonly burst?: number;
  /** The clock, in epoch milliseconds; `Date.now` by default. */
  readonly now?: () => number;
  readonly sleep?: Sleep;
}

/** The rate never drops below this, so a throttled process still makes progress. */
const MIN_RATE = 0.5;
/** One cut per this long: a burst of 429s from one overload halves the rate once, not ten times. */
const CUT_INTERVAL_MS = 1000;

/**
 * A token bucket that hands out tokens in arrival order. A caller that finds the bucket empty
 * reserves the next token (the balance goes negative) and sleeps until it has been earned, so
 * waiting callers never race each other for the same token.
 *
 * The rate adapts to the server, slowing down fast and speeding up gradually: a throttled answer
 * halves it, or brings it down to what the server accepted over the last second if that is less;
 * then it climbs back by a tenth of that per second (at least one call per second, per second),
 * never above the configured rate. A client configured far above its account's limit so settles
 * near the limit instead of bursting into it every second.
 * Without this, a process configured faster than its account's real limit keeps every caller
 * retrying against 429s, and whoever wins the next free slot is luck; with it, calls queue here in
 * order at about the rate the server accepts.
 * @public
 */
export class TokenBucket implements RateLimiter {
  readonly requestsPerSecond: number;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private rate: number;
  /** How fast the rate climbs back after a cut: a tenth of the rate it was cut to, per second. */
  private rampPerSecond = 1;
  private tokens: number;
  private refilledAt: number;
  private cutAt = Number.NEGATIVE_INFINITY;
  /** When recent attempts were accepted, over the last second. */
  private acceptedAt: number[] = [];

  constructor(options: TokenBucketOptions) {
    if (!(options.requestsPerSecond > 0) || !Number.isFinite(options.requestsPerSecond)) {
      throw new RangeError("requestsPerSecond must be a positive finite number");
    }
    this.requestsPerSecond = options.requestsPerSecond;
    this.rate = options.requestsPerSecond;
    this.burst = Math.max(1, options.burst ?? options.requestsPerSecond);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
    this.tokens = this.burst;
    this.refilledAt = this.now();
  }

  /** The rate currently granted, after adapting to throttled answers. */
  get currentRate(): number {
    return this.rate;
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.refill();
    this.tokens -= 1;
    if (this.tokens >= 0) return;
    const waitMs = Math.ceil((-this.tokens * 1000) / this.rate);
    try {
      await this.sleep(waitMs, signal);
    } catch (reason) {
      this.tokens += 1;
      throw reason;
    }
  }

  /**
   * Takes a token if one is there, without waiting: for a server that refuses excess requests (the
   * simulator's gateway limit) rather than a client that queues them.
   */
  tryAcquire(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  record(outcome: "throttled" | "accepted"): void {
    this.refill();
    const now = this.now();
    this.acceptedAt = this.acceptedAt.filter((at) => now - at < CUT_INTERVAL_MS);
    if (outcome === "accepted") {
      this.acceptedAt.push(now);
      return;
    }
    if (now - this.cutAt < CUT_INTERVAL_MS) return;
    this.cutAt = now;
    // What the server let through in the last second is the best guess of its limit.
    this.rate = Math.max(MIN_RATE, Math.min(this.rate / 2, this.acceptedAt.length));
    this.rampPerSecond = Math.max(1, this.rate / 10);
    this.tokens = Math.min(this.tokens, 0); // no burst into a server that just refused one
  }

  private refill(): void {
    const now = this.now();
    const seconds = (now - this.refilledAt) / 1000;
    const earned = seconds * this.rate;
    this.rate = Math.min(this.requestsPerSecond, this.rate + seconds * this.rampPerSecond);
    this.tokens = Math.min(Math.min(this.burst, Math.max(1, this.rate)), this.tokens + earned);
    this.refilledAt = now;
  }
}

/**
 * The process-wide limiter of one account at a given rate. Zenlayer limits requests per account,
 * not per client object, and a Pulumi program may create many clients (one per resource
 * operation) and even load two copies of this package; keeping the buckets in a process-wide map
 * makes all of them draw from the same bucket. `account` names the account and
 * the endpoint it is reached at (never a secret): two accounts, or one account at two endpoints (a
 * simulator and the cloud), have limits of their own, and a 429 answered to one must not slow the
 * other down.
 * @internal
 */
export function sharedRateLimiter(requestsPerSecond: number, account: string): RateLimiter {
  const buckets = processWideMap<string, RateLimiter>("sharedRateLimiters");
  const key = JSON.stringify([account, requestsPerSecond]);
  let bucket = buckets.get(key);
  if (bucket === undefined) {
    bucket = new TokenBucket({ requestsPerSecond });
    buckets.set(key, bucket);
  }
  return bucket;
}
