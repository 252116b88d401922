import {
  Deadline,
  isDeadlineExceeded,
  isWaitTimeoutError,
  isZenlayerApiError,
  waitUntil,
} from "../../sdk/index";
import type { CallOptions, InstanceInfo, NicInfo, WaitDecision, ZenlayerApiError } from "../../sdk/index";
import { retryVerdict } from "../../sdk/retry/retryPolicy";
import { displayText } from "../../sdk/util/displayValue";
import type { ResourceContext } from "./context";
import { formatElapsed, parseDuration } from "./inputValues";
import { nextLookInMs } from "./pacing";
import { progressPrinter } from "./progress";
import { CHANGE_GRACE_WINDOWS, ReadTrust } from "./readLag";
import type { NicView } from "./readLag";

/** What one read saw, and when it was asked for (the read itself starts at that time or later). */
export interface Observation<T> {
  readonly value: T | undefined;
  readonly at: number;
}

/**
 * One handler call against the cloud (an attach, a detach, a refresh read) and everything that
 * bounds it: a single deadline from the resource's timeout, honoured by every wait and request;
 * how far its reads can be trusted; when it looks next; the last status seen and the last failure
 * met, for the message if it runs out of time.
 * @internal
 */
export class Operation {
  readonly deadline: Deadline;
  readonly reads: ReadTrust;
  /** What is being done, for messages: `detaching NIC 1 from instance 2`. */
  readonly description: string;
  /** The timeout as the user wrote it (`"10m"`), for messages. */
  readonly timeoutText: string;
  readonly ctx: ResourceContext;
  #lastStatus: string | undefined;
  #trouble: ZenlayerApiError | undefined;
  #unreachableSince: number | undefined;
  #troubleInARow = 0;
  /** When the last write whose answer arrived was sent: transitions are learned only from those. */
  #answeredWriteAt: number | undefined;
  /** The first look after the last write: when a transition usually has finished. */
  #firstLookAt: number | undefined;
  /** When the last look since that write that saw it still in flight began. */
  #lastPendingLookAt: number | undefined;
  /** When the latest look began: once `converge` returns, the look that saw the wait end. */
  #lastLookAt: number | undefined;
  /**
   * Whether a look since the last write found reads lagging it: how long the wait then took says
   * how far reads lag, not how long a transition takes, so nothing is learned from it.
   */
  #readsLagged = false;

  constructor(ctx: ResourceContext, description: string, timeoutText: string, timeoutMs: number) {
    this.ctx = ctx;
    this.description = description;
    this.timeoutText = timeoutText;
    this.deadline = new Deadline(timeoutMs, ctx.now, ctx.cancel);
    this.reads = new ReadTrust(ctx.knowledge.readLag, ctx.readConsistencyMs);
  }

  /**
   * Options for one write of this operation: bounded by its deadline, and sent once; a failure
   * comes back to the operation's loop, which looks at the cloud again before deciding to resend.
   * `beforeSend` runs after the write's rate-limit token was granted, right before it goes out.
   */
  callOptions(beforeSend?: () => Promise<void>): CallOptions {
    return { deadline: this.deadline, maxAttempts: 1, ...(beforeSend === undefined ? {} : { beforeSend }) };
  }

  /** Reads one NIC (batched with parallel operations), no longer than the deadline allows. */
  async readNic(nicId: string): Promise<Observation<NicInfo>> {
    const at = this.ctx.now();
    return { value: await this.ctx.client.findNetworkInterface(nicId, this.deadline.signal), at };
  }

  /** Reads one instance, like {@link Operation.readNic}. */
  async readInstance(instanceId: string): Promise<Observation<InstanceInfo>> {
    const at = this.ctx.now();
    return { value: await this.ctx.client.findInstance(instanceId, this.deadline.signal), at };
  }

  /**
   * Records that this operation sent a write at `at` that may have taken effect (`answered`: its
   * answer arrived; otherwise its outcome is unknown): reads may lag it, and the next look is due
   * when such a transition usually has finished.
   */
  wrote(at: number, answered: boolean): void {
    this.reads.wrote(at);
    this.#answeredWriteAt = answered ? at : undefined;
    this.#lastPendingLookAt = undefined;
    this.#readsLagged = false;
    const transitions = this.ctx.knowledge.transitions;
    this.#firstLookAt = at + transitions.firstLookAfterMs(this.ctx.polling.intervalMs);
  }

