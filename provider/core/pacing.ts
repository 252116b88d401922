/**
 * When an operation looks at the cloud next: the one place that decides it.
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
