import type { ClientConfig } from "../config/clientConfig";
import { deadlineError, isZenlayerApiError, stoppedError } from "../errors";
import type { EndpointInfo } from "../errors";
import { sharedRateLimiter } from "../rateLimit/tokenBucket";
import type { RateLimiter } from "../rateLimit/tokenBucket";
import { retrySafetyOf } from "../retry/classification";
import { DEFAULT_RETRY_SETTINGS, runWithRetry } from "../retry/retryPolicy";
import type { RetrySettings } from "../retry/retryPolicy";
import { sha256Hex } from "../signing/signer";
import { axiosTransport } from "../transport/transport";
import type { Transport } from "../transport/transport";
import type { Deadline, RuntimeDeps } from "../util/time";
import { withDefaultDeps } from "../util/time";
import type { ApiResponse } from "./attempt";
import { sendAttempt } from "./attempt";
import { buildRequestHeaders } from "./requestHeaders";
import { assertSendable } from "./requestValidation";

/**
 * The account and endpoint a configuration talks to, as a key: what Zenlayer limits and tracks per
 * account (the request rate, how far reads lag) is shared by every client of one account, and by
 * no other. The access key id is not a secret; a token appears only as a hash.
 * @internal
 */
export function accountKeyOf(config: ClientConfig): string {
  const { credentials } = config;
  const who =
    credentials.kind === "accessKey"
      ? `key ${credentials.accessKeyId}`
      : `token ${sha256Hex(credentials.token).slice(0, 16)}`;
  return `${config.scheme.toLowerCase()}://${config.domain} ${who}`;
}

/** Per-call options. @public */
export interface CallOptions {
  /** Cancels the call, including any backoff wait; it then fails with `REQUEST_ABORTED`. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The operation's deadline: no attempt starts after it, token and backoff waits end at it, and
   * a read is cut off at it. A write already sent is allowed its full request timeout, so its
   * outcome is known. Fails with `DEADLINE_EXCEEDED` when nothing could be sent in time.
   */
  readonly deadline?: Deadline | undefined;
  /** Overrides the configured retry deadline for this call (ignored when `deadline` is given). */
  readonly deadlineMs?: number | undefined;
  /** Overrides the configured attempt count; 1 hands every failure straight to the caller. */
  readonly maxAttempts?: number | undefined;
  /**
   * Runs right before each attempt is signed and sent, after its rate-limit token was granted,
   * so that nothing waits between what it checks and the send: a caller that must see the world
   * once more before a write (is the NIC still where the write assumes?) checks here, and throws
   * to cancel the call. What it throws is thrown by the call as is.
   */
  readonly beforeSend?: (() => Promise<void>) | undefined;
}

/** Replaceable collaborators; tests pin time and randomness through these. @public */
export interface ClientDeps extends Partial<RuntimeDeps> {
  /** Defaults to the process-wide limiter for the configured rate. */
  readonly rateLimiter?: RateLimiter | undefined;
  /** How requests travel; defaults to `axiosTransport`. */
  readonly transport?: Transport | undefined;
}

/** What one call fixes before its first attempt. */
interface CallPlan {
  readonly action: string;
  readonly url: string;
  readonly payload: string;
  readonly deadlineAt: number;
  /** The operation's deadline, when given: cancelled, it ends the call before the time too. */
  readonly deadline: Deadline | undefined;
  readonly readOnly: boolean;
  /** Aborts waits: the caller's signal and, when given, the deadline's. */
  readonly waitSignal: AbortSignal | undefined;
  readonly signal: AbortSignal | undefined;
}

/**
 * A client for any Zenlayer Cloud API 2.0 service: rate limiting, signing, retries and envelope
 * parsing in one place, so a service client only adds typed methods. Holds no connection state of
 * its own; constructing one is cheap.
 * @public
 */
export class ZenlayerApiClient {
  protected readonly config: ClientConfig;
  private readonly deps: RuntimeDeps;
  /** The limiter every attempt waits on. */
  readonly rateLimiter: RateLimiter;
  /** Which account and endpoint this client talks to, as a key without secrets: the unit of Zenlayer's limits. */
  readonly account: string;
  /** The retry budget in force; callers that resend on their own space their attempts by it. */
  readonly retrySettings: RetrySettings;
  private readonly endpointSource: string;
  private readonly transport: Transport;

