import axios from "axios";
import { buildApiError } from "../errors/buildApiError";
import { ClientErrorCode } from "../errors/clientErrorCodes";
import { sanitizeCause } from "../errors/sanitizeCause";
import type { EndpointInfo, ZenlayerApiError } from "../errors/zenlayerApiError";
import { isDeadlineExceeded } from "../util/deadline";
import { sharedAgents } from "./agents";

/** One HTTP attempt, fully prepared and signed. @internal */
export interface OutgoingRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
  /** For error messages and the retry verdict only; it is already in the headers. */
  readonly action: string;
  /** Named in errors that blame the endpoint (refused, unknown host, TLS mismatch). */
  readonly endpoint: EndpointInfo;
  readonly signal?: AbortSignal | undefined;
}

/** A reply as received: any status, the body as text, header names lowercase. @internal */
export interface RawReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

/**
 * Sends one POST and returns whatever came back, whatever the status. This is the client's only
 * I/O. A failure to get any reply becomes a {@link ZenlayerApiError} here, with the axios error
 * reduced to name, code and message, because axios errors carry the request headers (the
 * `Authorization` header among them). Redirects are not followed: a signed call must not be
 * replayed to another host.
 * @internal
 */
export async function sendRequest(request: OutgoingRequest): Promise<RawReply> {
  const attempt = attemptSignal(request.timeoutMs, request.signal);
  try {
    const response = await axios.request<string>({
      method: "POST",
      url: request.url,
      headers: { ...request.headers },
      data: request.body,
      responseType: "text",
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
      signal: attempt.signal,
      ...sharedAgents(),
    });
    return {
      status: response.status,
      headers: lowercaseHeaders(response.headers),
      body: String(response.data ?? ""),
    };
  } catch (thrown) {
    throw noReplyError(request, thrown, attempt.timedOut());
  } finally {
    attempt.dispose();
  }
}

interface AttemptSignal {
  readonly signal: AbortSignal;
  timedOut(): boolean;
  dispose(): void;
}

/**
 * One signal for the whole attempt: it fires on the caller's abort or when the timeout elapses.
 * A wall-clock timer (unlike axios's socket idle timeout) also stops a server that trickles bytes.
 */
function attemptSignal(timeoutMs: number, outer: AbortSignal | undefined): AttemptSignal {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error(`no complete reply within ${String(timeoutMs)} ms`));
  }, timeoutMs);
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted === true) onOuterAbort();
  outer?.addEventListener("abort", onOuterAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuterAbort);
    },
  };
}

function noReplyError(request: OutgoingRequest, thrown: unknown, timedOut: boolean): ZenlayerApiError {
  const cause = sanitizeCause(thrown);
  const facts = { action: request.action, cause, endpoint: request.endpoint };
  if (timedOut) {
    const detail = `no complete reply within the ${String(request.timeoutMs)} ms request timeout`;
    return buildApiError({ ...facts, code: ClientErrorCode.REQUEST_TIMEOUT, detail });
  }
  if (request.signal?.aborted === true) {
    return isDeadlineExceeded(request.signal.reason)
      ? buildApiError({
          ...facts,
          code: ClientErrorCode.DEADLINE_EXCEEDED,
          detail: "the operation's deadline passed",
        })
      : buildApiError({
          ...facts,
          code: ClientErrorCode.REQUEST_ABORTED,
          detail: "the caller aborted the request",
        });
  }
  const detail = `could not reach the Zenlayer API: ${cause.code ?? cause.name} ${cause.message}`.trim();
  return buildApiError({ ...facts, code: ClientErrorCode.NETWORK_ERROR, detail });
}

function lowercaseHeaders(headers: object): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    result[name.toLowerCase()] = Array.isArray(value)
      ? value.join(", ")
      : value == null
        ? undefined
        : String(value);
  }
  return result;
}
