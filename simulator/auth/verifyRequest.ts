import { timingSafeEqual } from "node:crypto";
import { SIGNATURE_METHOD, SIGNED_HEADERS, sha256Hex, sign } from "../../sdk/signing/signer";
import type { ApiError } from "../api/errorCodes";
import { commonError } from "../api/errorCodes";
import type { AccessKeyPair } from "../types/options";

/** The documented clock-skew window: five minutes either way. @internal */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** The credentials the simulated account accepts. @internal */
export interface Credentials {
  readonly accessKeys: readonly AccessKeyPair[];
  readonly bearerTokens: readonly string[];
}

/** The parts of a received request that authentication looks at, exactly as received. @internal */
export interface ReceivedRequest {
  readonly authorization: string | undefined;
  readonly timestamp: string | undefined;
  readonly signatureMethod: string | undefined;
  /** The Host header as received (with the port, if the client sent one). */
  readonly host: string;
  readonly contentType: string;
  readonly body: Uint8Array;
}

const ZC2_AUTHORIZATION =
  /^ZC2-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]{64})$/;
const BEARER_AUTHORIZATION = /^Bearer ([^\s]+)$/;
/** Compared against when the key id is unknown, so both paths do the same work. */
const DECOY_PASSWORD = "decoy-password-for-unknown-key-ids";

function invalidAuthorization(detail: string): ApiError {
  return commonError("AUTHFAILURE_INVALID_AUTHORIZATION", `The Authorization header is invalid: ${detail}.`);
}

function signatureFailure(): ApiError {
  return commonError(
    "AUTHFAILURE_SIGNATURE_FAILURE",
    "The request signature does not match the credentials.",
  );
}

/** Constant-time equality of two strings of any length (hashing first equalises the lengths). */
function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(sha256Hex(a), "hex"), Buffer.from(sha256Hex(b), "hex"));
}

function verifyBearer(token: string, credentials: Credentials): ApiError | null {
  let matched = false;
  for (const known of credentials.bearerTokens) matched = safeEqual(token, known) || matched;
  return matched ? null : signatureFailure();
}

function verifyTimestamp(timestamp: string | undefined, nowMs: number): ApiError | null {
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) {
    return invalidAuthorization("X-ZC-Timestamp must be Unix time in seconds");
  }
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    return commonError(
      "AUTHFAILURE_SIGNATURE_EXPIRED",
      "The request timestamp is more than five minutes off.",
    );
  }
  return null;
}

/**
 * Who signed a request that {@link verifyRequest} accepted: the access key id its signature named,
 * or `bearer token`. Never a secret: the key id is sent in the clear, and a token is not shown.
 * @internal
 */
export function signerOf(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  if (BEARER_AUTHORIZATION.test(authorization)) return "bearer token";
  return ZC2_AUTHORIZATION.exec(authorization)?.[1];
}

/**
 * Authenticates a request like the real gateway: a configured Bearer token, or a ZC2-HMAC-SHA256
 * signature recomputed from the Host, Content-Type and body bytes actually received. Returns the
 * error to answer with, or null. The expected signature never leaves this function.
 * @internal
 */
export function verifyRequest(
  request: ReceivedRequest,
  credentials: Credentials,
  nowMs: number,
): ApiError | null {
  const authorization = request.authorization;
  if (authorization === undefined || authorization === "") return invalidAuthorization("missing");
  const bearer = BEARER_AUTHORIZATION.exec(authorization);
  if (bearer !== null) return verifyBearer(bearer[1] ?? "", credentials);
  const parts = ZC2_AUTHORIZATION.exec(authorization);
  if (parts === null)
    return invalidAuthorization("expected ZC2-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…");
  const [, accessKeyId = "", signedHeaders = "", signature = ""] = parts;
  if (signedHeaders.toLowerCase() !== SIGNED_HEADERS)
    return invalidAuthorization(`SignedHeaders must be ${SIGNED_HEADERS}`);
  if (request.signatureMethod !== undefined && request.signatureMethod !== SIGNATURE_METHOD) {
    return invalidAuthorization(`X-ZC-Signature-Method must be ${SIGNATURE_METHOD}`);
  }
  const timestampError = verifyTimestamp(request.timestamp, nowMs);
  if (timestampError !== null) return timestampError;
  const key = credentials.accessKeys.find((candidate) => candidate.accessKeyId === accessKeyId);
  const expected = sign({
    accessKeyId,
    accessKeyPassword: key?.accessKeyPassword ?? DECOY_PASSWORD,
    host: request.host,
    contentType: request.contentType,
    body: request.body,
    timestamp: request.timestamp ?? "",
  }).signature;
  const matches = timingSafeEqual(
    Buffer.from(expected, "utf8"),
    Buffer.from(signature.toLowerCase(), "utf8"),
  );
  return key !== undefined && matches ? null : signatureFailure();
}
