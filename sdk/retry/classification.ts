/**
 * What a failure means, in one place: the codes this client assigns itself, the table that puts
 * every code in a category, and how safe each action is to send again. The retry policy reads
 * this; nothing else classifies.
 * @packageDocumentation
 */

/**
 * Codes this client assigns itself when the server gave no usable answer. They never come from the
 * Zenlayer API, so they cannot collide with server codes, and each has a row in the table below.
 * @public
 */
export const ClientErrorCode = {
  /** The connection was refused, reset or dropped; see the error's `cause.code`. */
  NETWORK_ERROR: "NETWORK_ERROR",
  /** No complete reply within the per-request timeout. */
  REQUEST_TIMEOUT: "REQUEST_TIMEOUT",
  /** The body was not a JSON envelope (often an HTML page from a proxy or edge). */
  INVALID_RESPONSE_BODY: "INVALID_RESPONSE_BODY",
  /** The reply had no body at all. */
  EMPTY_RESPONSE_BODY: "EMPTY_RESPONSE_BODY",
  /** A JSON error reply without a `code`; the HTTP status decides the category. */
  UNRECOGNIZED_ERROR_BODY: "UNRECOGNIZED_ERROR_BODY",
  /** HTTP 403 with `cf-mitigated: challenge`: the edge wants a browser challenge solved. */
  SECURITY_CHALLENGE: "SECURITY_CHALLENGE",
  /** HTTP 451: the edge blocked the request. */
  REQUEST_BLOCKED: "REQUEST_BLOCKED",
  /** The caller's AbortSignal fired. */
  REQUEST_ABORTED: "REQUEST_ABORTED",
  /** The operation's deadline passed before this attempt could be sent; nothing was sent. */
  DEADLINE_EXCEEDED: "DEADLINE_EXCEEDED",
  /** The client refused a request value (an id with control characters, a body too large); nothing was sent. */
  INVALID_REQUEST_VALUE: "INVALID_REQUEST_VALUE",
  /** The reply was larger than any API reply can be; the client stopped reading it. */
  REPLY_TOO_LARGE: "REPLY_TOO_LARGE",
  /** A Describe's first page promised more items than the client pages through. */
  PAGING_LIMIT_EXCEEDED: "PAGING_LIMIT_EXCEEDED",
} as const;

/** One of the {@link ClientErrorCode} values. @public */
export type ClientErrorCodeValue = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/**
 * How a failure should be treated. Callers branch on this rather than on raw codes.
 *
 * - `throttling`: the server refused the call before doing anything; waiting helps.
 * - `transient`: the server or the path to it is briefly unwell; the outcome may be unknown.
 * - `unreachable`: the configured endpoint cannot be reached at all (refused, unknown host, TLS
 *   mismatch); nothing was executed, and it is retried only briefly, because a wrong setting does
 *   not fix itself.
 * - `not-found`: the resource does not exist (deletes treat this as success).
 * - `permanent`: repeating the same call will fail the same way.
 * @public
 */
export type ErrorCategory = "throttling" | "transient" | "unreachable" | "not-found" | "permanent";

/**
 * The table of known codes. Codes win over HTTP statuses because the API's codes are more precise
 * than its statuses (which differ between documentation versions). Sources: Zenlayer's Go SDK and
 * Terraform provider retry lists, the CSI driver's code constants.
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
  [ClientErrorCode.INVALID_REQUEST_VALUE]: "permanent",
  /** Whatever its status: asking again would only read the same flood. */
  [ClientErrorCode.REPLY_TOO_LARGE]: "permanent",
  [ClientErrorCode.PAGING_LIMIT_EXCEEDED]: "permanent",
};

/**
 * Resource-specific not-found codes such as `INVALID_NIC_NOT_FOUND`; newer API versions use these
 * instead of the generic code.
 * @internal
 */
export const NOT_FOUND_CODE_PATTERN = /^INVALID_[A-Z0-9_]+_NOT_FOUND$/;

/**
 * Connection failures that say the endpoint itself is wrong or absent: nothing listens there, the
 * host name does not resolve, or it does not speak the configured scheme (HTTPS against a plain
 * HTTP server fails the TLS handshake). No byte of the request was processed.
 * @internal
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

/** Client codes for answers past what any API reply can be: too large, or promising too many pages. */
const BEYOND_ANY_API_REPLY: ReadonlySet<string> = new Set([
  ClientErrorCode.REPLY_TOO_LARGE,
  ClientErrorCode.PAGING_LIMIT_EXCEEDED,
]);

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
  causeCode?: string,
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
 * Whether a failure says the configured endpoint is the problem (unreachable, something other than
 * the Zenlayer API answered, or an answer beyond any API reply), so messages should name the
 * endpoint and the setting behind it.
 * @internal
 */
export function isEndpointProblem(code: string, category: ErrorCategory): boolean {
  if (category === "unreachable" || BEYOND_ANY_API_REPLY.has(code)) return true;
  return category === "permanent" && NOT_AN_API_REPLY.has(code);
}

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
 * Per-action safety for the writes this package sends. Actions not listed here (and not
 * `Describe*`) are treated as `not-idempotent`, the only assumption that cannot do harm.
 * @internal
 */
export const ACTION_SAFETY: Readonly<Record<string, RetrySafety>> = {
  /** Attach requires an `AVAILABLE` NIC: a repeat after a first success is refused, never applied twice. */
  AttachNetworkInterface: "state-checked",
  /** Detach requires a `USED` NIC: a repeat after a first success is refused. */
  DetachNetworkInterface: "state-checked",
  /** Deleting twice leaves the same end state; the repeat just reports not-found. */
  DeleteNetworkInterface: "idempotent",
  /** Renaming or re-grouping twice leaves the same end state. */
  ModifyNetworkInterfaceAttribute: "idempotent",
  /**
   * Create takes no client token in API version 2025-09-01, so a repeat after an ambiguous failure
   * (5xx, timeout, reset after sending) could create a second NIC.
   */
  CreateNetworkInterface: "not-idempotent",
};

/** The {@link RetrySafety} of an action. @internal */
export function retrySafetyOf(action: string): RetrySafety {
  if (action.startsWith("Describe")) return "read-only";
  return ACTION_SAFETY[action] ?? "not-idempotent";
}

/**
 * Whether sending `action` again after a failure of `category` is safe. Throttling and an
 * unreachable endpoint always are (nothing was executed); transient failures are, unless the
 * action is not idempotent; nothing else is worth repeating.
 * @internal
 */
export function isRetrySafe(action: string, category: ErrorCategory): boolean {
  if (category === "throttling" || category === "unreachable") return true;
  return category === "transient" && retrySafetyOf(action) !== "not-idempotent";
}
