/**
 * Retry budget for one API call. Both a count and a wall-clock deadline apply, whichever ends
 * first, so a slow outage cannot stretch a Pulumi operation indefinitely.
 * @public
 */
export interface RetrySettings {
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  /** The full-jitter ceiling for the first retry; it doubles per retry up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  /** The cap on the full-jitter ceiling. */
  readonly maxDelayMs: number;
  /** No retry starts after this many milliseconds from the first attempt. */
  readonly deadlineMs: number;
}

/**
 * Defaults sized for a control-plane API: eight attempts spread over tens of seconds ride out a
 * short throttling burst or a rolling restart, and five minutes bounds the worst case.
 * @public
 */
export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
  maxAttempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  deadlineMs: 300_000,
};

/** Overlays partial settings on the defaults. @public */
export function resolveRetrySettings(partial: Partial<RetrySettings> | undefined): RetrySettings {
  return { ...DEFAULT_RETRY_SETTINGS, ...partial };
}
