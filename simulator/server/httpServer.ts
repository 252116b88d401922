import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { AdminRefusal } from "../admin/adminGuard";
import { sendAdminJson } from "../admin/adminRoutes";
import type { SimulatorOptions } from "../types/options";
import { sendPlain } from "./envelope";

/** The only API path the simulator serves: the `zec` service. @internal */
export const API_PATH = "/api/v2/zec";
/** The admin surface lives under its own prefix, which the API path can never reach. @internal */
export const ADMIN_PREFIX = "/_simulator/";

/** Requests larger than this are refused; real ZEC bodies are a few hundred bytes. @internal */
export const MAX_BODY_BYTES = 1024 * 1024;

/** What the server does with a request once it is routed and its body read. @internal */
export interface RouteHandlers {
  api(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void>;
  /** An API request whose body is over {@link MAX_BODY_BYTES}; the rest of it is never read. */
  apiTooLarge(req: IncomingMessage, res: ServerResponse, bytes: number): void;
  /** Checks an admin request on its headers alone, before its body is read. */
  adminRefusal(req: IncomingMessage): AdminRefusal | undefined;
  admin(req: IncomingMessage, res: ServerResponse, route: string, body: Buffer): Promise<void> | void;
}

/** A listening server and how to shut it down completely. @internal */
export interface RunningServer {
  readonly port: number;
  close(): Promise<void>;
}

/** How long the server waits for clients, in ms (0 disables one, as in Node). @internal */
export interface ServerTimeouts {
  readonly requestMs: number;
  readonly headersMs: number;
  readonly keepAliveMs: number;
  readonly idleMs: number;
}

function timeoutOption(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer of ms`);
  return value;
}

/**
 * The server's timeouts from the options, with defaults far below Node's (300 s for a request),
 * because a simulator on a developer's machine should not hold connections for slow or silent
 * clients: a well-behaved client sends a ZEC request in milliseconds.
 * @internal
 */
export function serverTimeouts(options: SimulatorOptions): ServerTimeouts {
  const requestMs = timeoutOption(options.requestTimeoutMs, "requestTimeoutMs", 30_000);
  const headersMs = timeoutOption(options.headersTimeoutMs, "headersTimeoutMs", Math.min(10_000, requestMs));
  if (requestMs > 0 && headersMs > requestMs)
    throw new Error("headersTimeoutMs must not exceed requestTimeoutMs");
  return {
    requestMs,
    headersMs,
    keepAliveMs: timeoutOption(options.keepAliveTimeoutMs, "keepAliveTimeoutMs", 5_000),
    idleMs: timeoutOption(options.idleTimeoutMs, "idleTimeoutMs", 10_000),
  };
}

/** A body over the limit: how many bytes were declared or seen before reading stopped. @internal */
export interface BodyTooLarge {
  readonly tooLarge: number;
}

/**
 * Reads the raw body bytes, which the signature covers byte for byte, up to `maxBytes`. A body
 * declared larger is refused without reading a byte of it; one that turns out larger stops being
 * read, and what was read is dropped, so a large upload never accumulates.
 * @internal
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | BodyTooLarge> {
  const declared = Number(req.headers["content-length"]);
  if (declared > maxBytes) return Promise.resolve({ tooLarge: declared });
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: () => void): void => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      outcome();
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        chunks = [];
        req.pause();
        finish(() => resolve({ tooLarge: size }));
      }
    };
    const onEnd = (): void => finish(() => resolve(Buffer.concat(chunks)));
    const onError = (error: Error): void => finish(() => reject(error));
    const onClose = (): void =>
      finish(() => reject(new Error("the client closed the connection mid-request")));
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

/** A header's single value (the first, if repeated), or undefined. @internal */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function isLoopback(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

/**
 * The idle timeout guards the time the simulator waits for the client: from the connection (or
 * the start of a request) until its body is in. It is lifted while the simulator works on the
 * answer (injected latency may be long); between requests Node's keep-alive timeout takes over.
 */
function watchIdle(socket: Socket, idleMs: number): void {
  socket.setTimeout(idleMs);
}

async function routeApi(req: IncomingMessage, res: ServerResponse, handlers: RouteHandlers): Promise<void> {
  if (req.method !== "POST") return sendPlain(res, 405, "Method Not Allowed", { allow: "POST" });
  const body = await readBody(req, MAX_BODY_BYTES);
  if (!Buffer.isBuffer(body)) return handlers.apiTooLarge(req, res, body.tooLarge);
  req.socket.setTimeout(0);
  return handlers.api(req, res, body);
}

async function routeAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
  handlers: RouteHandlers,
): Promise<void> {
  const refusal = handlers.adminRefusal(req);
  if (refusal !== undefined) {
    res.setHeader("connection", "close");
    for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value);
    return sendAdminJson(res, refusal.status, { error: refusal.error });
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (!Buffer.isBuffer(body)) {
    res.setHeader("connection", "close");
    return sendAdminJson(res, 413, { error: `request body larger than ${MAX_BODY_BYTES} bytes` });
  }
  req.socket.setTimeout(0);
  return handlers.admin(req, res, route, body);
}

/**
 * Routing: `POST /api/v2/zec` is the API; `/_simulator/*` is the admin surface, answered only to
 * loopback clients; anything else is a plain-text 404 (and a non-POST on the API path a 405),
 * deliberately without the API envelope, because those requests never reach the API.
 */
function route(req: IncomingMessage, res: ServerResponse, handlers: RouteHandlers): Promise<void> | void {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === API_PATH) return routeApi(req, res, handlers);
  if (path.startsWith(ADMIN_PREFIX) && isLoopback(req.socket.remoteAddress)) {
    return routeAdmin(req, res, path.slice(ADMIN_PREFIX.length), handlers);
  }
  return sendPlain(res, 404, "Not Found");
}

/**
 * Starts listening; `close()` also drops keep-alive connections so it never hangs. Node checks
 * the request and header timeouts on a timer (every 30 s by default), so the check runs more
 * often here: a short timeout should cut a slow client about when it says.
 * @internal
 */
export function listen(
  host: string,
  port: number,
  timeouts: ServerTimeouts,
  handlers: RouteHandlers,
): Promise<RunningServer> {
  const shortest = Math.min(...[timeouts.requestMs, timeouts.headersMs].filter((ms) => ms > 0), 4000);
  const server: Server = createServer(
    {
      requestTimeout: timeouts.requestMs,
      headersTimeout: timeouts.headersMs,
      connectionsCheckingInterval: Math.max(25, Math.floor(shortest / 4)),
    },
    (req, res) => {
      watchIdle(req.socket, timeouts.idleMs);
      Promise.resolve(route(req, res, handlers)).catch(() => {
        if (!res.headersSent) sendPlain(res, 500, "Internal Server Error");
        else res.destroy();
      });
    },
  );
  server.keepAliveTimeout = timeouts.keepAliveMs;
  server.on("connection", (socket: Socket) => {
    watchIdle(socket, timeouts.idleMs);
    socket.on("timeout", () => socket.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const actualPort = (server.address() as AddressInfo).port;
      resolve({ port: actualPort, close: () => closeServer(server) });
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
