import {
  Deadline,
  retryDelayMs,
  isDeadlineExceeded,
  isWaitTimeoutError,
  isZenlayerApiError,
  UNREACHABLE_RETRY_WINDOW_MS,
  waitUntil,
} from "../../sdk/index";
import type { CallOptions, WaitDecision, ZenlayerApiError } from "../../sdk/index";
import type { HandlerContext } from "./handlerContext";
import { progressPrinter } from "./progress";

/**
 * One handler call against the cloud (an attach, a detach, a refresh read) and everything that
 * bounds it: a single deadline from the resource's timeout, honoured by every wait and request;
 * the last status seen, and the passing trouble met on the way, for the message if it runs out.
 * @internal
 */
export class Operation {
  readonly deadline: Deadline;
  /** What is being done, for messages: `detaching NIC 1 from instance 2`. */
  readonly description: string;
  /** The timeout as the user wrote it (`"10m"`), for messages. */
  readonly timeoutText: string;
  readonly ctx: HandlerContext;
  #lastStatus: string | undefined;
  #trouble: ZenlayerApiError | undefined;
  #unreachableSince: number | undefined;
  #troubleInARow = 0;

  constructor(ctx: HandlerContext, description: string, timeoutText: string, timeoutMs: number) {
    this.ctx = ctx;
    this.description = description;
    this.timeoutText = timeoutText;
    this.deadline = new Deadline(timeoutMs, ctx.now);
  }

  /**
   * Options for one API call of this operation: bounded by its deadline, and sent once; a failure
   * comes back to the operation's loop, which looks at the cloud again before deciding to resend.
   */
  callOptions(): CallOptions {
    return { deadline: this.deadline, maxAttempts: 1 };
  }

  /**
   * Repeats `step` (look at the cloud, maybe act) until it decides, within the deadline. Throttling,
   * transient failures and a briefly unreachable endpoint count as "not yet", so the resource's
   * timeout, not a retry budget, bounds how long a deployment keeps trying.
   */
  async converge<T>(step: () => Promise<WaitDecision<T>>): Promise<T> {
    const onProgress = progressPrinter((observed) => `${this.description}: ${observed}`, this.ctx.log);
    try {
      return await waitUntil(() => this.#look(step), {
        ...this.ctx.polling,
        deadline: this.deadline,
        onProgress,
        now: this.ctx.now,
      });
    } catch (error) {
      throw this.#explain(error);
    }
  }

  /**
   * Waits for a rate-limit token for this operation's next call (then sent with `tokenTaken`), so
   * that what the caller does right before sending is not followed by a wait. Resolves whether it
   * had to wait for it.
   */
  async takeRateLimitToken(): Promise<boolean> {
    const before = this.ctx.now();
    await this.ctx.client.rateLimiter.acquire(this.deadline.signal);
    return this.ctx.now() - before > 1;
  }

  /** Ends the operation's timer; call once the handler is done, whatever the outcome. */
  finish(): void {
    this.deadline.dispose();
  }

  async #look<T>(step: () => Promise<WaitDecision<T>>): Promise<WaitDecision<T>> {
    const startedAt = this.ctx.now();
    try {
      const decision = await step();
      this.#unreachableSince = undefined;
      this.#troubleInARow = 0;
      if (decision.kind === "pending") this.#lastStatus = decision.observed;
      return decision;
    } catch (error) {
      return this.#absorb(error, startedAt);
    }
  }

  /** Turns passing trouble into "not yet"; anything else ends the operation. */
  #absorb(error: unknown, lookStartedAt: number): WaitDecision<never> {
    if (isDeadlineExceeded(error)) return { kind: "pending", observed: this.#lastStatus ?? "waiting" };
    if (!isZenlayerApiError(error) || !isPassingTrouble(error)) throw error;
    let backoff = retryDelayMs(
      this.#troubleInARow++,
      error.retryAfterMs,
      this.ctx.client.retrySettings,
      Math.random,
    );
    if (error.category === "unreachable") {
      // From the start of the look that failed: the client may have retried within it already.
      this.#unreachableSince ??= lookStartedAt;
      const windowLeft = this.#unreachableSince + UNREACHABLE_RETRY_WINDOW_MS - this.ctx.now();
      if (windowLeft <= 0) throw error;
      backoff = Math.min(backoff, windowLeft); // one more look when the window ends, not later
    }
    this.#trouble = error;
    // Backed off like the client would: jittered, growing with trouble in a row, never before Retry-After.
    return {
      kind: "pending",
      observed: `${error.code} (request id ${error.requestId ?? "none"})`,
      notBeforeMs: backoff,
    };
  }

  /** Names the operation, its timeout and what was last seen; keeps the API error as `cause`. */
  #explain(error: unknown): unknown {
    if (!isWaitTimeoutError(error)) return error;
    const status = `last status ${this.#lastStatus ?? "unknown"}`;
    const trouble = this.#trouble;
    const failing = trouble === undefined ? "" : `; ${lastRequest(trouble)}`;
    const message = `${this.description} did not finish within its ${this.timeoutText} timeout (${status})${failing}`;
    return new Error(message, { cause: trouble ?? error });
  }
}

/**
 * Failures that pass by themselves (throttling, transient trouble, an endpoint that is briefly
 * unreachable) or that only mean time is up: the operation's loop absorbs them and looks again.
 * Everything else needs someone to act.
 * @internal
 */
export function isPassingTrouble(error: ZenlayerApiError): boolean {
  return (
    error.category === "throttling" ||
    error.category === "transient" ||
    error.category === "unreachable" ||
    error.code === "DEADLINE_EXCEEDED"
  );
}

/** The last failed request, in words; one that got no HTTP reply at all also names where it went. */
function lastRequest(trouble: ZenlayerApiError): string {
  const unanswered =
    trouble.httpStatus === undefined && trouble.endpoint !== undefined && !trouble.blamesEndpoint;
  const where = unanswered ? ` (no reply from ${trouble.endpoint.url}; ${trouble.endpoint.source})` : "";
  return `the last failed request: ${trouble.message}${where}`;
}
