import type { Sleep } from "../util/abort";
import { abortableSleep } from "../util/abort";

/**
 * Anything that can hold a call back until the client may send it. The client takes one token per
 * attempt, retries included, because every attempt counts against Zenlayer's limit.
 * @public
 */
export interface RateLimiter {
  /** Resolves when a request may be sent; rejects with `signal.reason` if the signal aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
}

/** @public */
export interface TokenBucketOptions {
  readonly requestsPerSecond: number;
  /** Defaults to `requestsPerSecond`: up to one second's worth of calls may go out at once. */
  readonly burst?: number;
  readonly now?: () => number;
  readonly sleep?: Sleep;
}

/**
 * A token bucket that hands out tokens in arrival order. A caller that finds the bucket empty
 * reserves the next token (the balance goes negative) and sleeps until it has been earned, so
 * waiting callers never race each other for the same token.
 * @public
 */
export class TokenBucket implements RateLimiter {
  readonly requestsPerSecond: number;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private tokens: number;
  private refilledAt: number;

  constructor(options: TokenBucketOptions) {
    if (!(options.requestsPerSecond > 0) || !Number.isFinite(options.requestsPerSecond)) {
      throw new RangeError("requestsPerSecond must be a positive finite number");
    }
    this.requestsPerSecond = options.requestsPerSecond;
    this.burst = Math.max(1, options.burst ?? options.requestsPerSecond);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
    this.tokens = this.burst;
    this.refilledAt = this.now();
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.refill();
    this.tokens -= 1;
    if (this.tokens >= 0) return;
    const waitMs = Math.ceil((-this.tokens * 1000) / this.requestsPerSecond);
    try {
      await this.sleep(waitMs, signal);
    } catch (reason) {
      this.tokens += 1;
      throw reason;
    }
  }

  private refill(): void {
    const now = this.now();
    const earned = ((now - this.refilledAt) * this.requestsPerSecond) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + earned);
    this.refilledAt = now;
  }
}
