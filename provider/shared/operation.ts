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

  /** Ends the operation's timer; call once the handler is done, whatever the outcome. */
  finish(): void {
    this.deadline.dispose();
  }

  async #look<T>(step: () => Promise<WaitDecision<T>>): Promise<WaitDecision<T>> {
    try {
      const decision = await step();
      this.#trouble = undefined;
      this.#unreachableSince = undefined;
      this.#troubleInARow = 0;
      if (decision.kind === "pending") this.#lastStatus = decision.observed;
      return decision;
    } catch (error) {
      return this.#absorb(error);
    }
  }

  /** Turns passing trouble into "not yet"; anything else ends the operation. */
  #absorb(error: unknown): WaitDecision<never> {
    if (isDeadlineExceeded(error)) return { kind: "pending", observed: this.#lastStatus ?? "waiting" };
    if (!isZenlayerApiError(error) || !isPassingTrouble(error)) throw error;
    if (error.category === "unreachable") {
      const now = this.ctx.now();
      this.#unreachableSince ??= now;
      if (now - this.#unreachableSince >= UNREACHABLE_RETRY_WINDOW_MS) throw error;
    }
    this.#trouble = error;
    // Back off like the client would: jittered, growing with trouble in a row, never before Retry-After.
    const backoff = retryDelayMs(
      this.#troubleInARow++,
      error.retryAfterMs,
      this.ctx.client.retrySettings,
      Math.random,
    );
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
    const failing = trouble === undefined ? "" : `; the last request failed: ${trouble.message}`;
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
