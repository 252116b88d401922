import type { EndpointInfo } from "../errors";
import { isDeadlineExceeded, sanitizeCause, ZenlayerApiError } from "../errors";
import { ClientErrorCode } from "../retry/classification";
import { parseRetryAfterMs } from "../retry/retryPolicy";
import type { HttpReply, ReplyTooLargeError, Transport } from "../transport/transport";
import { isReplyTooLarge, MAX_REPLY_BYTES } from "../transport/transport";
import { displayText } from "../util/displayValue";

/** One attempt, ready to go: where, what, how long it may take, and what may end it early. */
export interface AttemptRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
  /** For error messages; it is already in the headers. */
  readonly action: string;
  /** Named in errors that blame the endpoint (refused, unknown host, TLS mismatch, not the API). */
  readonly endpoint: EndpointInfo;
  /** The caller's cancellation or the operation's deadline, for this attempt. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Sends one attempt through the transport and turns whatever happened into the action's inner
 * `response` object or a {@link ZenlayerApiError}. A wall-clock timer bounds the whole attempt
 * (unlike a socket idle timeout, it also stops a server that trickles bytes).
 * @internal
 */
export async function sendAttempt<T extends ApiResponse>(
  transport: Transport,
  request: AttemptRequest,
  now: () => number,
): Promise<T> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error("request timeout")), request.timeoutMs);
  const signal =
    request.signal === undefined ? timeout.signal : AbortSignal.any([timeout.signal, request.signal]);
  const { url, headers, body } = request;
  let reply: HttpReply;
  try {
    reply = await transport.send({ url, headers, body, signal, maxReplyBytes: MAX_REPLY_BYTES });
  } catch (thrown) {
    throw noReplyError(request, thrown, timeout.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
  return parseReply<T>(reply, request.action, now(), request.endpoint);
}

/** The error for an attempt that got no reply at all; of the thrown error only name, code and message survive. */
function noReplyError(request: AttemptRequest, thrown: unknown, timedOut: boolean): ZenlayerApiError {
  if (isReplyTooLarge(thrown)) return tooLargeError(request, thrown);
  const facts = { action: request.action, cause: sanitizeCause(thrown), endpoint: request.endpoint };
  if (timedOut) {
    const detail = `no complete reply within the ${String(request.timeoutMs)} ms request timeout`;
    return new ZenlayerApiError({ ...facts, code: ClientErrorCode.REQUEST_TIMEOUT, detail });
  }
  const reason: unknown = request.signal?.reason;
  if (request.signal?.aborted === true) {
    return isDeadlineExceeded(reason)
      ? new ZenlayerApiError({
          ...facts,
          code: ClientErrorCode.DEADLINE_EXCEEDED,
          detail: "the operation's deadline passed",
        })
      : new ZenlayerApiError({
          ...facts,
          code: ClientErrorCode.REQUEST_ABORTED,
          detail: "the caller aborted the request",
        });
  }
  const detail =
    `could not reach the Zenlayer API: ${facts.cause.code ?? facts.cause.name} ${facts.cause.message}`.trim();
  return new ZenlayerApiError({ ...facts, code: ClientErrorCode.NETWORK_ERROR, detail });
}

/**
 * The error for a reply cut off at the size limit. It blames the endpoint: no Zenlayer API reply
 * comes near the limit, so what answered is not the API, or is broken; asking again would only
 * read the same flood, so it is not retried.
 */
function tooLargeError(request: AttemptRequest, thrown: ReplyTooLargeError): ZenlayerApiError {
  const mib = (thrown.limitBytes / (1024 * 1024)).toFixed(0);
  const detail =
    `the reply was larger than the client's limit of ${mib} MiB (${String(thrown.limitBytes)} bytes), ` +
    "so the client stopped reading it there; no Zenlayer API reply is that large";
  return new ZenlayerApiError({
    code: ClientErrorCode.REPLY_TOO_LARGE,
    detail,
    action: request.action,
    endpoint: request.endpoint,
    httpStatus: thrown.status,
  });
}

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
  reply: HttpReply,
  action: string,
  nowMs: number,
  endpoint?: EndpointInfo,
): T {
  const fail = (code: string, detail: string, envelope?: Envelope): ZenlayerApiError =>
    new ZenlayerApiError({
      code,
      detail,
      action,
      endpoint,
      httpStatus: reply.status,
      requestId: shown(stringField(envelope, "requestId")),
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
  if (code !== undefined) {
    throw fail(
      displayText(code),
      displayText(stringField(envelope, "message") ?? "(no message)", SERVER_MESSAGE_CHARACTERS),
      envelope,
    );
  }
  throw fail(
    ClientErrorCode.UNRECOGNIZED_ERROR_BODY,
    `HTTP ${String(reply.status)} with a JSON body that has neither a response nor an error code`,
    envelope,
  );
}

function parseEnvelope(reply: HttpReply, fail: (code: string, detail: string) => ZenlayerApiError): Envelope {
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

/** How much of the server's own message an error keeps: enough for any real one. */
const SERVER_MESSAGE_CHARACTERS = 400;

/** Text from the server as a message may show it (see {@link displayText}); undefined stays undefined. */
function shown(text: string | undefined): string | undefined {
  return text === undefined ? undefined : displayText(text);
}

function stringField(object: Envelope | undefined, name: string): string | undefined {
  const value = object?.[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}
