import type { Random } from "../random/seededRandom";
import { deriveStream, randomInt } from "../random/seededRandom";

/** Stream numbers keep resource ids and request ids independent of the fault stream. */
const RESOURCE_STREAM = 1;
const REQUEST_STREAM = 2;

function digits(random: Random, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(randomInt(random, 10));
  return out;
}

function hex(random: Random, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += randomInt(random, 16).toString(16);
  return out;
}

/**
 * Generates the identifiers the real service hands out: 19-digit numeric resource ids,
 * `T` + upper-case UUID request ids, MAC addresses. Deterministic from the seed.
 * @internal
 */
export class IdGenerator {
  private readonly resources: Random;
  private readonly requests: Random;
  private readonly issued = new Set<string>();

  constructor(seed: number) {
    this.resources = deriveStream(seed, RESOURCE_STREAM);
    this.requests = deriveStream(seed, REQUEST_STREAM);
  }

  /** A fresh 19-digit id (no leading zero) never returned before by this generator. */
  resourceId(): string {
    for (;;) {
      const id = String(1 + randomInt(this.resources, 9)) + digits(this.resources, 18);
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }

  /** Marks a caller-chosen id as taken so a generated id can never collide with it. */
  reserve(id: string): void {
    this.issued.add(id);
  }

  /** `T` + an upper-case UUID v4 layout, as in every documented response. */
  requestId(): string {
    const h = hex(this.requests, 32).toUpperCase();
    const variant = "89AB"[randomInt(this.requests, 4)] ?? "8";
    return `T${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** A locally administered unicast MAC address. */
  macAddress(): string {
    const bytes = [0x02, randomInt(this.resources, 256), randomInt(this.resources, 256)];
    for (let i = 0; i < 3; i++) bytes.push(randomInt(this.resources, 256));
    return bytes.map((b) => b.toString(16).padStart(2, "0")).join(":");
  }
}
