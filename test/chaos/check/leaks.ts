import { boundTo } from "../trace";
import type { OpRecord, ResourceSpec, Violation } from "../trace";
import type { ExecutedWrite, TraceIndex } from "./traceIndex";

/**
 * Operations after which the engine has no record of the resource, other than a successful delete
 * (which invariant 2 judges): a create that failed without an id, and a read that dropped it.
 */
function leavesNoRecord(op: OpRecord): boolean {
  return (
    (op.kind === "create" && op.outcome === "failed") || (op.kind === "read" && op.outcome === "dropped")
  );
}

function leakDetail(op: OpRecord, spec: ResourceSpec, attach: ExecutedWrite, when: string): string {
  return (
    `${op.kind} ended ${op.outcome} (nothing in state) but the NIC is attached to ${spec.instanceId}${when}, ` +
    `by the resource's own AttachNetworkInterface ${attach.entry.requestId}` +
    (attach.entry.fault === undefined ? "" : ` (answer: ${attach.entry.fault})`)
  );
}

/** Checked when each such operation returned, from the true state captured then. */
function leaksAtOpEnd(index: TraceIndex, spec: ResourceSpec, attaches: ExecutedWrite[]): Violation[] {
  const found: Violation[] = [];
  for (const op of index.opsOf(spec.name)) {
    if (!leavesNoRecord(op) || !boundTo(op.nicAfter, spec.instanceId)) continue;
    const attach = [...attaches].reverse().find((write) => write.effect.atMs <= op.endMs);
    if (attach === undefined) continue;
    found.push({
      invariant: 3,
      resource: spec.name,
      opIndex: op.index,
      detail: leakDetail(op, spec, attach, ""),
    });
  }
  return found;
}

/**
 * Checked once more at the end of the run, after late requests had time to land: an attach that
 * ran after the operation that removed the resource had started (e.g. one the client gave up on)
 * is just as leaked, though the NIC was not yet attached when that operation returned.
 */
function leakAtEnd(index: TraceIndex, spec: ResourceSpec, attaches: ExecutedWrite[]): Violation[] {
  const final = index.trace.final[spec.name];
  const last = index.opsOf(spec.name).at(-1);
  if (final === undefined || final.inState || last === undefined || !boundTo(final.nic, spec.instanceId)) {
    return [];
  }
  const late = attaches.filter((write) => write.effect.atMs >= last.startMs).at(-1);
  if (late === undefined) return [];
  const owner = index.ownerOp(late) ?? last;
  const detail = leakDetail(owner, spec, late, " at the end of the run");
  return [{ invariant: 3, resource: spec.name, opIndex: owner.index, detail }];
}

/**
 * Invariant 3: a NIC the resource attached itself must never end up attached with no resource in
 * the engine's state to detach it (a leak nobody's `destroy` will ever clean up).
 */
export function leakedAttachments(index: TraceIndex): Violation[] {
  const found: Violation[] = [];
  for (const spec of index.trace.resources) {
    const attaches = index.ownAttaches(spec);
    if (attaches.length === 0) continue;
    const atOpEnd = leaksAtOpEnd(index, spec, attaches);
    const blamed = new Set(atOpEnd.map((violation) => violation.opIndex));
    const atEnd = leakAtEnd(index, spec, attaches).filter((violation) => !blamed.has(violation.opIndex));
    found.push(...atOpEnd, ...atEnd);
  }
  return found;
}
