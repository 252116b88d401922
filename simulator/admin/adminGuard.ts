import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Why an admin request is refused, answered as `{error}` with this status. @internal */
export interface AdminRefusal {
  readonly status: 401 | 403 | 415;
  readonly error: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Names under which a loopback client reaches the simulator; `Host` must be one of them. */
const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `host:port` spellings of the simulator itself, for the port this request came in on. */
function ownHosts(req: IncomingMessage): Set<string> {
  const port = req.socket.localPort ?? 0;
  const local = req.socket.localAddress ?? "";
  const bound = local.startsWith("::ffff:") ? local.slice(7) : local.includes(":") ? `[${local}]` : local;
  const names = [...LOOPBACK_NAMES, bound];
  const hosts = new Set(names.map((name) => `${name}:${port}`));
  if (port === 80) for (const name of names) hosts.add(name);
  return hosts;
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Refuses what a web page could send. A page on another site can make a browser send simple
 * requests (a `text/plain` POST needs no preflight) to any local port, and a DNS-rebound name can
 * even make them same-origin; the admin surface reconfigures a running simulator, so:
 * - `Host` must name the simulator itself (a loopback name or its own address, with its port),
 *   which a rebound name never does;
 * - `Origin`, when present, must be the simulator's own origin, and `Sec-Fetch-Site`, when
 *   present, `same-origin` or `none`;
 * - a POST must say `Content-Type: application/json`, which a page cannot send cross-origin
 *   without a preflight, and the simulator never answers a preflight with CORS headers.
 */
function browserRefusal(req: IncomingMessage): AdminRefusal | undefined {
  const hosts = ownHosts(req);
  const host = header(req, "host")?.toLowerCase();
  if (host === undefined || !hosts.has(host)) {
    return {
      status: 403,
      error: "the Host header must name the simulator itself (127.0.0.1, localhost or [::1])",
    };
  }
  const origin = header(req, "origin")?.toLowerCase();
  if (origin !== undefined && !(origin.startsWith("http://") && hosts.has(origin.slice(7)))) {
    return { status: 403, error: "cross-origin requests to the admin surface are refused" };
  }
  const site = header(req, "sec-fetch-site");
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    return { status: 403, error: "cross-site requests to the admin surface are refused" };
  }
  return undefined;
}

function contentTypeRefusal(req: IncomingMessage): AdminRefusal | undefined {
  if (req.method !== "POST") return undefined;
  const mediaType = header(req, "content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType === "application/json") return undefined;
  return { status: 415, error: "admin writes must be sent with Content-Type: application/json" };
}

function tokenRefusal(req: IncomingMessage, token: string): AdminRefusal | undefined {
  const match = /^Bearer (\S+)$/.exec(header(req, "authorization") ?? "");
  if (match?.[1] !== undefined && sameSecret(match[1], token)) return undefined;
  return {
    status: 401,
    error: "the admin surface needs Authorization: Bearer <admin token>",
    headers: { "www-authenticate": 'Bearer realm="zenlayer-simulator admin"' },
  };
}

/**
 * The checks every `/_simulator/` request passes before its body is read: browser protections
 * first (403), then the admin token when one is configured (401), then the content type of
 * writes (415). Loopback-only access is checked earlier, by the router.
 * @internal
 */
export function adminRefusal(req: IncomingMessage, token: string | undefined): AdminRefusal | undefined {
  return (
    browserRefusal(req) ??
    (token === undefined ? undefined : tokenRefusal(req, token)) ??
    contentTypeRefusal(req)
  );
}
