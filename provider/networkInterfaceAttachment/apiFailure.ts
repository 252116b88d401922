import type { ZenlayerApiError } from "../../sdk/index";

/** Codes that mean "the NIC (or what it points to) no longer exists", in both code generations. */
export function isGone(error: ZenlayerApiError): boolean {
  return error.category === "not-found";
}

/** The older docs' answer to detaching a NIC that is not attached to anything. */
export const NOT_ATTACHED_CODE = "OPERATION_DENIED_NIC_NOT_EXIST_INSTANCE";

/** Answers that say "not now" rather than "never": they clear once a transition finishes. */
export const STATUS_CONFLICT_CODES: ReadonlySet<string> = new Set([
  "INVALID_NIC_STATUS",
  "OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT",
  "INVALID_INSTANCE_PRECHECK_ABNORMAL",
]);

/** What a user can do about each permanent answer; the API's own message is not meant for people. */
const ADVICE: Readonly<Record<string, string>> = {
  INVALID_NIC_PRIMARY_CANT_DETACH:
    "it is the instance's primary NIC, which can only be released together with the instance; remove this " +
    "resource from the program with `retainOnDelete: true` or `pulumi state delete <urn>`",
  INVALID_NIC_LB_ASSOCIATED:
    "an IP of this NIC is a load balancer backend; remove it from the load balancer, then run the command again",
  INVALID_NIC_INSTANCE_REGION_MISMATCH:
    "the NIC and the instance must be in the same region; pick a NIC there",
  INVALID_INSTANCE_NIC_LIMIT: "the instance has as many NICs as it can take; detach another NIC first",
  OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT:
    "the instance must be RUNNING; start it and run the command again, or use `deletedWith`/`retainOnDelete`",
};

/**
 * One line that tells a user what failed, where, which Zenlayer code and request id to quote to
 * support, and what to do next. Never includes request headers or credentials.
 * @internal
 */
export function describeApiFailure(what: string, error: ZenlayerApiError): string {
  const advice =
    ADVICE[error.code] ?? "see the Zenlayer error code above; fix the cause and run the command again";
  return `${what}: Zenlayer answered ${error.code} (request id ${error.requestId ?? "none"}): ${advice}`;
}
