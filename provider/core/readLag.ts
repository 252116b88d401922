/**
 * How far Zenlayer's reads may lag its writes, and what one operation may conclude from a read.
 * Zenlayer documents no consistency bound: a Describe right after an attach can still show the NIC
 * free, for how long nobody says. So the provider assumes a window (one second by default), and
 * two rules keep a lag longer than that from turning into harm:
 * - after a write of its own, an operation neither ends on nor acts on a read that still shows the
 *   state from before that write, until a read shows the write's effect or a grace period (several
 *   windows) has passed; a deadline that comes first fails the operation, keeping the resource;
 * - a read that showed the state from before an accepted write, after the window, is evidence
 *   that this account's reads lag longer than assumed, and widens the window for every later
 *   operation on the account in this process.
 * @packageDocumentation
 */
import type { NicInfo } from "../../sdk/index";
import { formatElapsed } from "./inputValues";

/** However much lag is seen, no window grows past a minute: past that, waiting is not worth it. */
const MAX_WINDOW_MS = 60_000;
/** A window covers the longest lag seen with half as much again, so a lag a little longer than the last is covered too. */
const EVIDENCE_MARGIN = 1.5;

/**
 * What this process has seen of one account's read lag. Shared by every operation on the account
 * (see `knowledgeOf` in `context.ts`), because the lag is the API's, not a resource's.
 * @internal
 */
export class ReadLag {
  #observedMs = 0;

  /** A read taken at `readAt` still showed the state from before a write Zenlayer accepted at `writtenAt`. */
  observe(writtenAt: number, readAt: number): void {
    this.#observedMs = Math.max(this.#observedMs, readAt - writtenAt);
  }

  /** The longest lag seen so far, in ms (0 when none was). */
  get observedMs(): number {
    return this.#observedMs;
  }

