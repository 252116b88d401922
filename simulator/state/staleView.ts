import type { InstanceRecord, NicRecord } from "./records";

interface StaleEntry<T> {
  /** The record as it was before the write; null when the write created it. */
  readonly snapshot: T | null;
  readonly until: number;
}

/** Remembers pre-write snapshots of one resource kind and merges them into reads while fresh. */
class StaleSnapshots<T> {
  private readonly entries = new Map<string, StaleEntry<T>>();

  /** Keeps the first pre-write snapshot of a window; later writes inside it do not extend it. */
  remember(id: string, current: T | undefined, now: number, windowMs: number): void {
    if (windowMs <= 0 || this.isFresh(id, now)) return;
    this.entries.set(id, {
      snapshot: current === undefined ? null : structuredClone(current),
      until: now + windowMs,
    });
  }

  /** The records a Describe sees: stale snapshots replace (or hide, or resurrect) true ones. */
  view(truth: ReadonlyMap<string, T>, now: number): T[] {
    this.purge(now);
    const seen: T[] = [];
    for (const [id, record] of truth) {
      const entry = this.entries.get(id);
      if (entry === undefined) seen.push(record);
      else if (entry.snapshot !== null) seen.push(entry.snapshot);
    }
    for (const [id, entry] of this.entries) {
      if (!truth.has(id) && entry.snapshot !== null) seen.push(entry.snapshot);
    }
    return seen;
  }

  clear(): void {
    this.entries.clear();
  }

  private isFresh(id: string, now: number): boolean {
    const entry = this.entries.get(id);
    return entry !== undefined && entry.until > now;
  }

  private purge(now: number): void {
    for (const [id, entry] of this.entries) if (entry.until <= now) this.entries.delete(id);
  }
}

/**
 * Eventual consistency: for `staleReadMs` after a successful API write, Describe* still returns
 * the resource as it was before that write (absent, for a create; present, for a delete). Only
 * reads are affected; writes are always checked against the true state.
 * @internal
 */
export class StaleReads {
  readonly nics = new StaleSnapshots<NicRecord>();
  readonly instances = new StaleSnapshots<InstanceRecord>();

  constructor(
    private readonly now: () => number,
    private readonly windowMs: () => number,
  ) {}

  beforeNicWrite(nicId: string, current: NicRecord | undefined): void {
    this.nics.remember(nicId, current, this.now(), this.windowMs());
  }

  beforeInstanceWrite(instanceId: string, current: InstanceRecord | undefined): void {
    this.instances.remember(instanceId, current, this.now(), this.windowMs());
  }

  nicView(truth: ReadonlyMap<string, NicRecord>): NicRecord[] {
    return this.nics.view(truth, this.now());
  }

  instanceView(truth: ReadonlyMap<string, InstanceRecord>): InstanceRecord[] {
    return this.instances.view(truth, this.now());
  }
}
