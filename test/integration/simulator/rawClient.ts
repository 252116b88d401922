import type { IncomingHttpHeaders } from "node:http";
import { request } from "node:http";
import { sign } from "../../../sdk/signing/signer";
import { DEFAULT_ACCESS_KEY } from "../../../simulator";
import type { AccessKeyPair, Simulator } from "../../../simulator";

/**
 * A deliberately low-level client for simulator tests: it hand-signs requests with the shared
 * signer and lets a test break any single part of the request (host, content type, timestamp,
 * authorization, body), which the real SDK client would never do.
 */
export interface RawCallOptions {
  version?: string | null;
  key?: AccessKeyPair;
  /** The Host header actually sent (default the simulator's domain). */
  host?: string;
  /** The host used when signing (default: the Host sent). */
  signHost?: string;
  contentType?: string;
  signContentType?: string;
  /** Unix seconds (default: now). */
  timestamp?: number | string;
  /** Replaces the computed Authorization header; null omits it. */
  authorization?: string | null;
  bearer?: string;
  /** The body sent, when it should differ from the body signed. */
  sendBody?: string;
  method?: string;
  path?: string;
  /** Added last, so they override the computed headers. */
  headers?: Record<string, string>;
  /** Lower-case names of computed headers to leave out. */
  omitHeaders?: string[];
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export const CURRENT_VERSION = "2025-09-01";

/** Sends raw bytes to the simulator's port; rejects when the connection is destroyed. */
export function send(
  port: number,
  init: { method?: string; path?: string; headers: Record<string, string>; body: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: init.method ?? "POST",
        path: init.path ?? "/api/v2/zec",
        headers: init.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

function authorizationFor(
  body: string,
  host: string,
  contentType: string,
  timestamp: string,
  options: RawCallOptions,
) {
  if (options.authorization !== undefined) return options.authorization;
  if (options.bearer !== undefined) return `Bearer ${options.bearer}`;
  const key = options.key ?? DEFAULT_ACCESS_KEY;
  return sign({
    ...key,
    host: options.signHost ?? host,
    contentType: options.signContentType ?? contentType,
    body,
    timestamp,
  }).authorization;
}

/** Calls one action the way an SDK would, with per-test deviations from `options`. */
export function rawCall(
  simulator: Pick<Simulator, "port" | "domain">,
  action: string | null,
  params: unknown,
  options: RawCallOptions = {},
): Promise<RawResponse> {
  const body = typeof params === "string" ? params : JSON.stringify(params);
  const host = options.host ?? simulator.domain;
  const contentType = options.contentType ?? "application/json";
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  let headers: Record<string, string> = { host, "content-type": contentType };
  if (options.bearer === undefined) {
    headers["x-zc-timestamp"] = timestamp;
    headers["x-zc-signature-method"] = "ZC2-HMAC-SHA256";
  }
  if (action !== null) headers["x-zc-action"] = action;
  const version = options.version === undefined ? CURRENT_VERSION : options.version;
  if (version !== null) headers["x-zc-version"] = version;
  const authorization = authorizationFor(body, host, contentType, timestamp, options);
  if (authorization !== null) headers["authorization"] = authorization;
  const omit = options.omitHeaders ?? [];
  headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !omit.includes(name)));
  Object.assign(headers, options.headers);
  const init = { headers, body: options.sendBody ?? body };
  return send(simulator.port, {
    ...init,
    ...(options.method === undefined ? {} : { method: options.method }),
    ...(options.path === undefined ? {} : { path: options.path }),
  });
}

/** The parsed JSON of an answer; tests assert on its shape, so a loose record type suffices. */
export function json(response: RawResponse): Record<string, unknown> {
  return JSON.parse(response.text) as Record<string, unknown>;
}

/** The `response` object of a success envelope; fails the test on anything else. */
export function responseOf(response: RawResponse): Record<string, unknown> {
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${response.text}`);
  return json(response)["response"] as Record<string, unknown>;
}

/** Calls an action that must succeed and returns its `response`. */
export async function ok(simulator: Pick<Simulator, "port" | "domain">, action: string, params: unknown) {
  return responseOf(await rawCall(simulator, action, params));
}

/** The `{status, code}` of an answer, for compact error assertions; non-JSON answers have code "(not JSON)". */
export function statusAndCode(response: RawResponse): { status: number; code: unknown } {
  if (response.status === 200) return { status: 200, code: undefined };
  try {
    return { status: response.status, code: json(response)["code"] };
  } catch {
    return { status: response.status, code: "(not JSON)" };
  }
}

/** Calls an action and returns `{status, code}`. */
export async function failure(
  simulator: Pick<Simulator, "port" | "domain">,
  action: string,
  params: unknown,
  options?: RawCallOptions,
) {
  return statusAndCode(await rawCall(simulator, action, params, options));
}