  constructor(config: ClientConfig, deps?: ClientDeps) {
    this.config = config;
    this.deps = withDefaultDeps(deps);
    this.account = accountKeyOf(config);
    this.rateLimiter = deps?.rateLimiter ?? sharedRateLimiter(config.maxRequestsPerSecond, this.account);
    this.transport = deps?.transport ?? axiosTransport;
    this.retrySettings = { ...DEFAULT_RETRY_SETTINGS, ...config.retry };
    this.endpointSource = config.endpointSource ?? "the client's configuration";
  }

  /**
   * Calls one action and returns its inner `response` object. Every attempt waits for a rate-limit
   * token and is signed afresh; failures are retried as the retry policy says, within the attempt
   * count and the deadline. Throws a {@link ZenlayerApiError} on failure.
   */
  async callApi<T extends ApiResponse>(
    service: string,
    version: string,
    action: string,
    body: object,
    options?: CallOptions,
  ): Promise<T> {
    assertSendable(action, body);
    const plan = this.plan(service, action, body, options);
    const settings =
      options?.maxAttempts === undefined
        ? this.retrySettings
        : { ...this.retrySettings, maxAttempts: options.maxAttempts };
    return runWithRetry(() => this.attempt<T>(plan, service, version, options?.beforeSend), {
      action,
      settings,
      deadlineAt: plan.deadlineAt,
      deps: this.deps,
      signal: plan.waitSignal,
    });
  }

  /** Where calls to `service` go and where that was configured, for errors that name the endpoint. */
  endpointOf(service: string): EndpointInfo {
    const url = `${this.config.scheme.toLowerCase()}://${this.config.domain}/api/v2/${service}`;
    return { url, source: this.endpointSource };
  }

  private plan(service: string, action: string, body: object, options: CallOptions | undefined): CallPlan {
    const deadline = options?.deadline;
    const signals = [options?.signal, deadline?.signal].filter((s): s is AbortSignal => s !== undefined);
    return {
      action,
      url: this.endpointOf(service).url,
      payload: JSON.stringify(body),
      deadlineAt: deadline?.at ?? this.deps.now() + (options?.deadlineMs ?? this.retrySettings.deadlineMs),
      deadline,
      readOnly: retrySafetyOf(action) === "read-only",
      waitSignal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
      signal: options?.signal,
    };
  }

  private async attempt<T extends ApiResponse>(
    plan: CallPlan,
    service: string,
    version: string,
    beforeSend: (() => Promise<void>) | undefined,
  ): Promise<T> {
    await this.rateLimiter.acquire(plan.waitSignal).catch((reason: unknown) => {
      throw stoppedError(plan.action, reason);
    });
    await beforeSend?.();
    const nowMs = this.deps.now();
    if (nowMs >= plan.deadlineAt || plan.deadline?.expired() === true) throw deadlineError(plan.action);
    const { credentials, domain } = this.config;
    const headers = buildRequestHeaders({
      credentials,
      service,
      version,
      action: plan.action,
      host: domain,
      body: plan.payload,
      nowMs,
    });
    // Reads end with the operation; a write keeps its full timeout so that its outcome is known.
    const remaining = plan.readOnly ? plan.deadlineAt - nowMs : Number.POSITIVE_INFINITY;
    const timeoutMs = Math.max(1, Math.min(this.config.requestTimeoutMs, remaining));
    const endpoint = { url: plan.url, source: this.endpointSource };
    const signal = plan.readOnly ? plan.waitSignal : plan.signal;
    const request = {
      url: plan.url,
      headers,
      body: plan.payload,
      timeoutMs,
      action: plan.action,
      endpoint,
      signal,
    };
    try {
      const result = await sendAttempt<T>(this.transport, request, this.deps.now);
      this.rateLimiter.record?.("accepted");
      return result;
    } catch (error) {
      if (isZenlayerApiError(error) && error.httpStatus !== undefined) {
        this.rateLimiter.record?.(error.category === "throttling" ? "throttled" : "accepted");
      }
      throw error;
    }
  }
}
