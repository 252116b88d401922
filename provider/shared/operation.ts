import {
  Deadline,
  isDeadlineExceeded,
  isWaitTimeoutError,
  isZenlayerApiError,
  waitUntil,
} from "../../sdk/index";
import type { CallOptions, InstanceInfo, NicInfo, WaitDecision, ZenlayerApiError } from "../../sdk/index";
import { retryVerdict } from "../../sdk/retry/retryPolicy";
import type { HandlerContext } from "./context";
import { formatElapsed, parseDuration } from "./inputValues";

/** What one read saw, and when it was asked for (the read itself starts at that time or later). */
export interface Observation<T> {
  readonly value: T | undefined;
  readonly at: number;
}

/**
 * One handler call against the cloud (an attach, a detach, a refresh read) and everything that
 * bounds it: a single deadline from the resource's timeout, honoured by every wait and request;
 * how far its reads can be trusted; the last status seen and the last failure met, for the
 * message if it runs out of time.
 * @internal
 */
export class Operation {
  readonly deadline: Deadline;
  readonly consistency: ReadConsistency;
  /** What is being done, for messages: `detaching NIC 1 from instance 2`. */
  readonly description: string;
  /** The timeout as the user wrote it (`"10m"`), for messages. */
  readonly timeoutText: string;
  readonly ctx: HandlerContext;
  #lastStatus: string | undefined;
  #trouble: ZenlayerApiError | undefined;
  #unreachableSince: number | undefined;
  #troubleInARow = 0;
  /** When this operation's last write was sent, if it sent one. */
  #wroteAt: number | undefined;
  /** The first look after that write: when a transition usually has finished. */
  #firstLookAt: number | undefined;
  /** When the last look since that write that saw it still in flight began. */
  #lastPendingLookAt: number | undefined;
  /** When the latest look began: once `converge` returns, the look that saw the wait end. */
  #lastLookAt: number | undefined;

  constructor(ctx: HandlerContext, description: string, timeoutText: string, timeoutMs: number) {
    this.ctx = ctx;
    this.description = description;
    this.timeoutText = timeoutText;
    this.deadline = new Deadline(timeoutMs, ctx.now);
    this.consistency = new ReadConsistency(ctx.readConsistencyMs);
  }

  /**
   * Options for one write of this operation: bounded by its deadline, and sent once; a failure
   * comes back to the operation's loop, which looks at the cloud again before deciding to resend.
   */
  callOptions(): CallOptions {
    return { deadline: this.deadline, maxAttempts: 1 };
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
   * Waits for a rate-limit token for this operation's next call (then sent with `tokenTaken`), so
   * that what the caller does right before sending is not followed by a wait. Resolves whether it
   * had to wait for it.
   */
  async takeRateLimitToken(): Promise<boolean> {
    const before = this.ctx.now();
    await this.ctx.client.rateLimiter.acquire(this.deadline.signal);
    return this.ctx.now() - before > 1;
  }

  /**
   * Records that this operation sent a write that may have taken effect: reads may lag it (see
   * {@link ReadConsistency}), and the next look is due when such a transition usually has finished.
   */
  wrote(at: number): void {
    this.consistency.wrote(at);
    this.#wroteAt = at;
    this.#lastPendingLookAt = undefined;
    this.#firstLookAt = at + transitions.firstLookAfterMs(this.ctx.polling.intervalMs);
  }

  /**
   * Repeats `step` (look at the cloud, maybe act) until it decides, within the deadline. Looks are
   * paced by {@link Operation.#nextLookIn}. Failures the retry policy calls passing count as "not
   * yet" and are retried at the next look, so the resource's timeout, not a retry budget, bounds
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
      });
      if (this.#wroteAt !== undefined && this.#lastLookAt !== undefined) {
        transitions.learn(this.#wroteAt, this.#lastPendingLookAt, this.#lastLookAt);
      }
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
    const waitMs = this.consistency.msUntilConclusive(this.ctx.now());
    if (waitMs > 0 && waitMs >= this.deadline.remainingMs()) {
      const why =
        `${verdict}, as far as Zenlayer shows; its reads may lag a write by up to ${this.ctx.readConsistencyMs}ms, ` +
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
      if (this.#wroteAt !== undefined && startedAt >= this.#wroteAt) this.#lastPendingLookAt = startedAt;
      this.#lastStatus = decision.observed;
      return { ...decision, notBeforeMs: this.#nextLookIn(decision.notBeforeMs ?? 0) };
    } catch (error) {
      const { observed, notBeforeMs } = this.#absorb(error, startedAt);
      return { kind: "pending", observed, notBeforeMs: this.#nextLookIn(notBeforeMs) };
    }
  }

  /**
   * How long until the next look: the first look after a write comes when a transition usually has
   * finished, later ones every interval, never before `atLeastMs`. Every operation in the process
   * looks on one shared grid (half an interval, from the epoch), so operations in flight together
   * read together, one Describe call per look for all of them; nothing is jittered.
   */
  #nextLookIn(atLeastMs: number): number {
    const now = this.ctx.now();
    const interval = this.ctx.polling.intervalMs;
    const firstLook =
      this.#firstLookAt !== undefined && this.#firstLookAt > now ? this.#firstLookAt : undefined;
    const due = Math.max(firstLook ?? now + interval, now + atLeastMs);
    const grid = interval / 2;
    return Math.max(0, Math.ceil(due / grid) * grid - now);
  }

