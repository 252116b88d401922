import { boundTo, isUp, nicText, refreshes } from "../trace";
import type { CommandRecord, OpRecord, ResourceSpec, Violation } from "../trace";
import { MOVING_EVENTS } from "./traceIndex";
import type { ExecutedWrite, TraceIndex } from "./traceIndex";

/** Invariants 2, 3 and 7: what state and cloud hold after an operation or command. */

/**
 * Invariant 2: a delete that reports success (a destroy, in an engine run) must not leave the NIC
 * on its instance (true state when it returned), nor the stack holding the attachment.
 */
export function attachedAfterDelete(index: TraceIndex): Violation[] {
  const found: Violation[] = index.trace.ops
    .filter((op) => op.kind === "delete" && op.outcome === "ok" && boundTo(op.nicAfter, op.targetInstanceId))
    .map((op) => ({
      invariant: 2,
      resource: op.resource,
      opIndex: op.index,
      commandIndex: op.command,
      detail: `delete succeeded (${index.commandName(op)}) while the NIC was ${nicText(op.nicAfter)}`,
    }));
  for (const destroy of index.trace.commands.filter((command) => command.name === "destroy" && command.ok)) {
    for (const held of destroy.stateAfter?.attachments ?? []) {
      const detail = `#${destroy.index} destroy succeeded but the stack still holds ${held.id}`;
      found.push({ invariant: 2, resource: held.resource, commandIndex: destroy.index, detail });
    }
  }
  return found;
}

function leak(op: OpRecord, spec: ResourceSpec, attach: ExecutedWrite, when: string): Violation {
  const answer = attach.entry.fault === undefined ? "" : ` (answer: ${attach.entry.fault})`;
  const detail =
    `${op.kind} ended ${op.outcome} with nothing in state, but the NIC is attached to ${spec.instanceId}${when}, ` +
    `by the resource's own AttachNetworkInterface ${attach.entry.requestId}${answer}`;
  return { invariant: 3, resource: spec.name, opIndex: op.index, commandIndex: op.command, detail };
}

/**
 * Invariant 3: a NIC the resource attached itself must never end up attached with no resource in
 * state to detach it (a leak nobody's `destroy` will clean up). Checked when an operation that left
 * no record returned (a create that failed without an id, a read that dropped the resource; the
 * handler runs know this per call), and once more at the end of the run, after late requests had
 * time to land: an attach that ran after the resource's last operation started (one the client
 * gave up on, or from a plugin a kill left running) is just as leaked.
 */
export function leakedAttachments(index: TraceIndex): Violation[] {
  const found: Violation[] = [];
  for (const spec of index.trace.resources) {
    const attaches = index.ownAttaches(spec);
    const ops = index.opsOf(spec.name);
    for (const op of ops) {
      const removed = op.inStateAfter === false && !(op.kind === "delete" && op.outcome === "ok");
      const attach = attaches.findLast((write) => write.effect.atMs <= op.endMs);
      if (removed && boundTo(op.nicAfter, spec.instanceId) && attach !== undefined)
        found.push(leak(op, spec, attach, ""));
    }
    const final = index.trace.final[spec.name];
    const last = ops.at(-1);
    const late = attaches.findLast((write) => last !== undefined && write.effect.atMs >= last.startMs);
    if (
      final?.inState !== false ||
      last === undefined ||
      late === undefined ||
      !boundTo(final.nic, spec.instanceId)
    ) {
      continue;
    }
    const owner = index.ownerOp(late) ?? last;
    if (!found.some((violation) => violation.opIndex === owner.index)) {
      found.push(leak(owner, spec, late, " at the end of the run"));
    }
  }
  return found;
}

/**
 * Since when out-of-band changes can be invisible to an `up`: the start of the last successful
 * command up to it that read every resource (a refresh, or the `up --refresh` itself), else the
 * start of the run. A plain `up` does not read what it already holds, so drift from before stays.
 */
function blindSince(index: TraceIndex, up: CommandRecord): number {
  const read = index.trace.commands.filter(
    (command) => command.index <= up.index && command.ok && refreshes(command),
  );
  return read.at(-1)?.startMs ?? index.trace.startMs;
}

/**
 * Invariant 7: after an `up` that reported success, every attachment is in the stack on its
 * instance and its NIC is USED there, so no NIC is attached to a program instance without its
 * resource. Judged where the stack after each command is known (engine runs). A NIC moved out of
 * band since the stack last read it is left out: an `up` cannot see drift it never read
 * (counted as excused checks).
 */
export function upMismatches(index: TraceIndex): { violations: Violation[]; excused: number } {
  const violations: Violation[] = [];
  let excused = 0;
  for (const up of index.trace.commands.filter((command) => isUp(command) && command.ok)) {
    const since = blindSince(index, up);
    for (const spec of up.stateAfter === undefined ? [] : index.trace.resources) {
      if (index.eventsOn(spec.nicId, MOVING_EVENTS, since, up.endMs + 1) > 0) {
        excused++;
        continue;
      }
      const held = up.stateAfter?.attachments.find((attachment) => attachment.resource === spec.name);
      const nic = up.nicsAfter[spec.name];
      const nicOk = nic?.status === "USED" && nic.instanceId === spec.instanceId;
      if (held?.instanceId === spec.instanceId && nicOk) continue;
      const stack = held === undefined ? "no attachment in the stack" : `the stack holds ${held.id}`;
      const without =
        held === undefined && index.trace.instanceIds.includes(nic?.instanceId ?? "")
          ? " (attached to a program instance without a resource)"
          : "";
      violations.push({
        invariant: 7,
        resource: spec.name,
        commandIndex: up.index,
        detail: `#${up.index} ${up.name} succeeded but for NIC ${spec.nicId} → ${spec.instanceId}: ${stack}, NIC ${nicText(nic)}${without}`,
      });
    }
  }
  return { violations, excused };
}
