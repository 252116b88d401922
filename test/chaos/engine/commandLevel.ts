import { TraceIndex } from "../check/traceIndex";
import type { OpKind, OpRecord, RunTrace } from "../trace";
import { providerCommands } from "./trace";
import type { CommandRecord, EngineRunTrace } from "./trace";

/**
 * The engine runs' checker reuses the handler checker's rules where the logic is the same (the
 * race window of a detach, attaches counted between out-of-band changes). For them, each command
 * is one "operation" per resource, so that a write belongs to the command that was running when
 * the server ran it (or the last one started before).
 */

/** The handler operation each command stands for. */
const KIND_OF: Readonly<Record<string, OpKind>> = {
  up: "create",
  "up --refresh": "create",
  refresh: "read",
  "refresh --clear-pending-creates": "read",
  destroy: "delete",
};

/** The run as the handler checker sees it: one operation per provider command and resource. */
export interface CommandLevel {
  readonly index: TraceIndex;
  /** The command each operation stands for. */
  readonly commandOf: ReadonlyMap<number, CommandRecord>;
}

/** The run as one operation per provider command (`cancel` runs none) and resource. */
export function commandLevel(trace: EngineRunTrace): CommandLevel {
  const ops: OpRecord[] = [];
  const commandOf = new Map<number, CommandRecord>();
  for (const command of providerCommands(trace)) {
    for (const spec of trace.resources) {
      const op: OpRecord = {
        index: ops.length,
        resource: spec.name,
        kind: KIND_OF[command.name] ?? "read",
        round: command.index,
        startMs: command.startMs,
        endMs: command.endMs,
        targetInstanceId: spec.instanceId,
        outcome: command.ok ? "ok" : "failed",
        nicAfter: command.nicsAfter[spec.name] ?? null,
      };
      commandOf.set(op.index, command);
      ops.push(op);
    }
  }
  const runTrace: RunTrace = {
    seed: trace.seed,
    startMs: trace.startMs,
    requestTimeoutMs: 0,
    secrets: trace.secrets,
    resources: trace.resources,
    ops,
    requests: trace.requests,
    logs: [],
    events: trace.events,
    final: Object.fromEntries(
      trace.resources.map((spec) => [spec.name, { inState: false, nic: trace.finalNics[spec.name] ?? null }]),
    ),
  };
  return { index: new TraceIndex(runTrace), commandOf };
}
