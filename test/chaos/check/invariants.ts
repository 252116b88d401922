import { boundTo } from "../trace";
import type { Violation } from "../trace";
import type { RequestLogEntry } from "../../../simulator/index";
import type { ExecutedWrite, TraceIndex } from "./traceIndex";

/**
 * Invariant 1: DetachNetworkInterface takes only a NIC id, so a detach that runs after the NIC
 * moved to another instance takes it from whoever owns it now. Every executed detach is judged
 * by where the NIC was bound at the moment it ran, against the instance the program named for the
 * resource: a resource owns that pair alone, whatever its stored state came to record.
 *
 * No client of an API without a conditional detach can close one window: the NIC moving after the
 * client's last look, while the detach travels or waits in the server. Such a detach counts as a
 * race, not a violation, when the move happened after the detach arrived, or when the last look at
 * the NIC before the detach showed it on the operation's own instance (`seen`: what the answer
 * said, so a move in the same millisecond, or a stale answer within the read-consistency window,
 * is judged by what the provider was told) and arrived at most {@link LOOK_TO_SEND_MS} before the
 * detach. A provider that detaches after a look that showed the NIC elsewhere, or waits longer
 * between its look and its detach (a lock, a token, a reboot), is blamed.
 */
export function foreignDetaches(index: TraceIndex): Violation[] {
  const found: Violation[] = [];
  for (const write of index.writes) {
    if (write.action !== "DetachNetworkInterface") continue;
    const op = index.ownerOp(write);
    const named = index.resourceOfNic(write.effect.nicId)?.instanceId;
    const bound = write.effect.instanceIdBefore;
    if (op === undefined || named === undefined || bound === null || bound === named) continue;
    if (raced(index, write, new Set([named]))) continue;
    found.push({
      invariant: 1,
      resource: op.resource,
      opIndex: op.index,
      detail:
        `DetachNetworkInterface ran (applied: ${write.effect.applied}) on NIC ${write.effect.nicId} while it was ` +
        `${write.effect.statusBefore ?? "?"} on instance ${bound}; the program named ${named} ` +
        `(request ${write.entry.requestId})`,
    });
  }
  return found;
}

/** The longest a provider may take from a look at the NIC to the detach it decides (see invariant 1). */
export const LOOK_TO_SEND_MS = 1000;

/**
 * Whether a detach of a NIC bound elsewhere lost an unavoidable race (see {@link foreignDetaches}):
 * `own` are the instances the operation may take the NIC from.
 */
export function raced(index: TraceIndex, write: ExecutedWrite, own: ReadonlySet<string>): boolean {
  const arrived = write.entry.receivedAtMs;
  const nicId = write.effect.nicId;
  const move = index.trace.events
    .filter(
      (event) =>
        event.nicId === nicId && event.kind === "out-of-band move" && event.atMs <= write.effect.atMs,
    )
    .at(-1);
  if (move === undefined || arrived === undefined) return false;
  if (move.atMs >= arrived) return true;
  const lastLook = index.trace.requests
    .filter(
      (entry) => entry.status === 200 && looksAt(entry, nicId) && (entry.receivedAtMs ?? Infinity) <= arrived,
    )
    .at(-1);
  if (lastLook === undefined || arrived - lastLook.receivedAtMs > LOOK_TO_SEND_MS) return false;
  const seenOn = lastLook.seen?.[nicId];
  return typeof seenOn === "string" && own.has(seenOn);
}

function looksAt(entry: RequestLogEntry, nicId: string): boolean {
  if (entry.action !== "DescribeNetworkInterfaces") return false;
  const nicIds = (entry.body as { nicIds?: unknown } | null)?.nicIds;
  return Array.isArray(nicIds) && nicIds.includes(nicId);
}

/** Detaches that lost the race of {@link foreignDetaches}: a figure for the report, not a violation. */
export function racedDetaches(index: TraceIndex): number {
  return index.writes.filter((write) => {
    const named = index.resourceOfNic(write.effect.nicId)?.instanceId;
    const bound = write.effect.instanceIdBefore;
    return (
      write.action === "DetachNetworkInterface" &&
      index.ownerOp(write) !== undefined &&
      named !== undefined &&
      bound !== null &&
      bound !== named &&
      raced(index, write, new Set([named]))
    );
  }).length;
}

/** Invariant 2: a delete that reports success must not leave the NIC on the instance (true state). */
export function attachedAfterDelete(index: TraceIndex): Violation[] {
  return index.trace.ops
    .filter((op) => op.kind === "delete" && op.outcome === "ok" && boundTo(op.nicAfter, op.targetInstanceId))
    .map((op) => ({
      invariant: 2 as const,
      resource: op.resource,
      opIndex: op.index,
      detail: `delete succeeded while the NIC was ${op.nicAfter?.status ?? "?"} on instance ${op.targetInstanceId}`,
    }));
}

/**
 * Invariant 4: a create or update attaches at most once. Attach is "state-checked" (a repeat is
 * refused while the NIC is bound), so a second applied attach means the NIC was freed and taken
 * again within one operation. That is a violation unless something outside the stack freed it in
 * between (an out-of-band detach, delete or move of that NIC): then attaching again is the
 * operation doing its job, not a retry gone wrong. Attaches are therefore counted per stretch of
 * time between such events.
 */
export function repeatedAttaches(index: TraceIndex): Violation[] {
  const perOp = new Map<string, string[]>();
  for (const write of index.writes) {
    if (write.action !== "AttachNetworkInterface" || !write.effect.applied) continue;
    const op = index.ownerOp(write);
    if (op === undefined || (op.kind !== "create" && op.kind !== "update")) continue;
    const freedBefore = index.trace.events.filter(
      (event) =>
        event.nicId === write.effect.nicId &&
        FREEING_EVENTS.has(event.kind) &&
        event.atMs < write.effect.atMs,
    ).length;
    const key = `${op.index}:${freedBefore}`;
    perOp.set(key, [...(perOp.get(key) ?? []), write.entry.requestId]);
  }
  const found: Violation[] = [];
  for (const [key, requestIds] of perOp) {
    if (requestIds.length < 2) continue;
    const opIndex = Number(key.split(":")[0]);
    const op = index.trace.ops.find((candidate) => candidate.index === opIndex);
    found.push({
      invariant: 4,
      resource: op?.resource ?? "?",
      opIndex,
      detail: `${requestIds.length} applied AttachNetworkInterface in one ${op?.kind ?? "operation"}: ${requestIds.join(", ")}`,
    });
  }
  return found;
}

/** Out-of-band events that free a NIC from its instance (see chaosAgent). */
const FREEING_EVENTS: ReadonlySet<string> = new Set([
  "out-of-band detach",
  "out-of-band delete",
  "out-of-band move",
]);