  /** The window in force: the configured one, or wider when this account's reads were seen to lag longer. */
  windowMs(configuredMs: number): number {
    return Math.min(MAX_WINDOW_MS, Math.max(configuredMs, Math.ceil(EVIDENCE_MARGIN * this.#observedMs)));
  }
}

/** What a NIC read shows, as operations see it: `undefined` when Zenlayer does not list the NIC. */
export type NicView = NicInfo | undefined;

/**
 * A change an operation made (or may have made) that reads are still to show: its own write, or
 * what a write's refusal said is true (an attach refused because the NIC is attached). Until a read
 * shows something other than the state before it, reads that show that state are taken as lagging.
 * @internal
 */
export interface ExpectedChange {
  /** For messages: `the accepted DetachNetworkInterface`. */
  readonly what: string;
  /** True for a read that still shows the state from before the change. */
  readonly showsBefore: (nic: NicView) => boolean;
  /** When the change was made (a write: when it was sent). */
  readonly since: number;
  /**
   * Whether Zenlayer confirmed the change (a write's answer arrived): only then is a read that
   * shows the state before it evidence of lag, rather than of a write that never ran.
   */
  readonly confirmed: boolean;
  /** How long after `since` a read may show the state before the change before that read is believed. */
  readonly graceMs: number;
}

/** How far a read can be trusted, given the change an operation awaits. @internal */
export type ReadJudgement = "current" | "lagging";

/**
 * How far one operation can trust what it reads. A verdict that ends the operation without acting
 * ("nothing to detach", "gone") must come from a read taken a window after the operation's own
 * last write, or, when it wrote nothing, be seen again by a read taken a window after the first
 * one; and while a change it awaits is not visible yet, reads showing the state before it are
 * neither acted on nor concluded from (see the module comment).
 * @internal
 */
export class ReadTrust {
  #wroteAt: number | undefined;
  #candidate: { readonly key: string; readonly since: number } | undefined;
  #expected: ExpectedChange | undefined;
  #lastBeforeAt: number | undefined;

  constructor(
    private readonly lag: ReadLag,
    private readonly configuredWindowMs: number,
  ) {}

  /** The window in force for this operation's account now. */
  windowMs(): number {
    return this.lag.windowMs(this.configuredWindowMs);
  }

  /** Records that the operation sent a write that may have taken effect. */
  wrote(at: number): void {
    this.#wroteAt = at;
    this.#candidate = undefined;
  }

  /** Awaits `change`: reads showing the state before it are taken as lagging, within its grace. */
  expect(change: ExpectedChange): void {
    this.#expected = change;
    this.#lastBeforeAt = undefined;
  }

  /** The change still awaited, if any: for messages when time runs out. */
  get awaited(): ExpectedChange | undefined {
    return this.#expected;
  }

  /**
   * Judges a read taken at `at`. "lagging": it shows the state from before the awaited change and
   * the change's grace has not passed, so it must be neither acted on nor concluded from. A read
   * that shows the change (or anything after it) ends the wait, and if earlier reads showed the
   * state before a confirmed change, records how long they lagged for the whole account.
   */
  judge(nic: NicView, at: number): ReadJudgement {
    const expected = this.#expected;
    if (expected === undefined) return "current";
    if (expected.showsBefore(nic)) {
      if (at - expected.since < expected.graceMs) {
        this.#lastBeforeAt = at;
        return "lagging";
      }
      this.#expected = undefined; // the change never showed within its grace: believe the read
      return "current";
    }
    if (expected.confirmed && this.#lastBeforeAt !== undefined)
      this.lag.observe(expected.since, this.#lastBeforeAt);
    this.#expected = undefined;
    return "current";
  }

  /** Whether a write of the operation may still be hidden from a read taken at `at`. */
  mayHideOwnWrite(at: number): boolean {
    return this.#wroteAt !== undefined && at < this.#wroteAt + this.windowMs();
  }

  /** True once the verdict `key`, seen by a read taken at `at`, can be trusted. */
  confirms(key: string, at: number): boolean {
    if (this.#wroteAt !== undefined) return !this.mayHideOwnWrite(at);
    if (this.#candidate?.key !== key) this.#candidate = { key, since: at };
    return at - this.#candidate.since >= this.windowMs();
  }

  /** How long from `now` until a read could confirm what is pending. */
  msUntilConclusive(now: number): number {
    const from = this.#wroteAt ?? this.#candidate?.since ?? now;
    return Math.max(0, from + this.windowMs() - now);
  }

  /** Forgets an unconfirmed verdict once a read contradicts it. */
  contradicted(): void {
    this.#candidate = undefined;
  }

  /** Why the operation could not finish, when it was still awaiting a change at `now`; else `undefined`. */
  lagExplanation(now: number): string | undefined {
    const expected = this.#expected;
    if (expected === undefined || this.#lastBeforeAt === undefined) return undefined;
    const after = formatElapsed(now - expected.since);
    if (!expected.confirmed) {
      const believedIn = formatElapsed(Math.max(0, expected.since + expected.graceMs - now));
      return (
        `no read showed yet whether ${expected.what} ran (${after} after it), so it was not sent again: a ` +
        `second one could act on a NIC that changed meanwhile. Reads are taken at their word again ${believedIn} ` +
        "from now: run the command again then, or give the operation a longer timeout"
      );
    }
    return (
      `Zenlayer's reads still showed the NIC as it was before ${expected.what} ${after} after it, so they ` +
      `may lag more than the ${formatElapsed(this.windowMs())} this provider assumes; nothing was concluded ` +
      "from them. Raise the assumed lag (milliseconds) with the provider setting `readConsistencyMs` " +
      "(stack config `zenlayer:readConsistencyMs`) or PULUMI_ZENLAYER_READ_CONSISTENCY_MS, and run the command again"
    );
  }
}

/** Grace for an expected change, in windows: reads lagging up to five windows are told from a change that failed. */
export const CHANGE_GRACE_WINDOWS = 5;

/**
 * Grace before a second CreateNetworkInterface, in windows: a duplicate NIC costs money and
 * outlives the deployment, a wait costs seconds and happens only after a lost answer.
 */
export const CREATE_GRACE_WINDOWS = 30;
