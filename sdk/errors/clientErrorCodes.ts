/**
 * Codes this client assigns itself when the server gave no usable answer. They never come from the
 * Zenlayer API, so they cannot collide with server codes, and each has a row in the classification
 * table.
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
} as const;

/** One of the {@link ClientErrorCode} values. @public */
export type ClientErrorCodeValue = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];
