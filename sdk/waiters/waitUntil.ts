import { isDeadlineExceeded, WaitTimeoutError } from "../errors";
import type { Sleep } from "../util/time";
import { abortableSleep, Deadline, raceAbort } from "../util/time";

/**
 * What one look at the world concluded. `pending` carries a short description of what was seen
 * (e.g. `DETACHING`), which ends up in progress reports and in the timeout error, and optionally
 * how long to hold off before the next look (a server's `Retry-After`).
 * @public
 */
export type WaitDecision<T> =
  | { readonly kind: "done"; readonly value: T }
  | { readonly kind: "pending"; readonly observed: string; readonly notBeforeMs?: number }
  | { readonly kind: "failed"; readonly error: Error };

/** A look that concluded "not yet". @public */
export type PendingDecision = Extract<WaitDecision<unknown>, { readonly kind: "pending" }>;

/** Progress after each pending look, for logs a person watches during a long wait. @public */
export interface WaitProgress {
  readonly observed: string;
  readonly elapsedMs: number;
  /** 1 for the first look. */
  readonly attempt: number;
}

/** How {@link waitUntil} paces its looks and when it gives up; the clock and randomness are injectable for tests. @public */
export interface WaitOptions {
  /** The first pause between looks, and the lower bound of every pause. */
  readonly minDelayMs: number;
  /** The upper bound the exponentially growing pause is capped at. */
  readonly maxDelayMs: number;
  /** How long to wait in all; ignored when `deadline` is given. */
  readonly timeoutMs?: number | undefined;
  /** The operation's deadline, shared with everything else the operation waits on. */
  readonly deadline?: Deadline | undefined;
  /** Cancels the wait at once, even while a look is running. */
  readonly signal?: AbortSignal | undefined;
  /** Called after every look that is not final, so a long wait can say where it stands. */
  readonly onProgress?: ((progress: WaitProgress) => void) | undefined;
  /**
   * Decides each pause in place of the jittered exponential one, for callers whose looks follow a
   * schedule of their own (a shared poll grid, a learned transition time, a retry backoff): it gets
   * the pending decision (with its `notBeforeMs`) and the attempt number.
   */
  readonly pause?: ((pending: PendingDecision, attempt: number) => number) | undefined;
  /** The jitter's source in [0, 1); `Math.random` by default. */
  readonly random?: (() => number) | undefined;
  /** The clock, in epoch milliseconds; `Date.now` by default. */
  readonly now?: (() => number) | undefined;
  readonly sleep?: Sleep | undefined;
}

/**
 * Polls `check` until it reports `done` (resolves with its value) or `failed` (rejects with its
 * error), with jittered exponential pauses between `minDelayMs` and `maxDelayMs`. Throws a
 * {@link WaitTimeoutError} naming the last state seen once the deadline passes; no look starts
 * after it. `check` receives the deadline's signal and must bound its own work by it (a look is
 * not abandoned half-way, because a look may include a write whose outcome matters). Separate
 * from call retries: this waits for the resource, not the API.
 * @public
 */
export async function waitUntil<T>(
  check: (signal: AbortSignal) => Promise<WaitDecision<T>>,
  options: WaitOptions,
): Promise<T> {
  const now = options.now ?? Date.now;
  const deadline = options.deadline ?? new Deadline(options.timeoutMs ?? 0, now);
  const startedAt = now();
  let lastObserved: string | undefined;
  const timeout = (): WaitTimeoutError =>
    new WaitTimeoutError({ lastObserved, elapsedMs: now() - startedAt, timeoutMs: deadline.timeoutMs });
  try {
    for (let attempt = 1; ; attempt++) {
      options.signal?.throwIfAborted();
      if (attempt > 1 && deadline.expired()) throw timeout();
      const decision = await raceAbort(check(deadline.signal), options.signal);
      if (decision.kind === "done") return decision.value;
      if (decision.kind === "failed") throw decision.error;
      lastObserved = decision.observed;
      options.onProgress?.({ observed: decision.observed, elapsedMs: now() - startedAt, attempt });
      if (deadline.expired()) throw timeout();
      const pause =
        options.pause?.(decision, attempt) ??
        Math.max(pollDelayMs(attempt, options, options.random ?? Math.random), decision.notBeforeMs ?? 0);
      await pauseWithin(pause, deadline, options).catch((reason: unknown) => {
        throw isDeadlineExceeded(reason) ? timeout() : reason;
      });
    }
  } finally {
    if (options.deadline === undefined) deadline.dispose();
  }
}

/** Sleeps `ms`, cut short (with a {@link DeadlineExceededError}) by the deadline or by the caller's signal. */
function pauseWithin(ms: number, deadline: Deadline, options: WaitOptions): Promise<void> {
  const signals = options.signal === undefined ? [deadline.signal] : [deadline.signal, options.signal];
  return (options.sleep ?? abortableSleep)(ms, AbortSignal.any(signals));
}

/**
 * A uniform pause between `minDelayMs` and `min(maxDelayMs, minDelayMs * 2^(attempt-1))`: the
 * first pause is exactly the minimum, later ones grow but stay spread out.
 * @internal
 */
export function pollDelayMs(
  attempt: number,
  bounds: { readonly minDelayMs: number; readonly maxDelayMs: number },
  random: () => number,
): number {
  const ceiling = Math.max(
    bounds.minDelayMs,
    Math.min(bounds.maxDelayMs, bounds.minDelayMs * 2 ** (attempt - 1)),
  );
  return bounds.minDelayMs + Math.floor(random() * (ceiling - bounds.minDelayMs));
}
