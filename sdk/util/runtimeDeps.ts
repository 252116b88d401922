import type { Sleep } from "./deadline";
import { abortableSleep } from "./deadline";

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
