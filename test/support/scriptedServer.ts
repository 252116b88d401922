import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SIGNATURE_METHOD, SIGNED_HEADERS, sign } from "../../sdk/signing/signer";

/** One scripted reply; replies are consumed in order, one per authenticated request. */
export type ScriptStep =
  | { readonly kind: "success"; readonly response?: Record<string, unknown>; readonly headers?: Headers }
  | { readonly kind: "error"; readonly status: number; readonly code: string; readonly headers?: Headers }
  | { readonly kind: "raw"; readonly status: number; readonly body: string; readonly headers?: Headers }
  | { readonly kind: "reset" }
  | { readonly kind: "slow"; readonly delayMs: number; readonly then: ScriptStep };

type Headers = Readonly<Record<string, string>>;

/** What the server saw, including its verdict on the signature. */
export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  readonly action: string | undefined;
  /** `undefined` when authentication passed, else the AUTHFAILURE_* code that was returned. */
  readonly authFailure: string | undefined;
}

export interface ScriptedServerOptions {
  /** Access key id → password pairs the server accepts. */
  readonly credentials?: Readonly<Record<string, string>>;
  readonly tokens?: readonly string[];
  /** Listen on this port (0, the default, picks a free one). */
  readonly port?: number;
}

export interface ScriptedServer {
  /** `127.0.0.1:<port>`, usable as the client's domain. */
  readonly domain: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  enqueue(...steps: ScriptStep[]): void;
  /** Steps not yet consumed. */
  remaining(): number;
  close(): Promise<void>;
}

const SKEW_LIMIT_SECONDS = 300;

/**
 * A loopback HTTP server that checks every request the way Zenlayer does (ZC2-HMAC-SHA256 over
 * the received Host, Content-Type and raw body, five-minute skew; or a bearer token) and answers
 * from a script. When the script runs out it answers a permanent `SCRIPT_EXHAUSTED` error, so an
 * unexpected extra attempt fails the test instead of hanging it.
 */
export async function startScriptedServer(options: ScriptedServerOptions = {}): Promise<ScriptedServer> {
  const queue: ScriptStep[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const authFailure = authenticate(req.headers, raw, options);
      const action = header(req.headers, "x-zc-action");
      requests.push({
        path: req.url ?? "",
        headers: req.headers,
        rawBody: raw.toString("utf8"),
        action,
        authFailure,
      });
      if (authFailure !== undefined) return reply(res, { kind: "error", status: 401, code: authFailure });
      const step = queue.shift() ?? { kind: "error", status: 400, code: "SCRIPT_EXHAUSTED" };
      play(req, res, step, timers);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    domain: `127.0.0.1:${String(port)}`,
    port,
    requests,
    enqueue: (...steps) => void queue.push(...steps),
    remaining: () => queue.length,
    close: () => {
      timers.forEach(clearTimeout);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function play(
  req: IncomingMessage,
  res: ServerResponse,
  step: ScriptStep,
  timers: Set<NodeJS.Timeout>,
): void {
  if (step.kind === "reset") {
    req.socket.destroy();
    return;
  }
  if (step.kind === "slow") {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) play(req, res, step.then, timers);
    }, step.delayMs);
    timers.add(timer);
    return;
  }
  reply(res, step);
}

function reply(res: ServerResponse, step: Exclude<ScriptStep, { kind: "reset" | "slow" }>): void {
  const requestId = `T${randomUUID().toUpperCase()}`;
  const { status, body } =
    step.kind === "success"
      ? { status: 200, body: JSON.stringify({ requestId, response: { requestId, ...step.response } }) }
      : step.kind === "error"
        ? {
            status: step.status,
            body: JSON.stringify({ requestId, code: step.code, message: `scripted ${step.code}` }),
          }
        : { status: step.status, body: step.body };
  const contentType = step.kind === "raw" ? "text/html" : "application/json";
  res.writeHead(status, { "content-type": contentType, ...step.headers });
  res.end(body);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

const AUTHORIZATION_FORMAT =
  /^ZC2-HMAC-SHA256 Credential=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

/** Returns the AUTHFAILURE_* code the real API would send, or undefined when the request is good. */
function authenticate(
  headers: IncomingHttpHeaders,
  body: Buffer,
  options: ScriptedServerOptions,
): string | undefined {
  const authorization = header(headers, "authorization") ?? "";
  if (authorization.startsWith("Bearer ")) {
    const known = (options.tokens ?? []).includes(authorization.slice("Bearer ".length));
    return known ? undefined : "AUTHFAILURE_INVALID_AUTHORIZATION";
  }
  const match = AUTHORIZATION_FORMAT.exec(authorization);
  const password = match === null ? undefined : options.credentials?.[match[1] ?? ""];
  if (match === null || password === undefined || match[2] !== SIGNED_HEADERS) {
    return "AUTHFAILURE_INVALID_AUTHORIZATION";
  }
  if (header(headers, "x-zc-signature-method") !== SIGNATURE_METHOD)
    return "AUTHFAILURE_INVALID_AUTHORIZATION";
  const timestamp = header(headers, "x-zc-timestamp") ?? "";
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > SKEW_LIMIT_SECONDS) {
    return "AUTHFAILURE_SIGNATURE_EXPIRED";
  }
  const expected = sign({
    accessKeyId: match[1] ?? "",
    accessKeyPassword: password,
    host: header(headers, "host") ?? "",
    contentType: header(headers, "content-type") ?? "",
    body,
    timestamp,
  });
  return expected.signature === match[3] ? undefined : "AUTHFAILURE_SIGNATURE_FAILURE";
}
