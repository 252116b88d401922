import type { AxiosStatic } from "axios";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { Readable } from "node:stream";

/**
 * The most bytes of one reply the client reads: 16 MiB. The largest page this client can ask for
 * (DescribeInstances, 100 instances, each with 8 NICs, and every instance and NIC carrying 50 tags
 * of 64-character keys and values) is about 7.5 MB of JSON, and a page of 100 NICs is tens of KB;
 * twice the largest legitimate reply still keeps a hostile or broken endpoint from costing more
 * than a few tens of MB of memory per attempt (it took a 300 MB reply to ~1 GB before).
 * @public
 */
export const MAX_REPLY_BYTES = 16 * 1024 * 1024;

/** One HTTP attempt, fully prepared and signed. @public */
export interface HttpRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Ends the attempt: its timeout, the caller's cancellation or the operation's deadline. */
  readonly signal: AbortSignal;
  /**
   * The most bytes of the reply body (after decompression) to read. A transport stops reading
   * beyond it, drops the connection and rejects with a `ReplyTooLargeError`.
   */
  readonly maxReplyBytes: number;
}

/** A reply as received: any status, the body as text, header names in lowercase. @public */
export interface HttpReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

/**
 * How the client sends one POST: the seam between the client and the network, and the client's
 * only I/O. A transport resolves with whatever came back, whatever the status, and rejects only when
 * no reply arrived (refused, reset, aborted through `signal`) or the reply was larger than
 * `maxReplyBytes` (with a `ReplyTooLargeError`). The client keeps nothing of such an
 * error but its name, `code` (e.g. `ECONNREFUSED`) and message, because transport errors often
 * carry the request headers. Redirects must not be followed: a signed call must not be replayed to
 * another host. `axiosTransport` is the default; tests pass their own.
 * @public
 */
export interface Transport {
  /** Sends one request once; retrying is the client's decision, never the transport's. */
  send(request: HttpRequest): Promise<HttpReply>;
}

let agents: { readonly httpAgent: HttpAgent; readonly httpsAgent: HttpsAgent } | undefined;

/**
 * Keep-alive agents shared by every client in this module copy: reusing connections avoids a TLS
 * handshake per call, which matters when a deployment polls many NICs. Created on first use, so
 * importing the package opens nothing.
 */
function sharedAgents(): { readonly httpAgent: HttpAgent; readonly httpsAgent: HttpsAgent } {
  agents ??= {
    httpAgent: new HttpAgent({ keepAlive: true }),
    httpsAgent: new HttpsAgent({ keepAlive: true }),
  };
  return agents;
}

let loadedAxios: Promise<AxiosStatic> | undefined;

/**
 * axios, loaded by the first request instead of with the package. With what it requires (form-data
 * and its MIME database, follow-redirects, proxy agents, a probe of the global `fetch`) it is most
 * of what loading the client costs, and the provider plugin must be ready for the engine within
 * 300 ms of its launch while its first RPCs (handshake, schema, configuration) send no request.
 */
function axiosModule(): Promise<AxiosStatic> {
  loadedAxios ??= import("axios").then((module) => module.default);
  return loadedAxios;
}

/**
 * The default {@link Transport}, on axios with keep-alive agents. The body is read as a stream and
 * counted, so a reply past `maxReplyBytes` is cut off there instead of being buffered whole.
 * @public
 */
export const axiosTransport: Transport = {
  async send(request) {
    const axios = await axiosModule();
    const response = await axios.request<Readable>({
      method: "POST",
      url: request.url,
      headers: { ...request.headers },
      data: request.body,
      responseType: "stream",
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
      signal: request.signal,
      ...sharedAgents(),
    });
    return {
      status: response.status,
      headers: lowercaseHeaders(response.headers),
      body: await readBounded(response.data, request.maxReplyBytes, response.status),
    };
  },
};

/**
 * Reads a body up to `limitBytes`. Past it, leaving the loop destroys the stream, which closes the
 * connection (it is not returned to the keep-alive pool half-read), and the server's remaining
 * bytes are never read.
 */
async function readBounded(body: Readable, limitBytes: number, status: number): Promise<string> {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limitBytes) throw new ReplyTooLargeError(limitBytes, status);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const REPLY_TOO_LARGE_BRAND = Symbol.for("pulumi-zenlayer.ReplyTooLargeError");

/**
 * What a {@link Transport} rejects with when a reply is larger than the request's
 * `maxReplyBytes`: no Zenlayer API reply is, so the endpoint is not the API or is misbehaving.
 * @public
 */
export class ReplyTooLargeError extends Error {
  override readonly name = "ReplyTooLargeError";

  constructor(
    /** The request's `maxReplyBytes`. */
    readonly limitBytes: number,
    /** The reply's HTTP status, which arrived before the body. */
    readonly status: number,
  ) {
    super(`the reply's body exceeded ${String(limitBytes)} bytes; reading stopped there`);
    Object.defineProperty(this, REPLY_TOO_LARGE_BRAND, { value: true, enumerable: false });
  }
}

/** True for a `ReplyTooLargeError`, even from another copy of this package. @public */
export function isReplyTooLarge(value: unknown): value is ReplyTooLargeError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<symbol, unknown>)[REPLY_TOO_LARGE_BRAND] === true
  );
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
