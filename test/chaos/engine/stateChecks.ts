import { boundTo } from "../trace";
import type { NicView } from "../trace";
import { isUp, refreshes } from "./trace";
import type { CommandRecord, EngineRunTrace, EngineViolation } from "./trace";

/** Invariants 2 and 3: what the stack and the cloud hold after a `destroy` or an `up` that succeeded. */

/** Out-of-band events that change where a NIC is (see the chaos agent). */
const MOVING_EVENTS: ReadonlySet<string> = new Set([
  "out-of-band detach",
  "out-of-band delete",
  "out-of-band move",
]);
function nicText(nic: NicView | null | undefined): string {
  return nic === undefined
    ? "unknown"
    : nic === null
      ? "gone"
      : `${nic.status} on ${nic.instanceId ?? "no instance"}`;
}

/**
 * Invariant 2: after the last `destroy`, if it succeeded, no NIC of the program is attached (or
 * attaching) to its instance, neither when the command returned nor at the very end of the run
 * (an attach still in flight somewhere, e.g. in a plugin a kill left running, lands late), and the
 * stack holds no attachment.
 */
export function leftAfterDestroy(trace: EngineRunTrace): EngineViolation[] {
  const destroy = trace.commands.filter((command) => command.name === "destroy").at(-1);
  if (destroy === undefined || !destroy.ok) return [];
  const found: EngineViolation[] = [];
  const blame = (resource: string, detail: string): void => {
    found.push({ invariant: 2, resource, commandIndex: destroy.index, detail });
  };
  for (const spec of trace.resources) {
    const atEnd = destroy.nicsAfter[spec.name];
    if (boundTo(atEnd ?? null, spec.instanceId)) {
      blame(spec.name, `#${destroy.index} destroy succeeded while NIC ${spec.nicId} was ${nicText(atEnd)}`);
    } else if (boundTo(trace.finalNics[spec.name] ?? null, spec.instanceId)) {
      blame(
        spec.name,
        `after #${destroy.index} destroy succeeded, NIC ${spec.nicId} ended ${nicText(trace.finalNics[spec.name])} ` +
          `(an attach landed later)`,
      );
    }
  }
  for (const attachment of destroy.stateAfter?.attachments ?? []) {
    blame(
      attachment.resource,
      `#${destroy.index} destroy succeeded but the stack still holds ${attachment.id}`,
    );
  }
  return found;
}

/** Whether the NIC moved out of band between `fromMs` and `toMs`. */
function movedOutOfBand(trace: EngineRunTrace, nicId: string, fromMs: number, toMs: number): boolean {
  return trace.events.some(
    (event) =>
      event.nicId === nicId && MOVING_EVENTS.has(event.kind) && event.atMs >= fromMs && event.atMs <= toMs,
  );
}

/**
 * Since when out-of-band changes can be invisible to an `up`: the start of the last successful
 * command up to it that read every resource (a refresh, or the `up --refresh` itself), else the
 * start of the run. A plain `up` does not read what it already holds, so drift from before stays.
 */
function blindSince(trace: EngineRunTrace, up: CommandRecord): number {
  const read = trace.commands.filter(
    (command) => command.index <= up.index && command.ok && refreshes(command),
  );
  return read.at(-1)?.startMs ?? trace.startMs;
}

/**
 * Invariant 3: after an `up` that reported success, every declared attachment is in the stack on
 * its instance and its NIC is USED there, so no NIC is attached to a program instance without its
 * resource. A NIC moved out of band since the stack last read it is left out (counted as excused).
 */
export function upMismatches(trace: EngineRunTrace): { violations: EngineViolation[]; excused: number } {
  const violations: EngineViolation[] = [];
  let excused = 0;
  for (const up of trace.commands.filter((command) => isUp(command) && command.ok)) {
    if (up.stateAfter === undefined) continue;
    const since = blindSince(trace, up);
    for (const spec of trace.resources) {
      if (movedOutOfBand(trace, spec.nicId, since, up.endMs)) {
        excused++;
        continue;
      }
      const held = up.stateAfter.attachments.find((attachment) => attachment.resource === spec.name);
      const nic = up.nicsAfter[spec.name];
      const stateOk = held !== undefined && held.instanceId === spec.instanceId;
      const nicOk =
        nic !== undefined && nic !== null && nic.status === "USED" && nic.instanceId === spec.instanceId;
      if (stateOk && nicOk) continue;
      const stack = held === undefined ? "no attachment in the stack" : `the stack holds ${held.id}`;
      const attachedWithout =
        held === undefined &&
        nic?.instanceId !== undefined &&
        nic.instanceId !== null &&
        trace.instanceIds.includes(nic.instanceId)
          ? " (attached to a program instance without a resource)"
          : "";
      violations.push({
        invariant: 3,
        resource: spec.name,
        commandIndex: up.index,
        detail:
          `#${up.index} ${up.name} succeeded but for NIC ${spec.nicId} → ${spec.instanceId}: ${stack}, ` +
          `NIC ${nicText(nic)}${attachedWithout}`,
      });
    }
  }
  return { violations, excused };
}
