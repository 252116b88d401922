import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sendPlain } from "./envelope";

/** The only API path the simulator serves: the `zec` service. @internal */
export const API_PATH = "/api/v2/zec";
/** The admin surface lives under its own prefix, which the API path can never reach. @internal */
export const ADMIN_PREFIX = "/_simulator/";

/** Requests larger than this are refused; real ZEC bodies are a few hundred bytes. @internal */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Thrown when a body exceeds {@link MAX_BODY_BYTES}. @internal */
export class BodyTooLargeError extends Error {}

/** What the server does with a request once it is routed and its body read. @internal */
export interface RouteHandlers {
  api(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void>;
  admin(req: IncomingMessage, res: ServerResponse, route: string, body: Buffer): Promise<void> | void;
}

/** A listening server and how to shut it down completely. @internal */
export interface RunningServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Delays (injected latency) that `stop()` can cancel, so a stopped simulator leaves no timer
 * behind. A cancelled sleep never resolves; its socket is closed by the server shutdown.
 * @internal
 */
export class Sleeper {
  private readonly timers = new Set<NodeJS.Timeout>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Reads the raw body bytes, which the signature covers byte for byte. @internal */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new BodyTooLargeError(`request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
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
 * Routing: `POST /api/v2/zec` is the API; `/_simulator/*` is the admin surface, answered only to
 * loopback clients; anything else is a plain-text 404 (and a non-POST on the API path a 405),
 * deliberately without the API envelope, because those requests never reach the API.
 */
async function route(req: IncomingMessage, res: ServerResponse, handlers: RouteHandlers): Promise<void> {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const isAdmin = path.startsWith(ADMIN_PREFIX) && isLoopback(req.socket.remoteAddress);
  if (path === API_PATH && req.method !== "POST")
    return sendPlain(res, 405, "Method Not Allowed", { allow: "POST" });
  if (path !== API_PATH && !isAdmin) return sendPlain(res, 404, "Not Found");
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return sendPlain(res, 413, "Payload Too Large", { connection: "close" });
    throw error;
  }
  if (path === API_PATH) return handlers.api(req, res, body);
  return handlers.admin(req, res, path.slice(ADMIN_PREFIX.length), body);
}

/** Starts listening; `close()` also drops keep-alive connections so it never hangs. @internal */
export function listen(host: string, port: number, handlers: RouteHandlers): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    route(req, res, handlers).catch(() => {
      if (!res.headersSent) sendPlain(res, 500, "Internal Server Error");
      else res.destroy();
    });
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
