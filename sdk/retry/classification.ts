import { ClientErrorCode } from "../errors/clientErrorCodes";
import type { ErrorCategory } from "../errors/errorCategory";

/**
 * The single table that says what each known code means. Codes win over HTTP statuses because the
 * API's codes are more precise than its statuses (which differ between documentation versions).
 * Sources: Zenlayer's Go SDK and Terraform provider retry lists, the CSI driver's code constants.
 * @public
 */
export const CODE_CATEGORIES: Readonly<Record<string, ErrorCategory>> = {
  REQUEST_LIMIT_EXCEEDED: "throttling",
  SERVICE_TEMPORARY_UNAVAILABLE: "transient",
  INTERNAL_SERVER_ERROR: "transient",
  REQUEST_TIMED_OUT: "transient",
  INVALID_OPERATION_TIMEOUT: "transient",
  [ClientErrorCode.NETWORK_ERROR]: "transient",
  [ClientErrorCode.REQUEST_TIMEOUT]: "transient",
  [ClientErrorCode.INVALID_RESPONSE_BODY]: "transient",
  [ClientErrorCode.EMPTY_RESPONSE_BODY]: "transient",
  OPERATION_FAILED_RESOURCE_NOT_FOUND: "not-found",
  [ClientErrorCode.SECURITY_CHALLENGE]: "permanent",
  [ClientErrorCode.REQUEST_BLOCKED]: "permanent",
  [ClientErrorCode.REQUEST_ABORTED]: "permanent",
  [ClientErrorCode.DEADLINE_EXCEEDED]: "permanent",
};

/**
 * Resource-specific not-found codes such as `INVALID_NIC_NOT_FOUND` or
 * `INVALID_INSTANCE_NOT_FOUND`; newer API versions use these instead of the generic code.
 * @public
 */
export const NOT_FOUND_CODE_PATTERN = /^INVALID_[A-Z0-9_]+_NOT_FOUND$/;

/**
 * Connection failures that say the endpoint itself is wrong or absent: nothing listens there, the
 * host name does not resolve, or it does not speak the configured scheme (HTTPS against a plain
 * HTTP server fails the TLS handshake). No byte of the request was processed.
 * @public
 */
export const UNREACHABLE_CAUSE_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPROTO",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "ERR_SSL_PACKET_LENGTH_TOO_LONG",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** Client codes for replies that are not the API's JSON envelope (an edge page, a wrong server). */
const NOT_AN_API_REPLY: ReadonlySet<string> = new Set([
  ClientErrorCode.INVALID_RESPONSE_BODY,
  ClientErrorCode.EMPTY_RESPONSE_BODY,
  ClientErrorCode.UNRECOGNIZED_ERROR_BODY,
]);

/**
 * How long an `unreachable` endpoint is retried: long enough to ride out a restarting proxy or a
 * DNS blip, short enough that a mistyped domain or scheme surfaces in seconds, not minutes.
 * @public
 */
export const UNREACHABLE_RETRY_WINDOW_MS = 10_000;

/**
 * Puts a failure in its {@link ErrorCategory}: connection failures by their cause, then the code
 * table, the not-found pattern and the HTTP status (429 throttling, 5xx transient). A reply that is
 * not the API's JSON is transient only from a 5xx (a gateway in trouble); from a 4xx it means the
 * endpoint is not the Zenlayer API, or refuses us, and asking again will not change that. 413
 * (body too large) cannot pass either. Everything else is permanent.
 * @public
 */
export function classifyError(
  code: string,
  httpStatus: number | undefined,
  causeCode?: string | undefined,
): ErrorCategory {
  if (
    code === ClientErrorCode.NETWORK_ERROR &&
    causeCode !== undefined &&
    UNREACHABLE_CAUSE_CODES.has(causeCode)
  )
    return "unreachable";
  if (httpStatus === 413) return "permanent";
  if (NOT_AN_API_REPLY.has(code) && httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500)
    return httpStatus === 429 ? "throttling" : "permanent";
  const known = CODE_CATEGORIES[code];
  if (known !== undefined) return known;
  if (NOT_FOUND_CODE_PATTERN.test(code)) return "not-found";
  if (httpStatus === 429) return "throttling";
  if (httpStatus !== undefined && httpStatus >= 500 && httpStatus <= 599) return "transient";
  return "permanent";
}

/**
 * Whether a failure says the configured endpoint is the problem (unreachable, or something other
 * than the Zenlayer API answered), so messages should name the endpoint and the setting behind it.
 * @internal
 */
export function isEndpointProblem(code: string, category: ErrorCategory): boolean {
  return category === "unreachable" || (category === "permanent" && NOT_AN_API_REPLY.has(code));
}
