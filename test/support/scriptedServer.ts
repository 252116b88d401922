import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyRequest } from "../../simulator/auth/verifyRequest";

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

/**
 * A loopback HTTP server that checks every request with the simulator's own verifier (ZC2-HMAC-SHA256
 * over the received Host, Content-Type and raw body, five-minute skew; or a bearer token) and
 * answers from a script. When the script runs out it answers a permanent `SCRIPT_EXHAUSTED` error, so an
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

/**
 * Returns the AUTHFAILURE_* code the real API would send, or undefined when the request is good,
 * using the simulator's verifier: there is one signature check in the codebase.
 */
function authenticate(
  headers: IncomingHttpHeaders,
  body: Buffer,
  options: ScriptedServerOptions,
): string | undefined {
  const accessKeys = Object.entries(options.credentials ?? {}).map(([accessKeyId, accessKeyPassword]) => ({
    accessKeyId,
    accessKeyPassword,
  }));
  const failure = verifyRequest(
    {
      authorization: header(headers, "authorization"),
      timestamp: header(headers, "x-zc-timestamp"),
      signatureMethod: header(headers, "x-zc-signature-method"),
      host: header(headers, "host") ?? "",
      contentType: header(headers, "content-type") ?? "",
      body,
    },
    { accessKeys, bearerTokens: options.tokens ?? [] },
    Date.now(),
  );
  return failure?.code;
}