  /** Turns a failure the retry policy calls passing into "not yet"; anything else ends the operation. */
  #absorb(
    error: unknown,
    lookStartedAt: number,
  ): { readonly observed: string; readonly notBeforeMs: number } {
    if (isDeadlineExceeded(error) || (isZenlayerApiError(error) && error.code === "DEADLINE_EXCEEDED")) {
      return { observed: this.#lastStatus ?? "waiting", notBeforeMs: 0 };
    }
    const now = this.ctx.now();
    // From the start of the look that failed: the client may have retried within it already.
    const unreachableSince =
      isZenlayerApiError(error) && error.category === "unreachable"
        ? (this.#unreachableSince ?? lookStartedAt)
        : undefined;
    const state = { retryIndex: this.#troubleInARow++, unreachableSince, now };
    const verdict = retryVerdict(error, state, this.ctx.client.retrySettings, Math.random);
    if (!verdict.retry || !isZenlayerApiError(error)) throw error;
    this.#unreachableSince = unreachableSince;
    this.#trouble = error;
    // The next look is the retry; it waits no less than the server asked (the rate limiter paces the rest).
    const observed = `${error.code} (request id ${error.requestId ?? "none"})`;
    return { observed, notBeforeMs: error.retryAfterMs ?? 0 };
  }

  /** Names the operation, its timeout and what was last seen; keeps the API error as `cause`. */
  #explain(error: unknown): unknown {
    if (!isWaitTimeoutError(error)) return error;
    const status = `last status ${this.#lastStatus ?? "unknown"}`;
    const trouble = this.#trouble;
    const failing = trouble === undefined ? "" : `; ${lastFailure(trouble)}`;
    const message = `${this.description} did not finish within its ${this.timeoutText} timeout (${status})${failing}`;
    return new Error(message, { cause: trouble ?? error });
  }
}

/**
 * How long NIC transitions take, learned in this process (an average that favours recent ones), to
 * time the first look after a write: about when a transition has finished. Before any was seen,
 * two poll intervals (two seconds by default, about what Zenlayer's NIC transitions take). Looking
 * earlier only spends requests; looking later adds lag.
 * @internal
 */
export class TransitionEstimate {
  #recentMs: number | undefined;

  /** How long after a write to take the first look. */
  firstLookAfterMs(intervalMs: number): number {
    return Math.min(10 * intervalMs, Math.max(intervalMs / 2, this.#recentMs ?? 2 * intervalMs));
  }

  /**
   * Learns from one operation: its write's transition ended after the last look that saw it in
   * flight (or the write) and by the look that saw it done. The middle of that bracket is learned,
   * not the moment the change was noticed: that includes the lag, and learning it would make every
   * later operation look later still (measured: median lag 0.4 s growing to 2.8 s over 100
   * attachments).
   */
  learn(wroteAt: number, lastPendingLookAt: number | undefined, doneLookAt: number): void {
    const after = Math.max(lastPendingLookAt ?? wroteAt, wroteAt);
    const ms = (after + Math.max(doneLookAt, after)) / 2 - wroteAt;
    this.#recentMs = this.#recentMs === undefined ? ms : 0.7 * this.#recentMs + 0.3 * ms;
  }
}

/** One per process: every operation's first look is timed by what all of them saw. */
const transitions = new TransitionEstimate();

/**
 * Starts an operation bounded by a resource's timeout for it (a Go-style duration). `check`
 * already rejected malformed values, so a bad one here can only come from old state: it falls back
 * to the default rather than failing a destroy.
 * @internal
 */
export function startOperation(
  ctx: HandlerContext,
  description: string,
  timeout: string | undefined,
  defaultTimeout: string,
): Operation {
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

/**
 * Judges when a read can be trusted as final. Zenlayer's Describe may lag a write (a read right
 * after an attach can still show the NIC free), so a verdict that ends an operation without
 * acting ("nothing to detach", "the NIC is gone") must come from a read taken `windowMs` after
 * the operation's own last write, or, when it wrote nothing, be seen again by a read taken
 * `windowMs` after the first one. Reads lagging by more than the window are not protected.
 * @internal
 */
export class ReadConsistency {
  #wroteAt: number | undefined;
  #candidate: { readonly key: string; readonly since: number } | undefined;

  constructor(private readonly windowMs: number) {}

  /** Records that the operation sent a write that may have taken effect. */
  wrote(at: number): void {
    this.#wroteAt = at;
    this.#candidate = undefined;
  }

  /** Whether a write of the operation may still be hidden from a read taken at `at`. */
  mayHideOwnWrite(at: number): boolean {
    return this.#wroteAt !== undefined && at < this.#wroteAt + this.windowMs;
  }

  /** True once the verdict `key`, seen by a read taken at `at`, can be trusted. */
  confirms(key: string, at: number): boolean {
    if (this.#wroteAt !== undefined) return !this.mayHideOwnWrite(at);
    if (this.#candidate?.key !== key) this.#candidate = { key, since: at };
    return at - this.#candidate.since >= this.windowMs;
  }

  /** How long from `now` until a read could confirm what is pending. */
  msUntilConclusive(now: number): number {
    const from = this.#wroteAt ?? this.#candidate?.since ?? now;
    return Math.max(0, from + this.windowMs - now);
  }

  /** Forgets an unconfirmed verdict once a read contradicts it. */
  contradicted(): void {
    this.#candidate = undefined;
  }
}

/** How often, at most, a waiting handler prints a progress line. */
export const PROGRESS_INTERVAL_MS = 5000;

/**
 * A throttled progress callback: long waits (a detach can take minutes) print a concise line every
 * few seconds instead of one per poll, so the Pulumi output stays readable.
 * @internal
 */
export function progressPrinter(
  describe: (observed: string) => string,
  print: (line: string) => void = (line) => console.log(line),
  intervalMs: number = PROGRESS_INTERVAL_MS,
): (event: { readonly observed: string; readonly elapsedMs: number }) => void {
  let lastPrintedAt = Number.NEGATIVE_INFINITY;
  return (event) => {
    if (event.elapsedMs - lastPrintedAt < intervalMs) return;
    lastPrintedAt = event.elapsedMs;
    print(`${describe(event.observed)}, ${formatElapsed(event.elapsedMs)}`);
  };
}
