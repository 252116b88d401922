import type { ClientConfig } from "../config/clientConfig";
import { abortedError } from "../errors/buildApiError";
import { sharedRateLimiter } from "../rateLimit/sharedRateLimiter";
import type { RateLimiter } from "../rateLimit/tokenBucket";
import type { RetrySettings } from "../retry/retrySettings";
import { resolveRetrySettings } from "../retry/retrySettings";
import { runWithRetry } from "../retry/runWithRetry";
import type { ApiResponse } from "../transport/parseReply";
import { parseReply } from "../transport/parseReply";
import { buildRequestHeaders } from "../transport/requestHeaders";
import { sendRequest } from "../transport/sendRequest";
import type { RuntimeDeps } from "../util/runtimeDeps";
import { withDefaultDeps } from "../util/runtimeDeps";

/** Per-call options. @public */
export interface CallOptions {
  /** Cancels the call, including any backoff wait; it then fails with `REQUEST_ABORTED`. */
  readonly signal?: AbortSignal | undefined;
  /** Overrides the configured retry deadline for this call. */
  readonly deadlineMs?: number | undefined;
}

/** Replaceable collaborators; tests pin time and randomness through these. @public */
export interface ClientDeps extends Partial<RuntimeDeps> {
  /** Defaults to the process-wide limiter for the configured rate. */
  readonly rateLimiter?: RateLimiter | undefined;
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
  private readonly rateLimiter: RateLimiter;
  private readonly retrySettings: RetrySettings;

  constructor(config: ClientConfig, deps?: ClientDeps) {
    this.config = config;
    this.deps = withDefaultDeps(deps);
    this.rateLimiter = deps?.rateLimiter ?? sharedRateLimiter(config.maxRequestsPerSecond);
    this.retrySettings = resolveRetrySettings(config.retry);
  }

  /**
   * Calls one action and returns its inner `response` object. Every attempt waits for a rate-limit
   * token and is signed afresh; failures are retried as {@link ZenlayerApiError.retryable} says,
   * within the attempt count and the deadline. Throws a {@link ZenlayerApiError} on failure.
   */
  async callApi<T extends ApiResponse>(
    service: string,
    version: string,
    action: string,
    body: object,
    options?: CallOptions,
  ): Promise<T> {
    const payload = JSON.stringify(body);
    const deadlineAt = this.deps.now() + (options?.deadlineMs ?? this.retrySettings.deadlineMs);
    const signal = options?.signal;
    const url = `${this.config.scheme.toLowerCase()}://${this.config.domain}/api/v2/${service}`;
    return runWithRetry(
      async () => {
        await this.rateLimiter.acquire(signal).catch((reason: unknown) => {
          throw abortedError(action, reason);
        });
        const nowMs = this.deps.now();
        const { credentials, domain } = this.config;
        const headers = buildRequestHeaders({
          credentials,
          service,
          version,
          action,
          host: domain,
          body: payload,
          nowMs,
        });
        const timeoutMs = Math.max(1, Math.min(this.config.requestTimeoutMs, deadlineAt - nowMs));
        const reply = await sendRequest({ url, headers, body: payload, timeoutMs, action, signal });
        return parseReply<T>(reply, action, this.deps.now());
      },
      { action, settings: this.retrySettings, deadlineAt, deps: this.deps, signal },
    );
  }
}
