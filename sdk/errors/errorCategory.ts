/**
 * How a failure should be treated. Callers branch on this rather than on raw codes so the
 * decision lives in one table ({@link classifyError}).
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
