/**
 * The error types this package throws, and the guards that recognise them. Guards check a brand,
 * not `instanceof`: the Pulumi engine runs a dynamic provider deserialized in another process, and
 * a program may load two copies of this package, so the class that threw is not always the one
 * the caller imported.
 * @packageDocumentation
 */
import { classifyError, ClientErrorCode, isEndpointProblem } from "./retry/classification";
import type { ErrorCategory } from "./retry/classification";

function setBrand(target: object, brand: symbol): void {
  Object.defineProperty(target, brand, { value: true, enumerable: false, writable: false });
}

function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/**
 * The parts of an underlying failure that are safe to keep. Transport errors (axios in particular)
 * carry the request configuration, including the `Authorization` header, so the raw error is never
 * stored on a {@link ZenlayerApiError}; only these three strings are.
 * @public
 */
export interface SanitizedCause {
  readonly name: string;
  /** A Node or axios code such as `ECONNREFUSED`, `ECONNRESET` or `ERR_CANCELED`. */
  readonly code: string | undefined;
  readonly message: string;
}

/** Copies name, code and message out of anything thrown, dropping every other field. @internal */
export function sanitizeCause(thrown: unknown): SanitizedCause {
  if (typeof thrown !== "object" || thrown === null) {
    return { name: "Error", code: undefined, message: String(thrown) };
  }
  const record = thrown as Record<string, unknown>;
  const name = typeof record["name"] === "string" ? record["name"] : "Error";
  const code = typeof record["code"] === "string" ? record["code"] : undefined;
  const message = typeof record["message"] === "string" ? record["message"] : "";
  return { name, code, message };
}

/** The endpoint a call went to and where its domain and scheme were configured. @public */
export interface EndpointInfo {
  /** E.g. `https://console.zenlayer.com/api/v2/zec`. */
  readonly url: string;
  /** E.g. `domain set by ZENLAYERCLOUD_DOMAIN from the environment, scheme HTTPS by default`. */
  readonly source: string;
}

/** What is known about one failed attempt; a {@link ZenlayerApiError} is built from it. @public */
export interface ZenlayerApiErrorInit {
  readonly code: string;
  /** The server's (or this client's) human-readable explanation, without decoration. */
  readonly detail: string;
  readonly action: string;
  readonly requestId?: string | undefined;
  readonly httpStatus?: number | undefined;
  readonly retryAfterMs?: number | undefined;
  readonly cause?: SanitizedCause | undefined;
  readonly endpoint?: EndpointInfo | undefined;
}

const API_ERROR_BRAND = Symbol.for("pulumi-zenlayer.ZenlayerApiError");

/**
 * The one error type every failed Zenlayer call produces, from a server error envelope to a reset
 * socket. It carries the wire fields (code, request id) so callers can branch on codes and support
 * can trace a call, and its category from the one classification table. It holds no request
 * headers, so it is safe to log or serialize.
 * @public
 */
export class ZenlayerApiError extends Error {
  override readonly name = "ZenlayerApiError";
  /** Zenlayer's `UPPER_SNAKE` code, or a {@link ClientErrorCode} when the server gave no answer. */
  readonly code: string;
  readonly requestId: string | undefined;
  /** Undefined when no HTTP reply arrived (network failure, timeout, abort). */
  readonly httpStatus: number | undefined;
  /** The `X-ZC-Action` that failed, e.g. `DetachNetworkInterface`. */
  readonly action: string;
  readonly category: ErrorCategory;
  /** The server's `Retry-After` hint in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;
  override readonly cause: SanitizedCause | undefined;
  readonly endpoint: EndpointInfo | undefined;
  /** True when the endpoint itself is at fault (unreachable, or not the API); the message names it. */
  readonly blamesEndpoint: boolean;

  constructor(init: ZenlayerApiErrorInit) {
    const category = classifyError(init.code, init.httpStatus, init.cause?.code);
    const blamesEndpoint = init.endpoint !== undefined && isEndpointProblem(init.code, category);
    super(describe(init, blamesEndpoint));
    this.code = init.code;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.action = init.action;
    this.category = category;
    this.retryAfterMs = init.retryAfterMs;
    this.cause = init.cause;
    this.endpoint = init.endpoint;
    this.blamesEndpoint = blamesEndpoint;
    setBrand(this, API_ERROR_BRAND);
  }
}

/** True for any {@link ZenlayerApiError}, including one thrown by another copy of this package. @public */
export function isZenlayerApiError(value: unknown): value is ZenlayerApiError {
  return hasBrand(value, API_ERROR_BRAND);
}

