/**
 * When an operation looks at the cloud next: the one place that decides it, from the learned time
 * NIC transitions take, a shared grid of looks, and the least wait a step or a backoff asks for.
 * @packageDocumentation
 */

/** What the next look's timing depends on. */
export interface LookTiming {
  readonly now: number;
  /** The poll interval: how often an operation looks while something is in flight. */
  readonly intervalMs: number;
  /** When the first look after the operation's write is due (a transition usually has finished then). */
  readonly firstLookAt: number | undefined;
  /**
   * The least time to wait: a step's own hold-off (until a read can confirm a verdict), or a
   * failed look's backoff (full jitter, never below the server's `Retry-After`).
   */
  readonly atLeastMs: number;
}

/**
 * Milliseconds until the next look. The first look after a write comes when a transition usually
 * has finished, later ones every interval, never before `atLeastMs`. Every operation in the process
 * looks on one shared grid (half an interval, from the epoch), so operations in flight together read
 * together, one Describe call per look for all of them (see the batched reads in the client).
 * @internal
 */
export function nextLookInMs(timing: LookTiming): number {
  const { now, intervalMs, firstLookAt, atLeastMs } = timing;
  const firstLook = firstLookAt !== undefined && firstLookAt > now ? firstLookAt : undefined;
  const due = Math.max(firstLook ?? now + intervalMs, now + atLeastMs);
  const grid = intervalMs / 2;
  return Math.max(0, Math.ceil(due / grid) * grid - now);
}

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