  /**
   * Awaits a change this operation made or learned of at `since` (see `ReadTrust.expect`): reads
   * showing the state before it (`showsBefore`) are taken as lagging for `graceWindows` windows.
   */
  expect(
    what: string,
    showsBefore: (nic: NicView) => boolean,
    since: number,
    confirmed: boolean,
    graceWindows: number = CHANGE_GRACE_WINDOWS,
  ): void {
    this.reads.expect({ what, showsBefore, since, confirmed, graceMs: graceWindows * this.reads.windowMs() });
  }

  /**
   * "Not yet", because the read (which showed `nic`) may lag the change the operation awaits; the
   * message at a timeout says so (see `ReadTrust.lagExplanation`).
   */
  lagging<T>(nic: NicView): WaitDecision<T> {
    this.#readsLagged = true;
    return { kind: "pending", observed: displayText(nic?.status ?? "gone") };
  }

  /**
   * Repeats `step` (look at the cloud, maybe act) until it decides, within the deadline, each look
   * timed by `nextLookInMs`. Failures the retry policy calls passing count as "not yet" and are
   * retried at a later look after a backoff, so the resource's timeout, not a retry budget, bounds
   * how long a deployment keeps trying.
   */
  async converge<T>(step: () => Promise<WaitDecision<T>>): Promise<T> {
    const onProgress = progressPrinter((observed) => `${this.description}: ${observed}`, this.ctx.log);
    try {
      const value = await waitUntil(() => this.#look(step), {
        minDelayMs: 0,
        maxDelayMs: 0,
        deadline: this.deadline,
        onProgress,
        now: this.ctx.now,
        sleep: this.ctx.sleep,
        pause: (pending) => this.#nextLookIn(pending.notBeforeMs ?? 0),
      });
      this.#learnTransition();
      return value;
    } catch (error) {
      throw this.#explain(error);
    }
  }

  /**
   * "Not yet" for `verdict`, waiting for a read that can confirm it, with no look before then
   * (earlier reads are wasted requests). When the confirmation cannot come before the deadline,
   * it fails now, saying so, instead of waiting for a timeout.
   */
  awaitConfirmation<T>(verdict: string): WaitDecision<T> {
    const waitMs = this.reads.msUntilConclusive(this.ctx.now());
    if (waitMs > 0 && waitMs >= this.deadline.remainingMs()) {
      const why =
        `${verdict}, as far as Zenlayer shows; its reads may lag a write by up to ${this.reads.windowMs()}ms, ` +
        `and confirming that does not fit in what is left of the ${this.timeoutText} timeout: raise the timeout`;
      return { kind: "failed", error: new Error(`${this.description}: ${why}`) };
    }
    return { kind: "pending", observed: `confirming: ${verdict}`, notBeforeMs: waitMs };
  }

  /** Ends the operation's timer; call once the handler is done, whatever the outcome. */
  finish(): void {
    this.deadline.dispose();
  }

  async #look<T>(step: () => Promise<WaitDecision<T>>): Promise<WaitDecision<T>> {
    const startedAt = this.ctx.now();
    this.#lastLookAt = startedAt;
    try {
      const decision = await step();
      this.#unreachableSince = undefined;
      this.#troubleInARow = 0;
      if (decision.kind !== "pending") return decision;
      if (this.#answeredWriteAt !== undefined && startedAt >= this.#answeredWriteAt) {
        this.#lastPendingLookAt = startedAt;
      }
      this.#lastStatus = decision.observed;
      return decision;
    } catch (error) {
      return this.#absorb(error, startedAt);
    }
  }

  #nextLookIn(atLeastMs: number): number {
    return nextLookInMs({
      now: this.ctx.now(),
      intervalMs: this.ctx.polling.intervalMs,
      firstLookAt: this.#firstLookAt,
      atLeastMs,
    });
  }

  #learnTransition(): void {
    if (this.#answeredWriteAt === undefined || this.#lastLookAt === undefined || this.#readsLagged) return;
    this.ctx.knowledge.transitions.learn(
      this.#answeredWriteAt,
      this.#lastPendingLookAt,
      this.#lastLookAt,
      this.ctx.polling.intervalMs,
    );
  }

  /**
   * Turns a failure the retry policy calls passing into "not yet", held off by the policy's
   * backoff (full jitter on the injected randomness, never below `Retry-After`); anything else
   * ends the operation.
   */
  #absorb<T>(error: unknown, lookStartedAt: number): WaitDecision<T> {
    if (isDeadlineExceeded(error) || (isZenlayerApiError(error) && error.code === "DEADLINE_EXCEEDED")) {
      return { kind: "pending", observed: this.#lastStatus ?? "waiting" };
    }
    const now = this.ctx.now();
    // From the start of the look that failed: the client may have retried within it already.
    const unreachableSince =
      isZenlayerApiError(error) && error.category === "unreachable"
        ? (this.#unreachableSince ?? lookStartedAt)
        : undefined;
    const state = { retryIndex: this.#troubleInARow++, unreachableSince, now };
    const verdict = retryVerdict(error, state, this.ctx.client.retrySettings, this.ctx.random);
    if (!verdict.retry || !isZenlayerApiError(error)) throw error;
    this.#unreachableSince = unreachableSince;
    this.#trouble = error;
    const observed = `${error.code} (request id ${error.requestId ?? "none"})`;
    return { kind: "pending", observed, notBeforeMs: verdict.delayMs };
  }

  /** Names the operation, its timeout and what was last seen; keeps the API error as `cause`. */
  #explain(error: unknown): unknown {
    if (!isWaitTimeoutError(error)) return error;
    const lag = this.reads.lagExplanation(this.ctx.now());
    const status = `last status ${this.#lastStatus ?? "unknown"}`;
    const trouble = this.#trouble;
    const failing = trouble === undefined ? "" : `; ${lastFailure(trouble)}`;
    const said = lag === undefined ? `(${status})${failing}` : `(${status}; ${lag})${failing}`;
    const ended = this.deadline.cancelled
      ? "was cancelled before it finished"
      : `did not finish within its ${this.timeoutText} timeout`;
    return new Error(`${this.description} ${ended} ${said}`, { cause: trouble ?? error });
  }
}

