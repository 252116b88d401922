/**
 * The parts of an underlying failure that are safe to keep. Transport errors (axios in particular)
 * carry the request configuration, including the `Authorization` header, so the raw error is never
 * stored on a {@link ZenlayerApiError}; only these three strings are.
 * @public
 */
export interface SanitizedCause {
  readonly name: string;
  /** A Node or axios code such as `ECONNREFUSED`, `ECONNRESET` or `ERR_CANCELED`. */
  readonly code: string | undefined;
  readonly message: string;
}

/** Copies name, code and message out of anything thrown, dropping every other field. @internal */
export function sanitizeCause(thrown: unknown): SanitizedCause {
  if (typeof thrown !== "object" || thrown === null) {
    return { name: "Error", code: undefined, message: String(thrown) };
  }
  const record = thrown as Record<string, unknown>;
  const name = typeof record["name"] === "string" ? record["name"] : "Error";
  const code = typeof record["code"] === "string" ? record["code"] : undefined;
  const message = typeof record["message"] === "string" ? record["message"] : "";
  return { name, code, message };
}
