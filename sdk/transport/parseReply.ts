import { parseRetryAfterMs } from "../retry/backoff";
import { buildApiError } from "../errors/buildApiError";
import { ClientErrorCode } from "../errors/clientErrorCodes";
import type { EndpointInfo, ZenlayerApiError } from "../errors/zenlayerApiError";
import type { RawReply } from "./sendRequest";

/** Every action's `response` object carries the request ID. @public */
export interface ApiResponse {
  readonly requestId: string;
}

type Envelope = Record<string, unknown>;

/**
 * Turns a raw reply into the inner `response` object, or throws a {@link ZenlayerApiError}. Edge
 * replies (challenge, block) are recognised before the body is parsed, because their bodies are
 * HTML; a body that is not a JSON envelope becomes a client-side code instead of a parse crash.
 * @internal
 */
export function parseReply<T extends ApiResponse>(
  reply: RawReply,
  action: string,
  nowMs: number,
  endpoint?: EndpointInfo,
): T {
  const fail = (code: string, detail: string, envelope?: Envelope): ZenlayerApiError =>
    buildApiError({
      code,
      detail,
      action,
      endpoint,
      httpStatus: reply.status,
      requestId: stringField(envelope, "requestId"),
      retryAfterMs: parseRetryAfterMs(reply.headers["retry-after"], nowMs),
    });
  if (reply.status === 403 && reply.headers["cf-mitigated"]?.toLowerCase() === "challenge") {
    throw fail(
      ClientErrorCode.SECURITY_CHALLENGE,
      "the edge answered with a security challenge instead of the API",
    );
  }
  if (reply.status === 451) {
    throw fail(ClientErrorCode.REQUEST_BLOCKED, "the edge blocked the request (HTTP 451)");
  }
  const envelope = parseEnvelope(reply, fail);
  const code = stringField(envelope, "code");
  const response = envelope["response"];
  if (reply.status >= 200 && reply.status < 300 && code === undefined && isObject(response)) {
    return {
      ...response,
      requestId: stringField(response, "requestId") ?? stringField(envelope, "requestId") ?? "",
    } as T;
  }
  if (code !== undefined) throw fail(code, stringField(envelope, "message") ?? "(no message)", envelope);
  throw fail(
    ClientErrorCode.UNRECOGNIZED_ERROR_BODY,
    `HTTP ${String(reply.status)} with a JSON body that has neither a response nor an error code`,
    envelope,
  );
}

function parseEnvelope(reply: RawReply, fail: (code: string, detail: string) => ZenlayerApiError): Envelope {
  const text = reply.body.trim();
  const status = `HTTP ${String(reply.status)}`;
  if (text === "") throw fail(ClientErrorCode.EMPTY_RESPONSE_BODY, `received an empty body (${status})`);
  if (text.startsWith("<")) {
    throw fail(
      ClientErrorCode.INVALID_RESPONSE_BODY,
      `received an HTML page instead of the API's JSON (${status})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw fail(ClientErrorCode.INVALID_RESPONSE_BODY, `received a body that is not JSON (${status})`);
  }
  if (!isObject(parsed)) {
    throw fail(ClientErrorCode.INVALID_RESPONSE_BODY, `received JSON that is not an object (${status})`);
  }
  return parsed;
}

function isObject(value: unknown): value is Envelope {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringField(object: Envelope | undefined, name: string): string | undefined {
  const value = object?.[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}
