import type { WriteFaults } from "../state/engine";
import type { StallDuration } from "../state/transitions";
import type { FaultSettings } from "../types/options";
import type { Random } from "./prng";
import { deriveStream } from "./prng";
import { TokenBucket } from "./rateLimit";

const FAULT_STREAM = 0;

/** A fault that hits before authentication, as an edge proxy or gateway would produce it. */
export type EdgeFault =
  | { readonly kind: "reset" }
  | { readonly kind: "html"; readonly status: 502 | 403 }
  | { readonly kind: "rate-limit"; readonly retryAfterSeconds: number | undefined };

/**
 * Decides the probabilistic faults. All randomness comes from one seeded stream, drawn only for
 * enabled faults and in a fixed order per request, so the same seed and the same request
 * sequence give the same outcomes.
 */
export class FaultInjector implements WriteFaults {
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
    if (this.bucket !== undefined && !this.bucket.take(this.now())) {
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

  transitionStall(): StallDuration | undefined {
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

  private newBucket(): TokenBucket | undefined {
    const rps = this.settings.rateLimitRps;
    return rps === undefined || rps <= 0 ? undefined : new TokenBucket(rps, this.now());
  }
}
