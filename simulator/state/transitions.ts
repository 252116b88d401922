/** How long a stall lasts: a number of ms, or until `releaseStalls()`. @internal */
export type StallDuration = number | "forever";

interface PendingTransition {
  readonly key: string;
  readonly complete: () => void;
  timer: NodeJS.Timeout | undefined;
  /** Why the transition is waiting beyond its delay: a stall rule, or a random (timed or endless) stall. */
  parked: "rule" | "timed" | "forever" | false;
  /** An extra stall drawn when scheduled (fault injection); consumed on the first firing. */
  randomStall: StallDuration | undefined;
}

interface StallRule {
  readonly matches: (key: string) => boolean;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Runs the delayed second half of asynchronous writes (ATTACHING → USED and so on). Transitions
 * are keyed by resource (`nic:<id>`, `instance:<id>`): scheduling a new one for a key replaces
 * the old one, so a resource never has two competing completions, and `stop()` clears every timer.
 * @internal
 */
export class TransitionScheduler {
  private readonly pending = new Map<string, PendingTransition>();
  private readonly stalls = new Set<StallRule>();
  private idleWaiters: (() => void)[] = [];

  constructor(private delayMs: number) {}

  /** Changes the delay of transitions scheduled from now on. */
  setDelay(ms: number): void {
    this.delayMs = ms;
  }

  /** Runs `complete` after the transition delay (plus any stall), replacing the key's pending one. */
  schedule(key: string, complete: () => void, randomStall?: StallDuration): void {
    this.cancel(key);
    const entry: PendingTransition = { key, complete, timer: undefined, parked: false, randomStall };
    this.pending.set(key, entry);
    this.arm(entry, this.delayMs);
  }

  /** Drops the key's pending transition, e.g. when an out-of-band change overtakes it. */
  cancel(key: string): void {
    const entry = this.pending.get(key);
    if (entry === undefined) return;
    clearTimeout(entry.timer);
    this.pending.delete(key);
    this.notifyIfIdle();
  }

  /** Holds back matching transitions for `forMs`, or until {@link releaseStalls}. */
  stall(matches: (key: string) => boolean, forMs: StallDuration): void {
    const rule: StallRule = { matches, timer: undefined };
    this.stalls.add(rule);
    if (forMs === "forever") return;
    rule.timer = setTimeout(() => {
      this.stalls.delete(rule);
      this.resume((entry) => entry.parked === "rule");
    }, forMs);
  }

  /** Ends every stall (rules and random ones) and completes what they held back. */
  releaseStalls(): void {
    for (const rule of this.stalls) clearTimeout(rule.timer);
    this.stalls.clear();
    for (const entry of this.pending.values()) entry.randomStall = undefined;
    this.resume((entry) => entry.parked !== false);
  }

  /** Resolves once nothing is pending. */
  whenIdle(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Clears every timer; pending transitions are abandoned and idle waiters released. */
  stop(): void {
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    for (const rule of this.stalls) clearTimeout(rule.timer);
    this.pending.clear();
    this.stalls.clear();
    this.notifyIfIdle();
  }

  private arm(entry: PendingTransition, ms: number): void {
    entry.timer = setTimeout(() => this.fire(entry), ms);
  }

  private fire(entry: PendingTransition): void {
    if (this.pending.get(entry.key) !== entry) return;
    entry.timer = undefined;
    entry.parked = false;
    const extra = entry.randomStall;
    if (extra !== undefined) {
      entry.randomStall = undefined;
      entry.parked = extra === "forever" ? "forever" : "timed";
      if (extra !== "forever") this.arm(entry, extra);
      return;
    }
    if ([...this.stalls].some((rule) => rule.matches(entry.key))) {
      entry.parked = "rule";
      return;
    }
    this.pending.delete(entry.key);
    entry.complete();
    this.notifyIfIdle();
  }

  private resume(select: (entry: PendingTransition) => boolean): void {
    for (const entry of [...this.pending.values()]) {
      if (!select(entry)) continue;
      clearTimeout(entry.timer);
      this.fire(entry);
    }
  }

  private notifyIfIdle(): void {
    if (this.pending.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
