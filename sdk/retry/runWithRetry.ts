import pRetry from "p-retry";
import { stoppedError } from "../errors/buildApiError";
import { isZenlayerApiError } from "../errors/zenlayerApiError";
import type { RuntimeDeps } from "../util/runtimeDeps";
import { retryDelayMs } from "./backoff";
import { UNREACHABLE_RETRY_WINDOW_MS } from "./classification";
import type { RetrySettings } from "./retrySettings";

/** Everything one retried call needs besides the attempt itself. @internal */
export interface RetryRunOptions {
  readonly action: string;
  readonly settings: RetrySettings;
  /** Epoch milliseconds after which no new attempt starts. */
  readonly deadlineAt: number;
  readonly deps: RuntimeDeps;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Runs `attempt` until it succeeds, fails with an error whose `retryable` is false, runs out of
 * attempts, or would start its next attempt past the deadline; the last error is then thrown as is.
 * An unreachable endpoint is retried only for {@link UNREACHABLE_RETRY_WINDOW_MS}.
 *
 * p-retry counts attempts; the waiting is done here (its own delay is set to zero) because p-retry
 * can neither honour `Retry-After` nor use an injected clock, random source and sleep.
 * @internal
 */
export function runWithRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryRunOptions,
): Promise<T> {
  const { settings, deps, signal } = options;
  const startedAt = deps.now();
  return pRetry(
    async (attemptNumber: number) => {
      if (signal?.aborted === true) throw stoppedError(options.action, signal.reason);
      return attempt(attemptNumber);
    },
    {
      retries: Math.max(0, settings.maxAttempts - 1),
      minTimeout: 0,
      shouldRetry: async ({ error, retriesConsumed }) => {
        if (!isZenlayerApiError(error) || !error.retryable) return false;
        if (error.category === "unreachable" && deps.now() - startedAt >= UNREACHABLE_RETRY_WINDOW_MS)
          return false;
        const delay = retryDelayMs(retriesConsumed, error.retryAfterMs, settings, deps.random);
        if (deps.now() + delay >= options.deadlineAt) return false;
        await deps.sleep(delay, signal).catch((reason: unknown) => {
          throw stoppedError(options.action, reason);
        });
        return true;
      },
    },
  );
}
