import type { Store } from "../state/store";
import type { RequestLogEntry, WriteEffect } from "../types/options";

/** Beyond this many distinct action names, further ones are counted together (bounded memory). */
const MAX_DISTINCT_ACTIONS = 200;
const OTHER_ACTIONS = "(other)";
const NO_ACTION = "(none)";

/**
 * What the simulator received: a bounded ring buffer of entries plus per-action counters. Entries
 * are built without headers, so no credential, signature or Authorization value is ever stored.
 * @internal
 */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private counts = new Map<string, number>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error("requestLogLimit must be a positive integer");
  }

  /** Counts a request by its `X-ZC-Action` as soon as it arrives, whatever becomes of it. */
  count(action: string | null): void {
    let key = action ?? NO_ACTION;
    if (!this.counts.has(key) && this.counts.size >= MAX_DISTINCT_ACTIONS) key = OTHER_ACTIONS;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** Copies, oldest first. */
  list(): RequestLogEntry[] {
    return structuredClone(this.entries);
  }

  countsByAction(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.entries = [];
    this.counts = new Map();
  }
}

/** The body as logged: parsed JSON when possible, else the text cut to 2 KiB. @internal */
export function bodyForLog(raw: string): unknown {
  if (raw === "") return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw.length > 2048 ? `${raw.slice(0, 2048)}…` : raw;
  }
}

/** The NIC writes whose effect the request log records. */
const NIC_WRITES: ReadonlySet<string> = new Set([
  "AttachNetworkInterface",
  "DetachNetworkInterface",
  "DeleteNetworkInterface",
]);

function paramsOf(rawBody: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Captures, just before a NIC write runs, what the NIC looked like, and returns a function that
 * completes the record once the outcome is known. A client cannot see what a write whose answer
 * was lost actually did; chaos tests judge such writes by this record. Called only for requests
 * that reach the action (after authentication and injected pre-action failures), so "has an
 * effect" means "executed". Holds ids and statuses only, never headers or credentials.
 * @internal
 */
export function observeNicWrite(
  action: string | null,
  rawBody: string,
  store: Store,
  atMs: number,
): ((applied: boolean) => WriteEffect) | undefined {
  if (action === null || !NIC_WRITES.has(action)) return undefined;
  const params = paramsOf(rawBody);
  const nicId = params?.["nicId"];
  if (typeof nicId !== "string" || nicId === "") return undefined;
  const nic = store.nics.get(nicId);
  const target = params?.["instanceId"];
  const before = {
    nicId,
    instanceIdBefore: nic?.instanceId ?? null,
    statusBefore: nic?.status ?? null,
    ...(action === "AttachNetworkInterface" && typeof target === "string"
      ? { targetInstanceId: target }
      : {}),
    atMs,
  };
  return (applied) => ({ ...before, applied });
}
