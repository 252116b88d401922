import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, commonError, defaultCodeForStatus } from "../api/errorCodes";
import { dispatch } from "../api/router";
import { signerOf, verifyRequest } from "../auth/verifyRequest";
import type { EdgeFault } from "../faults/faultInjector";
import { nicsSeen, observeNicWrite } from "../log/requestLog";
import type { SimulatorRuntime } from "../runtime";
import { isoSeconds } from "../state/records";
import type { FailNextRule, WriteEffect } from "../types/options";
import type { Outcome } from "./envelope";
import { deliver, errorOutcome, successOutcome } from "./envelope";
import { headerValue } from "./httpServer";

/** One received API request, with the identity the answer and the log will carry. */
interface ApiRequest {
  readonly req: IncomingMessage;
  readonly body: Buffer;
  readonly requestId: string;
  readonly action: string | null;
  readonly version: string | null;
}

type Decision = {
  readonly outcome: Outcome;
  readonly fault?: string;
  readonly effect?: WriteEffect;
  readonly seen?: Record<string, string | null>;
  /** Who signed the request, once it is authenticated. */
  readonly signedBy?: string;
};

function edgeOutcome(fault: EdgeFault, requestId: string): Decision {
  if (fault.kind === "reset") return { outcome: { kind: "reset" }, fault: "reset" };
  if (fault.kind === "html") return { outcome: { kind: "html", status: fault.status }, fault: "html" };
  const headers =
    fault.retryAfterSeconds === undefined ? undefined : { "retry-after": String(fault.retryAfterSeconds) };
  const error = commonError("REQUEST_LIMIT_EXCEEDED", "Request rate limit exceeded; retry later.");
  return { outcome: errorOutcome(requestId, error, headers), fault: "rate-limit" };
}

function scriptedOutcome(rule: FailNextRule, requestId: string): Outcome {
  const kind = rule.kind ?? "error";
  if (kind === "reset") return { kind: "reset" };
  if (kind === "html" || kind === "empty") return { kind, status: rule.httpStatus };
  const code = rule.code ?? defaultCodeForStatus(rule.httpStatus);
  const headers =
    rule.retryAfterSeconds === undefined ? undefined : { "retry-after": String(rule.retryAfterSeconds) };
  return errorOutcome(
    requestId,
    new ApiError(rule.httpStatus, code, "Injected failure (simulator)."),
    headers,
  );
}

function authenticate(request: ApiRequest, runtime: SimulatorRuntime): ApiError | null {
  const { req } = request;
  return verifyRequest(
    {
      authorization: headerValue(req, "authorization"),
      timestamp: headerValue(req, "x-zc-timestamp"),
      signatureMethod: headerValue(req, "x-zc-signature-method"),
      host: headerValue(req, "host") ?? "",
      contentType: headerValue(req, "content-type") ?? "",
      body: request.body,
    },
    runtime.credentials,
    runtime.now(),
  );
}

function execute(request: ApiRequest, runtime: SimulatorRuntime): Outcome {
  try {
    const fields = dispatch(request.action, request.version, request.body.toString("utf8"), runtime);
    return successOutcome(request.requestId, fields);
  } catch (error) {
    if (error instanceof ApiError) return errorOutcome(request.requestId, error);
    return errorOutcome(
      request.requestId,
      commonError("INTERNAL_SERVER_ERROR", "Internal error (simulator)."),
    );
  }
}

/**
 * The order mirrors a real deployment: latency and edge faults (reset, HTML page, gateway rate
 * limit) before authentication; then authentication; then scripted and backend failures; then
 * the action; then, optionally, the answer is lost although the action ran.
 */