function describe(init: ZenlayerApiErrorInit, blamesEndpoint: boolean): string {
  const status = init.httpStatus === undefined ? "no HTTP reply" : `HTTP ${String(init.httpStatus)}`;
  const where =
    blamesEndpoint && init.endpoint !== undefined
      ? `. The endpoint ${init.endpoint.url} comes from: ${init.endpoint.source}; check those settings`
      : "";
  return `${init.action} failed with ${init.code} (${status}, requestId ${init.requestId ?? "none"}): ${init.detail}${where}`;
}

/** The error for a call whose deadline passed before it could be sent. @internal */
export function deadlineError(action: string): ZenlayerApiError {
  const detail = "the operation's deadline passed before the request could be sent; nothing was sent";
  return new ZenlayerApiError({ code: ClientErrorCode.DEADLINE_EXCEEDED, detail, action });
}

/**
 * The error for a call whose waiting (for a token, or between attempts) was cut short: by the
 * operation's deadline, or by the caller through its AbortSignal.
 * @internal
 */
export function stoppedError(action: string, reason: unknown): ZenlayerApiError {
  if (isDeadlineExceeded(reason)) return deadlineError(action);
  const detail = "the caller aborted the request";
  return new ZenlayerApiError({
    code: ClientErrorCode.REQUEST_ABORTED,
    detail,
    action,
    cause: sanitizeCause(reason),
  });
}

const DEADLINE_BRAND = Symbol.for("pulumi-zenlayer.DeadlineExceededError");

/**
 * The abort reason of a deadline's signal. Waiters recognise it and report a timeout with what they
 * last saw, instead of a bare abort.
 * @public
 */
export class DeadlineExceededError extends Error {
  override readonly name = "DeadlineExceededError";

  constructor(timeoutMs: number, why = `the operation's ${String(timeoutMs)} ms deadline passed`) {
    super(why);
    setBrand(this, DEADLINE_BRAND);
  }
}

/** True for a {@link DeadlineExceededError}, even from another copy of this package. @public */
export function isDeadlineExceeded(value: unknown): value is DeadlineExceededError {
  return hasBrand(value, DEADLINE_BRAND);
}

const WAIT_TIMEOUT_BRAND = Symbol.for("pulumi-zenlayer.WaitTimeoutError");

/** What a {@link WaitTimeoutError} reports, so that its message and fields always agree. @public */
export interface WaitTimeoutErrorInit {
  readonly lastObserved: string | undefined;
  readonly elapsedMs: number;
  readonly timeoutMs: number;
}

/**
 * A wait that ran out of time. It names the last state seen, because "still DETACHING after 10
 * minutes" and "the NIC vanished" need different responses from the person at the terminal.
 * @public
 */
export class WaitTimeoutError extends Error {
  override readonly name = "WaitTimeoutError";
  /** The last `observed` string from a pending decision, if any. */
  readonly lastObserved: string | undefined;
  readonly elapsedMs: number;
  readonly timeoutMs: number;

  constructor(init: WaitTimeoutErrorInit) {
    const last =
      init.lastObserved === undefined ? "no state was observed" : `last observed state: ${init.lastObserved}`;
    super(`gave up waiting after ${seconds(init.elapsedMs)} (timeout ${seconds(init.timeoutMs)}); ${last}`);
    this.lastObserved = init.lastObserved;
    this.elapsedMs = init.elapsedMs;
    this.timeoutMs = init.timeoutMs;
    setBrand(this, WAIT_TIMEOUT_BRAND);
  }
}

/** True for any {@link WaitTimeoutError}, even from another copy of this package. @public */
export function isWaitTimeoutError(value: unknown): value is WaitTimeoutError {
  return hasBrand(value, WAIT_TIMEOUT_BRAND);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

const CONFIG_ERROR_BRAND = Symbol.for("pulumi-zenlayer.ZenlayerConfigError");

/**
 * A missing or malformed setting. The message names where the bad value came from and how to fix
 * it, because the person reading it is running `pulumi up`, not reading this code.
 * @public
 */
export class ZenlayerConfigError extends Error {
  override readonly name = "ZenlayerConfigError";

  constructor(message: string) {
    super(message);
    setBrand(this, CONFIG_ERROR_BRAND);
  }
}

/** True for any {@link ZenlayerConfigError}, even from another copy of this package. @public */
export function isZenlayerConfigError(value: unknown): value is ZenlayerConfigError {
  return hasBrand(value, CONFIG_ERROR_BRAND);
}
