/**
 * A token bucket: `rps` tokens per second with a burst of one second's worth (at least one).
 * Driven by an explicit clock so tests can step time instead of sleeping.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;

  constructor(
    private readonly rps: number,
    now: number,
  ) {
    this.capacity = Math.max(1, rps);
    this.tokens = this.capacity;
    this.last = now;
  }

  /** Takes one token; false means the request is over the limit. */
  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.last);
    this.last = now;
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.rps);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
