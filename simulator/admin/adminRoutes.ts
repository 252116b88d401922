import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestLog } from "../log/requestLog";
import type { JsonObject } from "../config/schemas";
import {
  asObject,
  optBoolean,
  optEnum,
  optNumber,
  optString,
  parseFailNextRule,
  parseFaultSettings,
} from "../config/schemas";
import { parseSeedDocument } from "../config/seedSchema";
import type { SimulatorControl } from "../types/options";

/** JSON without the API envelope, for the admin surface. @internal */
export function sendAdminJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

type AdminRoute = {
  readonly method: "GET" | "POST";
  readonly run: (body: unknown, control: SimulatorControl) => unknown;
};

function required(obj: JsonObject, key: string): string {
  const value = optString(obj, key, "body");
  if (value === undefined) throw new Error(`body.${key} is required`);
  return value;
}

function withNic(act: (control: SimulatorControl, nicId: string, body: JsonObject) => void): AdminRoute {
  return {
    method: "POST",
    run: (body, control) => act(control, required(asObject(body, "body"), "nicId"), asObject(body, "body")),
  };
}

function withInstance(
  act: (control: SimulatorControl, instanceId: string, body: JsonObject) => void,
): AdminRoute {
  return {
    method: "POST",
    run: (body, control) =>
      act(control, required(asObject(body, "body"), "instanceId"), asObject(body, "body")),
  };
}

function parseStall(body: unknown): { nicId?: string; instanceId?: string; forMs: number | "forever" } {
  const obj = asObject(body, "body");
  const forMs = obj["forMs"] === "forever" ? "forever" : optNumber(obj, "forMs", "body");
  if (forMs === undefined) throw new Error('body.forMs must be a number of ms or "forever"');
  const nicId = optString(obj, "nicId", "body");
  const instanceId = optString(obj, "instanceId", "body");
  return {
    forMs,
    ...(nicId === undefined ? {} : { nicId }),
    ...(instanceId === undefined ? {} : { instanceId }),
  };
}

/** The admin surface, by path below `/_simulator/`. Local use only (the server checks loopback). */
const ROUTES: Readonly<Record<string, AdminRoute>> = {
  state: { method: "GET", run: (_body, control) => control.snapshot() },
  counts: { method: "GET", run: (_body, control) => control.actionCounts() },
  transitions: { method: "GET", run: (_body, control) => control.transitionLog() },
  "requests/reset": { method: "POST", run: (_body, control) => control.resetRequestLog() },
  seed: {
    method: "POST",
    run: (body, control) => {
      control.seed(parseSeedDocument(body));
      return control.snapshot();
    },
  },
  faults: { method: "POST", run: (body, control) => control.setFaults(parseFaultSettings(body)) },
  "fail-next": { method: "POST", run: (body, control) => control.failNext(parseFailNextRule(body)) },
  stall: { method: "POST", run: (body, control) => control.stallTransitions(parseStall(body)) },
  "release-stalls": { method: "POST", run: (_body, control) => control.releaseStalls() },
  "transition-delay": {
    method: "POST",
    run: (body, control) => control.setTransitionDelay(optNumber(asObject(body, "body"), "ms", "body") ?? 0),
  },
  "error-codes": {
    method: "POST",
    run: (body, control) =>
      control.setErrorCodes(
        optEnum(asObject(body, "body"), "generation", "body", ["current", "legacy"] as const) ?? "current",
      ),
  },
  "out-of-band/detachNic": withNic((control, nicId) => control.outOfBand.detachNic(nicId)),
  "out-of-band/deleteNic": withNic((control, nicId) => control.outOfBand.deleteNic(nicId)),
  "out-of-band/associateLoadBalancer": withNic((control, nicId, body) =>
    control.outOfBand.associateLoadBalancer(nicId, optBoolean(body, "associated", "body") ?? true),
  ),
  "out-of-band/attachNic": withNic((control, nicId, body) =>
    control.outOfBand.attachNic(nicId, required(body, "instanceId")),
  ),
  "out-of-band/stopInstance": withInstance((control, instanceId) =>
    control.outOfBand.stopInstance(instanceId),
  ),
  "out-of-band/startInstance": withInstance((control, instanceId) =>
    control.outOfBand.startInstance(instanceId),
  ),
  "out-of-band/setInstanceStatus": withInstance((control, instanceId, body) =>
    control.outOfBand.setInstanceStatus(instanceId, required(body, "status")),
  ),
};

function parseJson(body: Buffer): unknown {
  const text = body.toString("utf8");
  return text.trim() === "" ? {} : (JSON.parse(text) as unknown);
}

/** A non-negative integer query parameter, or undefined when absent. */
function queryInteger(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw new Error(`${name} must be a non-negative integer`);
  return Number(raw);
}

/** Resolves when the answer may be written to again, or the client has gone (then false). */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off("drain", done).off("close", done);
      resolve(!res.destroyed);
    };
    res.on("drain", done).on("close", done);
  });
}

/**
 * `GET requests[?offset=N&limit=M]`: the request log, oldest first, streamed one entry at a time
 * with backpressure, so even a large log never becomes one big string; `X-Total-Count` tells a
 * pager how many entries there are. Entries recorded while it streams are left out.
 */
async function streamRequestLog(req: IncomingMessage, res: ServerResponse, log: RequestLog): Promise<void> {
  const url = new URL(req.url ?? "/", "http://simulator");
  let range: { offset: number | undefined; limit: number | undefined };
  try {
    range = { offset: queryInteger(url, "offset"), limit: queryInteger(url, "limit") };
  } catch (error) {
    return sendAdminJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
  res.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "x-total-count": String(log.size),
  });
  for (const chunk of log.jsonChunks(range.offset, range.limit)) {
    if (!res.write(chunk) && !(await drained(res))) return;
  }
  res.end();
}

/**
 * Answers an admin request with plain JSON (no API envelope): the route's result, `{ok: true}`
 * for commands, `{error}` with 400 for bad input, 404/405 for unknown routes or methods.
 * @internal
 */
export function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: Buffer,
  simulator: { readonly control: SimulatorControl; readonly log: RequestLog },
): Promise<void> | void {
  if (path === "requests") {
    if (req.method !== "GET") return sendAdminJson(res, 405, { error: "use GET" });
    return streamRequestLog(req, res, simulator.log);
  }
  const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
  if (route === undefined)
    return sendAdminJson(res, 404, { error: `unknown admin route /_simulator/${path}` });
  if (req.method !== route.method) return sendAdminJson(res, 405, { error: `use ${route.method}` });
  try {
    const result = route.run(parseJson(body), simulator.control);
    sendAdminJson(res, 200, result ?? { ok: true });
  } catch (error) {
    sendAdminJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