async function decide(request: ApiRequest, runtime: SimulatorRuntime): Promise<Decision> {
  const { faults, scripted } = runtime;
  const latency = faults.latencyMs(request.action);
  if (latency > 0) await runtime.sleeper.sleep(latency);
  const edge = faults.edgeFault(request.action);
  if (edge !== undefined) return edgeOutcome(edge, request.requestId);
  const authError = authenticate(request, runtime);
  if (authError !== null) return { outcome: errorOutcome(request.requestId, authError) };
  const signer = signerOf(headerValue(request.req, "authorization"));
  const signedBy = signer === undefined ? {} : { signedBy: signer };
  const before = scripted.take(request.action, "before");
  if (before !== undefined)
    return { outcome: scriptedOutcome(before, request.requestId), fault: "fail-next", ...signedBy };
  const serverError = faults.serverError(request.action);
  if (serverError !== undefined) {
    const error = commonError(serverError, "The service is temporarily unable to process the request.");
    return { outcome: errorOutcome(request.requestId, error), fault: "server-error", ...signedBy };
  }
  return { ...executeAndAnswer(request, runtime), ...signedBy };
}

/**
 * Runs the action, then maybe replaces or loses its answer. NIC writes carry their effect into
 * the log whatever the client receives, so tests can see what a lost answer hid; reads of NICs by
 * id carry what the client was answered (`seen`).
 */
function executeAndAnswer(request: ApiRequest, runtime: SimulatorRuntime): Decision {
  const body = request.body.toString("utf8");
  const observe = observeNicWrite(request.action, body, runtime.engine.store, runtime.now());
  const outcome = execute(request, runtime);
  const effect = observe?.(outcome.kind === "json" && outcome.status === 200);
  const executed = effect === undefined ? {} : { effect };
  const after = runtime.scripted.take(request.action, "after");
  if (after !== undefined)
    return { outcome: scriptedOutcome(after, request.requestId), fault: "fail-next-after", ...executed };
  if (runtime.faults.loseResponse(request.action))
    return { outcome: { kind: "reset" }, fault: "lost-response", ...executed };
  const seen = outcome.kind === "json" ? nicsSeen(request.action, body, outcome) : undefined;
  return { outcome, ...executed, ...(seen === undefined ? {} : { seen }) };
}

/** Handles one `POST /api/v2/zec`: decide, answer, log. @internal */
export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  runtime: SimulatorRuntime,
): Promise<void> {
  const arrival = runtime.now();
  const request: ApiRequest = {
    req,
    body,
    requestId: runtime.engine.store.ids.requestId(),
    action: headerValue(req, "x-zc-action") ?? null,
    version: headerValue(req, "x-zc-version") ?? null,
  };
  runtime.log.count(request.action);
  const { outcome, fault, effect, seen, signedBy } = await decide(request, runtime);
  deliver(res, outcome);
  runtime.log.record({
    time: isoSeconds(arrival),
    receivedAtMs: arrival,
    action: request.action,
    version: request.version,
    status: outcome.kind === "reset" ? 0 : outcome.status,
    ...(outcome.kind === "json" && outcome.code !== undefined ? { code: outcome.code } : {}),
    requestId: request.requestId,
    body,
    ...(fault === undefined ? {} : { fault }),
    ...(effect === undefined ? {} : { effect }),
    ...(seen === undefined ? {} : { seen }),
    ...(signedBy === undefined ? {} : { signedBy }),
  });
}

/**
 * Answers an API request whose body is over the size limit, before authentication and without
 * reading the rest of it: 413 with the error envelope (INVALID_PARAMETER_EXCEED_LENGTH, the
 * documented "too long" code), logged with the size only. `Connection: close` ends the
 * connection after the answer, so the unread rest of the body is never processed.
 * @internal
 */
export function handleApiTooLarge(
  req: IncomingMessage,
  res: ServerResponse,
  bytes: number,
  limit: number,
  runtime: SimulatorRuntime,
): void {
  const arrival = runtime.now();
  const requestId = runtime.engine.store.ids.requestId();
  const action = headerValue(req, "x-zc-action") ?? null;
  runtime.log.count(action);
  const error = new ApiError(
    413,
    "INVALID_PARAMETER_EXCEED_LENGTH",
    `The request body exceeds ${limit} bytes.`,
  );
  deliver(res, errorOutcome(requestId, error, { connection: "close" }));
  runtime.log.record({
    time: isoSeconds(arrival),
    receivedAtMs: arrival,
    action,
    version: headerValue(req, "x-zc-version") ?? null,
    status: 413,
    code: error.code,
    requestId,
    body: { bytes },
  });
}
