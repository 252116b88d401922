import type { ErrorCategory } from "../errors/errorCategory";

/**
 * How safe it is to send an action a second time when the first outcome is unknown.
 *
 * - `read-only`: changes nothing (every `Describe*`).
 * - `idempotent`: repeating it ends in the same state.
 * - `state-checked`: the server checks the resource's status first, so a repeat that arrives after
 *   the first took effect is refused with a status error and never applied twice.
 * - `not-idempotent`: a repeat may do the work twice.
 * @public
 */
export type RetrySafety = "read-only" | "idempotent" | "state-checked" | "not-idempotent";

/**
 * Per-action safety for the writes this package sends. Actions not listed here (and not `Describe*`)
 * are treated as `not-idempotent`, the only assumption that cannot do harm.
 * @public
 */
export const ACTION_SAFETY: Readonly<Record<string, RetrySafety>> = {
  /**
   * Attach requires the NIC to be `AVAILABLE`, so a repeat after a successful first attempt is
   * answered with `INVALID_NIC_ATTACHED` or `INVALID_NIC_STATUS` rather than attaching twice;
   * callers reconcile such a status error by reading the NIC.
   */
  AttachNetworkInterface: "state-checked",
  /**
   * Detach requires the NIC to be `USED`; a repeat after it took effect is answered with
   * `OPERATION_DENIED_NIC_NOT_EXIST_INSTANCE` or `INVALID_NIC_STATUS`, which callers reconcile by
   * reading the NIC.
   */
  DetachNetworkInterface: "state-checked",
  /** Deleting twice leaves the same end state; the repeat just reports not-found. */
  DeleteNetworkInterface: "idempotent",
  /**
   * Create takes no client token in API version 2025-09-01, so a repeat after an ambiguous failure
   * (5xx, timeout, reset after sending) could create a second NIC.
   */
  CreateNetworkInterface: "not-idempotent",
};

/**
 * Connection failures that happen before any byte of the request reached the server, so even a
 * non-idempotent action can be sent again.
 * @public
 */
export const NOT_SENT_CAUSE_CODES: ReadonlySet<string> = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/** The {@link RetrySafety} of an action. @public */
export function retrySafetyOf(action: string): RetrySafety {
  if (action.startsWith("Describe")) return "read-only";
  return ACTION_SAFETY[action] ?? "not-idempotent";
}

/**
 * Whether sending `action` again after a failure of `category` is safe. Throttling and an
 * unreachable endpoint are always safe (nothing was executed); transient failures are safe unless the action is not
 * idempotent, in which case only failures known to precede sending (`causeCode`) qualify.
 * @public
 */
export function isRetrySafe(action: string, category: ErrorCategory, causeCode: string | undefined): boolean {
  if (category === "throttling" || category === "unreachable") return true;
  if (category !== "transient") return false;
  if (retrySafetyOf(action) !== "not-idempotent") return true;
  return causeCode !== undefined && NOT_SENT_CAUSE_CODES.has(causeCode);
}
