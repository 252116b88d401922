import type { Sleep } from "../util/abort";
import { abortableSleep, raceAbort } from "../util/abort";
import { WaitTimeoutError } from "./waitTimeoutError";

/**
 * What one look at the world concluded. `pending` carries a short description of what was seen
 * (e.g. `DETACHING`), which ends up in progress reports and in the timeout error.
 * @public
 */
export type WaitDecision<T> =
  | { readonly kind: "done"; readonly value: T }
  | { readonly kind: "pending"; readonly observed: string }
  | { readonly kind: "failed"; readonly error: Error };

/** Progress after each pending look, for logs a person watches during a long wait. @public */
export interface WaitProgress {
  readonly observed: string;
  readonly elapsedMs: number;
  /** 1 for the first look. */
  readonly attempt: number;
}

/** @public */
export interface WaitOptions {
  /** The first pause between looks, and the lower bound of every pause. */
  readonly minDelayMs: number;
  /** The upper bound the exponentially growing pause is capped at. */
  readonly maxDelayMs: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: WaitProgress) => void) | undefined;
  readonly random?: (() => number) | undefined;
  readonly now?: (() => number) | undefined;
  readonly sleep?: Sleep | undefined;
}

/**
 * Polls `check` until it reports `done` (resolves with its value) or `failed` (rejects with its
 * error), with jittered exponential pauses between `minDelayMs` and `maxDelayMs`. Throws a
 * {@link WaitTimeoutError} once `timeoutMs` has passed; the last look happens at the deadline
 * rather than a pause early. An aborted `signal` rejects at once with its reason, even while
 * `check` is still running. Separate from call retries: this waits for the resource, not the API.
 * @public
 */
export async function waitUntil<T>(check: () => Promise<WaitDecision<T>>, options: WaitOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const startedAt = now();
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    const decision = await raceAbort(check(), options.signal);
    if (decision.kind === "done") return decision.value;
    if (decision.kind === "failed") throw decision.error;
    const elapsedMs = now() - startedAt;
    options.onProgress?.({ observed: decision.observed, elapsedMs, attempt });
    if (elapsedMs >= options.timeoutMs) {
      throw new WaitTimeoutError({
        lastObserved: decision.observed,
        elapsedMs,
        timeoutMs: options.timeoutMs,
      });
    }
    const pause = Math.min(pollDelayMs(attempt, options, random), options.timeoutMs - elapsedMs);
    await sleep(pause, options.signal);
  }
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
