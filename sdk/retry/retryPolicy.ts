import pRetry from "p-retry";
import { isZenlayerApiError, stoppedError } from "../errors";
import type { RuntimeDeps } from "../util/time";
import { isRetrySafe } from "./classification";

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

/**
 * How long an unreachable endpoint is retried: long enough to ride out a restarting proxy or a DNS
 * blip, short enough that a mistyped domain or scheme surfaces in seconds, not minutes.
 * @public
 */
export const UNREACHABLE_RETRY_WINDOW_MS = 10_000;

/** Where a caller's retries stand when it asks whether to go on. @internal */
export interface RetryState {
  /** 0 for the first retry. */
  readonly retryIndex: number;
  /** When the endpoint was first found unreachable in this run of failures, if it was. */
  readonly unreachableSince: number | undefined;
  readonly now: number;
}

/** Whether to try again, and after how long. @internal */
export type RetryVerdict = { readonly retry: false } | { readonly retry: true; readonly delayMs: number };

/**
 * The one retry decision, shared by the client's retry loop and by callers that resend on their
 * own (a resource that looks at the cloud again before resending a write): retry what the
 * classification says is safe to repeat; wait with full jitter (which spreads many clients that
 * failed together), never less than the server's `Retry-After`; an unreachable endpoint only
 * within {@link UNREACHABLE_RETRY_WINDOW_MS}, with one last try at its end.
 * @internal
 */
export function retryVerdict(
  error: unknown,
  state: RetryState,
  settings: Pick<RetrySettings, "baseDelayMs" | "maxDelayMs">,
  random: () => number,
): RetryVerdict {
  if (!isZenlayerApiError(error) || !isRetrySafe(error.action, error.category)) return { retry: false };
  const jitter = Math.floor(
    random() * Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** state.retryIndex),
  );
  const delayMs = Math.max(jitter, error.retryAfterMs ?? 0);
  if (error.category !== "unreachable") return { retry: true, delayMs };
  const windowLeft = (state.unreachableSince ?? state.now) + UNREACHABLE_RETRY_WINDOW_MS - state.now;
  return windowLeft <= 0 ? { retry: false } : { retry: true, delayMs: Math.min(delayMs, windowLeft) };
}

/**
 * Reads a `Retry-After` header: delta seconds or an HTTP date. Returns milliseconds from `nowMs`,
 * or undefined when absent or unreadable (an unreadable hint is ignored, not fatal).
 * @internal
 */
export function parseRetryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  const value = header?.trim();
  if (value === undefined || value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Everything one retried call needs besides the attempt itself. @internal */
export interface RetryRunOptions {
  readonly action: string;
  readonly settings: RetrySettings;
  /** Epoch milliseconds after which no new attempt starts. */
  readonly deadlineAt: number;
  readonly deps: RuntimeDeps;
  /** Cancels the waits between attempts (the caller's signal, or the operation's deadline). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Runs `attempt` until it succeeds or {@link retryVerdict} says stop, within the attempt count and
 * the deadline; the last error is then thrown as is. p-retry counts the attempts and bounds the
 * total time (`maxRetryTime`); the wait between attempts happens here, at the end of
 * `shouldRetry` (p-retry's own delay is off), because p-retry has no per-attempt delay, and full
 * jitter and `Retry-After` need one, on the injected clock and sleep.
 * @internal
 */
export function runWithRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryRunOptions,
): Promise<T> {
  const { settings, deps, signal } = options;
  const startedAt = deps.now();
  let unreachableSince: number | undefined;
  return pRetry(
    async (attemptNumber: number) => {
      if (signal?.aborted === true) throw stoppedError(options.action, signal.reason);
      return attempt(attemptNumber);
    },
    {
      retries: Math.max(0, settings.maxAttempts - 1),
      minTimeout: 0,
      maxRetryTime: Math.max(0, options.deadlineAt - startedAt),
      onFailedAttempt: ({ error }) => {
        const unreachable = isZenlayerApiError(error) && error.category === "unreachable";
        unreachableSince = unreachable ? (unreachableSince ?? startedAt) : undefined;
      },
      shouldRetry: async ({ error, retriesConsumed }) => {
        const now = deps.now();
        const verdict = retryVerdict(
          error,
          { retryIndex: retriesConsumed, unreachableSince, now },
          settings,
          deps.random,
        );
        if (!verdict.retry || now + verdict.delayMs >= options.deadlineAt) return false;
        await deps.sleep(verdict.delayMs, signal).catch((reason: unknown) => {
          throw stoppedError(options.action, reason);
        });
        return true;
      },
    },
  );
}
