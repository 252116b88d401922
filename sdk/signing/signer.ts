import { createHash, createHmac } from "node:crypto";

/** The only signature method Zenlayer Cloud API 2.0 accepts for key-pair credentials. */
export const SIGNATURE_METHOD = "ZC2-HMAC-SHA256";

/** Zenlayer signs exactly these two headers; the names are part of the string to sign. */
export const SIGNED_HEADERS = "content-type;host";

/**
 * Everything that enters a ZC2-HMAC-SHA256 signature.
 *
 * `host` and `contentType` must be the values actually sent on the wire (the host with any
 * port), because the server rebuilds the canonical request from what it receives.
 * @public
 */
export interface SignInput {
  readonly accessKeyId: string;
  readonly accessKeyPassword: string;
  readonly host: string;
  readonly contentType: string;
  /** The exact request body; a string is hashed as UTF-8. */
  readonly body: string | Uint8Array;
  /** Unix time in seconds, exactly as sent in `X-ZC-Timestamp`. */
  readonly timestamp: number | string;
}

/**
 * A signature and the header that carries it. The signature is returned apart so that a verifier
 * (the simulator's) can compare it without parsing the header. @public
 */
export interface SignOutput {
  /** The full `Authorization` header value. */
  readonly authorization: string;
  /** Lowercase hex HMAC-SHA256; a secret-equivalent value, never log it. */
  readonly signature: string;
}

/** Lowercase hex SHA-256 of a UTF-8 string or raw bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * The canonical request: the URI is always `/` and the query always empty, whatever the real
 * path is, and the header block ends in a newline (hence the blank line before the header list).
 * Exported so a server can verify a request with the same code that signs it.
 * @public
 */
export function canonicalRequest(host: string, contentType: string, body: string | Uint8Array): string {
  const headers = `content-type:${contentType}\nhost:${host}\n`;
  return ["POST", "/", "", headers, SIGNED_HEADERS, sha256Hex(body)].join("\n");
}

/** The string to sign: method, timestamp and the hash of the canonical request. */
export function stringToSign(timestamp: number | string, canonical: string): string {
  return `${SIGNATURE_METHOD}\n${String(timestamp)}\n${sha256Hex(canonical)}`;
}

/**
 * Signs one request with ZC2-HMAC-SHA256. Pure: the same input always gives the same output,
 * so the client signs every attempt afresh, each with its own timestamp (`buildRequestHeaders`).
 * @public
 */
export function sign(input: SignInput): SignOutput {
  const canonical = canonicalRequest(input.host, input.contentType, input.body);
  const signature = createHmac("sha256", Buffer.from(input.accessKeyPassword, "utf8"))
    .update(stringToSign(input.timestamp, canonical))
    .digest("hex");
  const authorization = `${SIGNATURE_METHOD} Credential=${input.accessKeyId}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`;
  return { authorization, signature };
}
