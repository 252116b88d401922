/**
 * Time and cancellation: sleeping, deadlines, and the injectable clock, randomness and sleep that
 * let tests pin them.
 * @packageDocumentation
 */
import { DeadlineExceededError } from "../errors";

/**
 * Waits `ms` milliseconds, or rejects with `signal.reason` as soon as the signal aborts, so that a
 * cancelled or expired operation never sits out a long pause.
 * @public
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The default {@link Sleep}, built on `setTimeout` (which jest fake timers control). @public */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** The handler for a failure whose waiter has gone: that waiter already got the signal's reason. */
const ignoreAbandoned = (): undefined => undefined;

/**
 * Settles with `work`, unless `signal` aborts first, in which case it rejects with the reason at
 * once. For waits whose work cannot itself be cancelled (a shared read, a lock held by another).
 * The caller stops listening to `work` when the signal wins, so `work` is always given a handler
 * first: a failure that nobody waits for any more is dropped, never left unhandled (Node ends the
 * process on an unhandled rejection, which would take the provider down with every operation).
 * @internal
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  work.catch(ignoreAbandoned);
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as unknown);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * The one moment an operation must be finished by, as a time and as a signal that aborts then.
 * Everything an operation waits on (polling pauses, rate-limit tokens, locks, HTTP reads) takes
 * the signal, so no single wait can outlive the operation; writes take only the time, so one
 * started before the deadline may finish and report what it did. `stop` (a user's cancellation)
 * brings the deadline forward to the moment it aborts.
 * @public
 */
export class Deadline {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #stoppedAt: number | undefined;
  readonly #stop: AbortSignal | undefined;
  readonly #onStop = (): void => {
    this.#stoppedAt = this.#now();
    this.#controller.abort(new DeadlineExceededError(this.timeoutMs, "the operation was cancelled"));
  };

  constructor(timeoutMs: number, now: () => number = Date.now, stop?: AbortSignal) {
    this.#now = now;
    this.timeoutMs = timeoutMs;
    this.at = now() + timeoutMs;
    this.signal = this.#controller.signal;
    this.#timer = setTimeout(() => this.#controller.abort(new DeadlineExceededError(timeoutMs)), timeoutMs);
    this.#timer.unref();
    this.#stop = stop;
    if (stop?.aborted === true) this.#onStop();
    else stop?.addEventListener("abort", this.#onStop, { once: true });
  }

  /** Whether `stop` ended it before its time. */
  get cancelled(): boolean {
    return this.#stoppedAt !== undefined;
  }

  /** Milliseconds left, never negative. */
  remainingMs(): number {
    return Math.max(0, Math.min(this.at, this.#stoppedAt ?? Number.POSITIVE_INFINITY) - this.#now());
  }

  /** True once no time remains (or the deadline was stopped with none left): no new write may start. */
  expired(): boolean {
    return this.remainingMs() === 0;
  }

  /** Releases the timer once the operation is over. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#stop?.removeEventListener("abort", this.#onStop);
  }
}

/**
 * The sources of time and randomness the client uses. They are injected rather than read from
 * globals so tests can pin jitter and clocks without patching `Math.random` or `Date.now`.
 * @public
 */
export interface RuntimeDeps {
  /** Milliseconds since the epoch; signs `X-ZC-Timestamp` and measures deadlines. */
  readonly now: () => number;
  /** A uniform number in [0, 1); drives full-jitter backoff. */
  readonly random: () => number;
  readonly sleep: Sleep;
}

/** Fills unset dependencies with the real clock, `Math.random` and a timer-based sleep. @internal */
export function withDefaultDeps(deps: Partial<RuntimeDeps> | undefined): RuntimeDeps {
  return {
    now: deps?.now ?? Date.now,
    random: deps?.random ?? Math.random,
    sleep: deps?.sleep ?? abortableSleep,
  };
}
