import { hasBrand, setBrand } from "../util/brand";

const WAIT_TIMEOUT_BRAND = Symbol.for("pulumi-zenlayer.WaitTimeoutError");

/** @public */
export interface WaitTimeoutErrorInit {
  readonly lastObserved: string | undefined;
  readonly elapsedMs: number;
  readonly timeoutMs: number;
}

/**
 * A wait that ran out of time. It names the last state seen because "still DETACHING after 10
 * minutes" and "the NIC vanished" need different responses from the person at the terminal.
 * @public
 */
export class WaitTimeoutError extends Error {
  override readonly name = "WaitTimeoutError";
  /** The last `observed` string from a pending decision, if any. */
  readonly lastObserved: string | undefined;
  readonly elapsedMs: number;
  readonly timeoutMs: number;

  constructor(init: WaitTimeoutErrorInit) {
    const last =
      init.lastObserved === undefined ? "no state was observed" : `last observed state: ${init.lastObserved}`;
    super(
      `gave up waiting after ${formatSeconds(init.elapsedMs)} (timeout ${formatSeconds(init.timeoutMs)}); ${last}`,
    );
    this.lastObserved = init.lastObserved;
    this.elapsedMs = init.elapsedMs;
    this.timeoutMs = init.timeoutMs;
    setBrand(this, WAIT_TIMEOUT_BRAND);
  }
}

/** True for any {@link WaitTimeoutError}, even from another copy of this package. @public */
export function isWaitTimeoutError(value: unknown): value is WaitTimeoutError {
  return hasBrand(value, WAIT_TIMEOUT_BRAND);
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
