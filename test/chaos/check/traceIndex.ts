import type { RequestLogEntry, WriteEffect } from "../../../simulator/index";
import type { CommandRecord, OpRecord, ResourceSpec, RunTrace } from "../trace";

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
    for (const op of [...trace.ops].sort((a, b) => a.startMs - b.startMs)) {
      this.opsByResource.set(op.resource, [...this.opsOf(op.resource), op]);
    }
    this.writes = trace.requests.flatMap((entry) =>
      entry.effect === undefined || entry.action === null
        ? []
        : [{ action: entry.action, effect: entry.effect, entry }],
    );
  }

  specOfNic(nicId: string): ResourceSpec | undefined {
    return this.byNic.get(nicId);
  }

  opsOf(resource: string): readonly OpRecord[] {
    return this.opsByResource.get(resource) ?? [];
  }

  commandOf(op: OpRecord): CommandRecord | undefined {
    return this.trace.commands.find((command) => command.index === op.command);
  }

  /** `#3 destroy`: how a violation names the command it happened in. */
  commandName(op: OpRecord): string {
    return `#${op.command} ${this.commandOf(op)?.name ?? "?"}`;
  }

  /**
   * The operation a write belongs to: the last one of its resource that had started when the
   * write ran. A write that lands after its operation returned (the client gave up waiting for
   * the answer, the server ran it anyway) still belongs to that operation.
   */
  ownerOp(write: ExecutedWrite): OpRecord | undefined {
    const spec = this.byNic.get(write.effect.nicId);
    return spec === undefined
      ? undefined
      : this.opsOf(spec.name).findLast((op) => op.startMs <= write.effect.atMs);
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

  /** Out-of-band events of `kinds` on the NIC within [fromMs, toMs). */
  eventsOn(nicId: string, kinds: ReadonlySet<string>, fromMs: number, toMs: number): number {
    return this.trace.events.filter(
      (event) => event.nicId === nicId && kinds.has(event.kind) && event.atMs >= fromMs && event.atMs < toMs,
    ).length;
  }
}

/** Out-of-band events that change where a NIC is (by the chaos agent, or the user as an error asked). */
export const MOVING_EVENTS: ReadonlySet<string> = new Set([
  "out-of-band detach",
  "out-of-band delete",
  "out-of-band move",
]);
