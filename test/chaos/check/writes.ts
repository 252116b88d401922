import type { RequestLogEntry } from "../../../simulator/index";
import type { Violation } from "../trace";
import { MOVING_EVENTS } from "./traceIndex";
import type { ExecutedWrite, TraceIndex } from "./traceIndex";

/** The longest a provider may take from a look at the NIC to the detach it decides (see invariant 1). */
export const LOOK_TO_SEND_MS = 1000;

/**
 * Invariant 1: DetachNetworkInterface takes only a NIC id, so a detach that runs after the NIC
 * moved to another instance takes it from whoever owns it now. Every executed detach, refused or
 * not, is judged by where the NIC was bound when it ran, against the instance the program named
 * for the resource: a resource owns that pair alone, whatever its stored state came to record.
 *
 * No client of an API without a conditional detach can close one window: the NIC moving after the
 * client's last look, while the detach travels or waits in the server. Such a detach is counted as
 * raced, not as a violation, when the move happened after the detach arrived, or when the last
 * look at the NIC before the detach showed it on the named instance (`seen`: what the answer said,
 * so a move in the same millisecond, or a stale answer, is judged by what the provider was told)
 * and arrived at most {@link LOOK_TO_SEND_MS} before the detach. A provider that detaches after a
 * look that showed the NIC elsewhere, or waits longer between look and detach, is blamed.
 */
export function foreignDetaches(index: TraceIndex): { violations: Violation[]; raced: number } {
  const violations: Violation[] = [];
  let raced = 0;
  for (const write of index.writes) {
    const op = index.ownerOp(write);
    const named = index.specOfNic(write.effect.nicId)?.instanceId;
    const bound = write.effect.instanceIdBefore;
    if (write.action !== "DetachNetworkInterface" || op === undefined || named === undefined) continue;
    if (bound === null || bound === named) continue;
    if (lostRace(index, write, named)) {
      raced++;
      continue;
    }
    violations.push({
      invariant: 1,
      resource: op.resource,
      opIndex: op.index,
      commandIndex: op.command,
      detail:
        `DetachNetworkInterface ran (applied: ${write.effect.applied}) on NIC ${write.effect.nicId} while it was ` +
        `${write.effect.statusBefore ?? "?"} on instance ${bound}, during ${index.commandName(op)}; ` +
        `the program named ${named} (request ${write.entry.requestId})`,
    });
  }
  return { violations, raced };
}

function lostRace(index: TraceIndex, write: ExecutedWrite, named: string): boolean {
  const arrived = write.entry.receivedAtMs;
  const nicId = write.effect.nicId;
  const move = index.trace.events
    .filter(
      (event) =>
        event.nicId === nicId && event.kind === "out-of-band move" && event.atMs <= write.effect.atMs,
    )
    .at(-1);
  if (move === undefined) return false;
  if (move.atMs >= arrived) return true;
  const lastLook = index.trace.requests
    .filter((entry) => entry.status === 200 && looksAt(entry, nicId) && entry.receivedAtMs <= arrived)
    .at(-1);
  if (lastLook === undefined || arrived - lastLook.receivedAtMs > LOOK_TO_SEND_MS) return false;
  return lastLook.seen?.[nicId] === named;
}

function looksAt(entry: RequestLogEntry, nicId: string): boolean {
  const nicIds = (entry.body as { nicIds?: unknown } | null)?.nicIds;
  return entry.action === "DescribeNetworkInterfaces" && Array.isArray(nicIds) && nicIds.includes(nicId);
}

/**
 * Invariant 4: a create or update (an `up`, in an engine run) attaches at most once. Attach is
 * refused while the NIC is bound, so a second applied attach means the NIC was freed and taken
 * again within one operation: a violation, unless something outside the stack freed it in between
 * (an out-of-band detach, delete or move of that NIC), when attaching again is the operation doing
 * its job. Attaches are therefore counted per stretch of time between such events.
 */
export function repeatedAttaches(index: TraceIndex): Violation[] {
  const perOp = new Map<string, ExecutedWrite[]>();
  for (const write of index.writes) {
    const op =
      write.action === "AttachNetworkInterface" && write.effect.applied ? index.ownerOp(write) : undefined;
    if (op === undefined || (op.kind !== "create" && op.kind !== "update")) continue;
    const freedBefore = index.eventsOn(write.effect.nicId, MOVING_EVENTS, -Infinity, write.effect.atMs);
    const key = `${op.index}:${freedBefore}`;
    perOp.set(key, [...(perOp.get(key) ?? []), write]);
  }
  return [...perOp].flatMap(([key, writes]) => {
    const op = index.trace.ops.find((candidate) => candidate.index === Number(key.split(":")[0]));
    if (writes.length < 2 || op === undefined) return [];
    const ids = writes.map((write) => write.entry.requestId).join(", ");
    const detail = `${writes.length} applied AttachNetworkInterface in one ${op.kind} (${index.commandName(op)}): ${ids}`;
    return [
      { invariant: 4 as const, resource: op.resource, opIndex: op.index, commandIndex: op.command, detail },
    ];
  });
}
