/**
 * How long one account's NIC transitions take, learned while the process runs, to time the first
 * look after a write: about when the transition has finished. Looking earlier only spends
 * requests; looking later adds lag to every operation.
 * @packageDocumentation
 */

/**
 * A bracket wider than this many poll intervals says little about when the transition ended (the
 * looks were spread out by retries after lost answers or throttling), so it is not learned.
 */
const WIDEST_LEARNED_BRACKET = 3;

/**
 * An average of recent transition times that favours the newest, bounded to between half a poll
 * interval and ten of them. Before any was seen, two intervals (two seconds by default, about what
 * Zenlayer's NIC transitions take).
 * @internal
 */
export class TransitionEstimate {
  #recentMs: number | undefined;

  /** How long after a write to take the first look. */
  firstLookAfterMs(intervalMs: number): number {
    return Math.min(10 * intervalMs, Math.max(intervalMs / 2, this.#recentMs ?? 2 * intervalMs));
  }

  /**
   * Learns from one operation whose write was answered: its transition ended after the last look
   * that saw it in flight (or the write) and by the look that saw it done. The middle of that
   * bracket is learned, not the moment the change was noticed, which includes the lag (learning
   * it made every later operation look later still: median lag 0.4 s growing to 2.8 s over 100
   * attachments). A bracket wider than a few intervals is skipped.
   */
  learn(
    wroteAt: number,
    lastPendingLookAt: number | undefined,
    doneLookAt: number,
    intervalMs: number,
  ): void {
    const after = Math.max(lastPendingLookAt ?? wroteAt, wroteAt);
    const done = Math.max(doneLookAt, after);
    if (done - after > WIDEST_LEARNED_BRACKET * intervalMs) return;
    const ms = (after + done) / 2 - wroteAt;
    this.#recentMs = this.#recentMs === undefined ? ms : 0.7 * this.#recentMs + 0.3 * ms;
  }
}
