import type { Credentials } from "../config/credentials";
import { SIGNATURE_METHOD, sign } from "../signing/signer";
import { requestClientName, userAgent } from "./packageInfo";

/** The only Content-Type this client sends; it is part of the signature. @public */
export const CONTENT_TYPE = "application/json";

/** What one attempt's headers depend on. @internal */
export interface HeaderInput {
  readonly credentials: Credentials;
  readonly service: string;
  readonly version: string;
  readonly action: string;
  /** The Host header value, exactly as sent (with any port). */
  readonly host: string;
  readonly body: string;
  /** Epoch milliseconds of this attempt. */
  readonly nowMs: number;
}

/**
 * The headers for one attempt. Built per attempt, never reused, so each retry carries a fresh
 * timestamp and stays inside the server's five-minute skew window. The Host header is set here
 * (not left to Node) because Node drops default ports, and the signed value must equal the sent one.
 * @internal
 */
export function buildRequestHeaders(input: HeaderInput): Record<string, string> {
  const common: Record<string, string> = {
    Host: input.host,
    "Content-Type": CONTENT_TYPE,
    "X-ZC-Action": input.action,
    "X-ZC-Version": input.version,
    "X-ZC-Service": input.service,
    "X-ZC-Request-Client": requestClientName(),
    "User-Agent": userAgent(),
  };
  const credentials = input.credentials;
  if (credentials.kind === "bearerToken") {
    return { ...common, Authorization: `Bearer ${credentials.token}` };
  }
  const timestamp = Math.floor(input.nowMs / 1000);
  const { authorization } = sign({
    accessKeyId: credentials.accessKeyId,
    accessKeyPassword: credentials.accessKeyPassword,
    host: input.host,
    contentType: CONTENT_TYPE,
    body: input.body,
    timestamp,
  });
  return {
    ...common,
    "X-ZC-Timestamp": String(timestamp),
    "X-ZC-Signature-Method": SIGNATURE_METHOD,
    Authorization: authorization,
  };
}
