import type { RequestLogEntry, WriteEffect } from "../../../simulator/index";
import type { OpRecord, ResourceSpec, RunTrace } from "../trace";

/** A NIC write that ran on the server, whatever answer (if any) the client got. */
export interface ExecutedWrite {
  readonly action: string;
  readonly effect: WriteEffect;
  readonly entry: RequestLogEntry;
}

/**
 * Lookups the invariants share. Every resource has a NIC of its own, so a write's `nicId` names
 * the resource that sent it, and its time names the operation.
 */
export class TraceIndex {
  readonly writes: readonly ExecutedWrite[];
  private readonly byNic = new Map<string, ResourceSpec>();
  private readonly opsByResource = new Map<string, OpRecord[]>();

  constructor(readonly trace: RunTrace) {
    for (const spec of trace.resources) this.byNic.set(spec.nicId, spec);
    for (const op of trace.ops) {
      const list = this.opsByResource.get(op.resource) ?? [];
      list.push(op);
      this.opsByResource.set(op.resource, list);
    }
    for (const list of this.opsByResource.values()) list.sort((a, b) => a.startMs - b.startMs);
    this.writes = trace.requests.flatMap((entry) =>
      entry.effect === undefined || entry.action === null
        ? []
        : [{ action: entry.action, effect: entry.effect, entry }],
    );
  }

  resourceOfNic(nicId: string): ResourceSpec | undefined {
    return this.byNic.get(nicId);
  }

  spec(resource: string): ResourceSpec | undefined {
    return this.trace.resources.find((spec) => spec.name === resource);
  }

  opsOf(resource: string): readonly OpRecord[] {
    return this.opsByResource.get(resource) ?? [];
  }

  /**
   * The operation a write belongs to: the last one of its resource that had started when the
   * write ran. A write that lands after its operation returned (the client gave up waiting for
   * the answer, the server ran it anyway) still belongs to that operation.
   */
  ownerOp(write: ExecutedWrite): OpRecord | undefined {
    const spec = this.byNic.get(write.effect.nicId);
    if (spec === undefined) return undefined;
    let owner: OpRecord | undefined;
    for (const op of this.opsOf(spec.name)) {
      if (op.startMs <= write.effect.atMs) owner = op;
    }
    return owner;
  }

  /** Applied attaches of the resource's NIC to the resource's own instance, oldest first. */
  ownAttaches(spec: ResourceSpec): ExecutedWrite[] {
    return this.writes.filter(
      (write) =>
        write.action === "AttachNetworkInterface" &&
        write.effect.applied &&
        write.effect.nicId === spec.nicId &&
        write.effect.targetInstanceId === spec.instanceId,
    );
  }
}