/**
 * What a front end may impose on one operation beyond the resource's own inputs: a timeout from
 * the engine (Pulumi's `customTimeouts`), which wins over the resource's `timeouts` input.
 * @internal
 */
export interface OperationLimits {
  readonly timeoutMs?: number | undefined;
}

/**
 * Starts an operation bounded by the engine's timeout when there is one, else by the resource's
 * timeout for it (a Go-style duration). `check` already rejected malformed values, so a bad one
 * here can only come from old state: it falls back to the default rather than failing a destroy.
 * @internal
 */
export function startOperation(
  ctx: ResourceContext,
  description: string,
  timeout: string | undefined,
  defaultTimeout: string,
  limits: OperationLimits = {},
): Operation {
  if (limits.timeoutMs !== undefined && limits.timeoutMs > 0) {
    return new Operation(ctx, description, formatElapsed(limits.timeoutMs), limits.timeoutMs);
  }
  const ms = typeof timeout === "string" ? parseDuration(timeout) : undefined;
  const text = ms === undefined || timeout === undefined ? defaultTimeout : timeout;
  return new Operation(ctx, description, text, ms ?? parseDuration(defaultTimeout) ?? 600_000);
}

/** Runs `work` within `op` and releases the operation's timer whatever the outcome. @internal */
export async function runOperation<T>(op: Operation, work: (op: Operation) => Promise<T>): Promise<T> {
  try {
    return await work(op);
  } finally {
    op.finish();
  }
}

/** The last failed request, in words; one that got no HTTP reply at all also names where it went. */
function lastFailure(trouble: ZenlayerApiError): string {
  const unanswered =
    trouble.httpStatus === undefined && trouble.endpoint !== undefined && !trouble.blamesEndpoint;
  const where = unanswered ? ` (no reply from ${trouble.endpoint.url}; ${trouble.endpoint.source})` : "";
  return `the last failed request: ${trouble.message}${where}`;
}
