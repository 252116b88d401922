import { TokenBucket } from "../../sdk/rateLimit/tokenBucket";
import type { Random } from "../random/seededRandom";
import { deriveStream } from "../random/seededRandom";
import type { FailNextRule, FaultSettings } from "../types/options";

const FAULT_STREAM = 0;

/** A fault that hits before authentication, as an edge proxy or gateway would produce it. @internal */
export type EdgeFault =
  | { readonly kind: "reset" }
  | { readonly kind: "html"; readonly status: 502 | 403 }
  | { readonly kind: "rate-limit"; readonly retryAfterSeconds: number | undefined };

/**
 * Decides the probabilistic faults. All randomness comes from one seeded stream, drawn only for
 * enabled faults and in a fixed order per request, so the same seed and the same request
 * sequence give the same outcomes. The engine takes it as its `WriteFaults` by shape alone: the
 * injector imports nothing of the state it disturbs, so faults stand below state.
 * @internal
 */
export class FaultInjector {
  private settings: FaultSettings;
  private bucket: TokenBucket | undefined;
  private readonly random: Random;

  constructor(
    settings: FaultSettings,
    seed: number,
    private readonly now: () => number,
  ) {
    this.random = deriveStream(seed, FAULT_STREAM);
    this.settings = { ...settings };
    this.bucket = this.newBucket();
  }

  /** Replaces all settings (and restarts the rate-limit bucket). */
  set(settings: FaultSettings): void {
    this.settings = { ...settings };
    this.bucket = this.newBucket();
  }

  current(): FaultSettings {
    return structuredClone(this.settings);
  }

  staleReadMs(): number {
    return this.settings.staleReadMs ?? 0;
  }

  /** Extra latency for this request: the fixed part plus, sometimes, a spike. */
  latencyMs(action: string | null): number {
    if (!this.applies(action)) return 0;
    const spike = this.chance(this.settings.latencySpikeRate) ? (this.settings.latencySpikeMs ?? 0) : 0;
    return (this.settings.latencyMs ?? 0) + spike;
  }

  /** Resets and edge HTML pages come first (network and proxy), then the gateway's rate limit. */
  edgeFault(action: string | null): EdgeFault | undefined {
    if (!this.applies(action)) return undefined;
    if (this.chance(this.settings.resetRate)) return { kind: "reset" };
    if (this.chance(this.settings.htmlRate)) return { kind: "html", status: this.settings.htmlStatus ?? 502 };
    if (this.bucket !== undefined && !this.bucket.tryAcquire()) {
      return { kind: "rate-limit", retryAfterSeconds: this.settings.retryAfterSeconds };
    }
    return undefined;
  }

  /** A backend failure after authentication: 500 or 503 with equal odds. */
  serverError(action: string | null): "INTERNAL_SERVER_ERROR" | "SERVICE_TEMPORARY_UNAVAILABLE" | undefined {
    if (!this.applies(action) || !this.chance(this.settings.errorRate)) return undefined;
    return this.random() < 0.5 ? "INTERNAL_SERVER_ERROR" : "SERVICE_TEMPORARY_UNAVAILABLE";
  }

  /** Whether an executed request loses its answer (the connection drops). */
  loseResponse(action: string | null): boolean {
    return this.applies(action) && this.chance(this.settings.lostResponseRate);
  }

  createFails(): boolean {
    return this.chance(this.settings.createFailureRate);
  }

  /** How long the transition being scheduled stalls, in the setting's terms (ms or `forever`), if at all. */
  transitionStall(): FaultSettings["stallMs"] {
    return this.chance(this.settings.stallRate) ? (this.settings.stallMs ?? "forever") : undefined;
  }

  private applies(action: string | null): boolean {
    const only = this.settings.actions;
    return only === undefined || (action !== null && only.includes(action));
  }

  private chance(rate: number | undefined): boolean {
    if (rate === undefined || rate <= 0) return false;
    return this.random() < rate;
  }

  /**
   * The gateway's limit: the sdk's token bucket, used without waiting (a server refuses excess
   * requests), with its default burst of one second's worth.
   */
  private newBucket(): TokenBucket | undefined {
    const rps = this.settings.rateLimitRps;
    if (rps === undefined || !(rps > 0) || !Number.isFinite(rps)) return undefined;
    return new TokenBucket({ requestsPerSecond: rps, now: this.now });
  }
}

interface ActiveRule {
  readonly rule: FailNextRule;
  remaining: number;
}

/**
 * Scripted failures: each rule fails the next `count` matching requests, in the order the rules
 * were added. Unlike the probabilistic faults they need no seed to be reproducible.
 * @internal
 */
export class ScriptedFailures {
  private rules: ActiveRule[] = [];

  add(rule: FailNextRule): void {
    if (!Number.isInteger(rule.count) || rule.count < 1)
      throw new Error("failNext count must be a positive integer");
    if (!Number.isInteger(rule.httpStatus) || rule.httpStatus < 100 || rule.httpStatus > 599) {
      throw new Error("failNext httpStatus must be an HTTP status code");
    }
    this.rules.push({ rule, remaining: rule.count });
  }

  /** Consumes one use of the first rule that matches the action at this point of the pipeline. */
  take(action: string | null, when: "before" | "after"): FailNextRule | undefined {
    const active = this.rules.find(
      ({ rule }) => (rule.when ?? "before") === when && (rule.action === undefined || rule.action === action),
    );
    if (active === undefined) return undefined;
    active.remaining -= 1;
    if (active.remaining === 0) this.rules = this.rules.filter((candidate) => candidate !== active);
    return active.rule;
  }

  clear(): void {
    this.rules = [];
  }
}
