import axios from "axios";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

/** One HTTP attempt, fully prepared and signed. @public */
export interface HttpRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Ends the attempt: its timeout, the caller's cancellation or the operation's deadline. */
  readonly signal: AbortSignal;
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
 * no reply arrived (refused, reset, aborted through `signal`). The client keeps nothing of such an
 * error but its name, `code` (e.g. `ECONNREFUSED`) and message, because transport errors often
 * carry the request headers. Redirects must not be followed: a signed call must not be replayed to
 * another host. {@link axiosTransport} is the default; tests pass their own.
 * @public
 */
export interface Transport {
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

/** The default {@link Transport}, on axios with keep-alive agents. @public */
export const axiosTransport: Transport = {
  async send(request) {
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
      signal: request.signal,
      ...sharedAgents(),
    });
    return {
      status: response.status,
      headers: lowercaseHeaders(response.headers),
      body: String(response.data ?? ""),
    };
  },
};

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
