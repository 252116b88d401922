import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sendPlain } from "./envelope";
import { BodyTooLargeError, readBody } from "./readBody";

/** The only API path the simulator serves: the `zec` service. */
export const API_PATH = "/api/v2/zec";
/** The admin surface lives under its own prefix, which the API path can never reach. */
export const ADMIN_PREFIX = "/_simulator/";

/** What the server does with a request once it is routed and its body read. */
export interface RouteHandlers {
  api(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void>;
  admin(req: IncomingMessage, res: ServerResponse, route: string, body: Buffer): Promise<void> | void;
}

/** A listening server and how to shut it down completely. */
export interface RunningServer {
  readonly port: number;
  close(): Promise<void>;
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

/** Starts listening; `close()` also drops keep-alive connections so it never hangs. */
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
