import { hasBrand, setBrand } from "../util/brand";
import type { ErrorCategory } from "./errorCategory";
import type { SanitizedCause } from "./sanitizeCause";

const API_ERROR_BRAND = Symbol.for("pulumi-zenlayer.ZenlayerApiError");

/** Everything a {@link ZenlayerApiError} is built from. @public */
export interface ZenlayerApiErrorInit {
  readonly code: string;
  /** The server's (or this client's) human-readable explanation, without decoration. */
  readonly detail: string;
  readonly action: string;
  readonly category: ErrorCategory;
  readonly retryable: boolean;
  readonly requestId?: string | undefined;
  readonly httpStatus?: number | undefined;
  readonly retryAfterMs?: number | undefined;
  readonly cause?: SanitizedCause | undefined;
  /** Where the request went, and which settings chose it. */
  readonly endpoint?: EndpointInfo | undefined;
  /** Whether the endpoint itself is at fault (unreachable, or not the API); the message then names it. */
  readonly blamesEndpoint?: boolean | undefined;
}

/** The endpoint a call went to and where its domain and scheme were configured. @public */
export interface EndpointInfo {
  /** E.g. `https://console.zenlayer.com/api/v2/zec`. */
  readonly url: string;
  /** E.g. `domain from ZENLAYERCLOUD_DOMAIN in the environment, scheme HTTPS by default`. */
  readonly source: string;
}

/**
 * The one error type every failed Zenlayer call produces, from a server error envelope to a reset
 * socket. Carrying the wire fields (code, request ID) lets callers branch on codes and lets support
 * trace a call; carrying the category and retry verdict means callers never re-derive policy.
 * It holds no request headers, so it is safe to log or serialize.
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
  /**
   * Whether this client considers it safe to send this action again after this failure. It
   * combines the category with the action's own safety, so a create after an ambiguous 503 is
   * `false` even though 503 is transient.
   */
  readonly retryable: boolean;
  /** The server's `Retry-After` hint in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;
  override readonly cause: SanitizedCause | undefined;
  readonly endpoint: EndpointInfo | undefined;
  /** True when the endpoint itself is at fault: unreachable, or something other than the API answered. */
  readonly blamesEndpoint: boolean;

  constructor(init: ZenlayerApiErrorInit) {
    super(describe(init));
    this.code = init.code;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.action = init.action;
    this.category = init.category;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.cause = init.cause;
    this.endpoint = init.endpoint;
    this.blamesEndpoint = init.blamesEndpoint ?? false;
    setBrand(this, API_ERROR_BRAND);
  }
}

/**
 * True for any {@link ZenlayerApiError}, including one thrown by another copy of this package.
 * @public
 */
export function isZenlayerApiError(value: unknown): value is ZenlayerApiError {
  return hasBrand(value, API_ERROR_BRAND);
}

function describe(init: ZenlayerApiErrorInit): string {
  const status = init.httpStatus === undefined ? "no HTTP reply" : `HTTP ${String(init.httpStatus)}`;
  const requestId = init.requestId ?? "none";
  const where =
    init.endpoint === undefined || init.blamesEndpoint !== true
      ? ""
      : `. The endpoint ${init.endpoint.url} comes from: ${init.endpoint.source}; check those settings`;
  return `${init.action} failed with ${init.code} (${status}, requestId ${requestId}): ${init.detail}${where}`;
}
