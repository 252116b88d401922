import type { RequestLogEntry, WriteEffect } from "../../../simulator/index";
import type { CommandName } from "../../chaos/plan";
import { commandOps } from "../../chaos/trace";
import type { CommandRecord, NicView, OpRecord, ResourceSpec, RunTrace, StackView } from "../../chaos/trace";

/** Hand-made runs for the checker's own tests: one attachment r0 of NIC → OWN, and another instance. */
export const NIC = "2000000000000000001";
export const OWN = "1000000000000000001";
export const OTHER = "1000000000000000002";
export const T0 = 1_700_000_000_000;
export const SECRET = "chaos-secret-0-fixture";

export const SPEC: ResourceSpec = {
  name: "r0",
  nicId: NIC,
  instanceId: OWN,
  createTimeoutMs: 5000,
  deleteTimeoutMs: 5000,
};
export const USED_OWN: NicView = { instanceId: OWN, status: "USED" };
export const FREE: NicView = { instanceId: null, status: "AVAILABLE" };

/** A handler call of r0 from `startMs` to `endMs` (relative to T0), in command `index` unless `extra` says otherwise. */
export function op(
  index: number,
  kind: OpRecord["kind"],
  outcome: OpRecord["outcome"],
  [startMs, endMs]: [number, number],
  nicAfter: NicView | null,
  extra: Partial<OpRecord> = {},
): OpRecord {
  const removed =
    (kind === "create" && outcome === "failed") ||
    outcome === "dropped" ||
    (kind === "delete" && outcome === "ok");
  return {
    index,
    command: index,
    resource: SPEC.name,
    kind,
    startMs: T0 + startMs,
    endMs: T0 + endMs,
    targetInstanceId: OWN,
    ...(kind === "read" ? {} : { timeoutMs: 5000 }),
    outcome,
    inStateAfter: !removed,
    nicAfter,
    ...extra,
  };
}

/** A NIC write that ran at `atMs` (relative to T0) on the NIC as `before` describes it. */
export function write(
  action: "AttachNetworkInterface" | "DetachNetworkInterface",
  atMs: number,
  before: NicView,
  applied: boolean,
  fault?: string,
): RequestLogEntry {
  const effect: WriteEffect = {
    nicId: NIC,
    instanceIdBefore: before.instanceId,
    statusBefore: before.status,
    ...(action === "AttachNetworkInterface" ? { targetInstanceId: OWN } : {}),
    applied,
    atMs: T0 + atMs,
  };
  return {
    time: new Date(T0 + atMs).toISOString(),
    receivedAtMs: T0 + atMs,
    action,
    version: "2025-09-01",
    status: fault === undefined ? 200 : 0,
    requestId: `T-${action}-${atMs}`,
    body: action === "AttachNetworkInterface" ? { nicId: NIC, instanceId: OWN } : { nicId: NIC },
    ...(fault === undefined ? {} : { fault }),
    effect,
  };
}

/** A DescribeNetworkInterfaces of the NIC that arrived at `atMs` (relative to T0), answered with it on `seenOn`. */
export function look(atMs: number, seenOn: string | null = OWN): RequestLogEntry {
  return {
    time: new Date(T0 + atMs).toISOString(),
    receivedAtMs: T0 + atMs,
    action: "DescribeNetworkInterfaces",
    version: "2025-09-01",
    status: 200,
    requestId: `T-look-${atMs}`,
    body: { nicIds: [NIC], pageSize: 1 },
    seen: { [NIC]: seenOn },
  };
}

const COMMAND_OF: Record<OpRecord["kind"], CommandName> = {
  create: "up",
  update: "up",
  read: "refresh",
  delete: "destroy",
};

/** A handler run; by default r0 ends out of state with its NIC free, and each operation has a command of its own. */
export function trace(parts: Partial<RunTrace>): RunTrace {
  const ops = parts.ops ?? [];
  const commands = [...new Map(ops.map((o) => [o.command, o])).values()].map((o): CommandRecord => ({
    index: o.command,
    name: COMMAND_OF[o.kind],
    phase: "chaos",
    startMs: o.startMs,
    endMs: o.endMs,
    ok: ops.every(
      (other) => other.command !== o.command || other.outcome === "ok" || other.outcome === "dropped",
    ),
    nicsAfter: {},
  }));
  return {
    executor: "handlers",
    seed: 42,
    startMs: T0,
    setup: "handlers in process",
    requestTimeoutMs: 2000,
    secrets: [SECRET],
    resources: [SPEC],
    instanceIds: [OWN, OTHER],
    commands,
    ops,
    requests: [],
    events: [],
    logs: [],
    files: [],
    final: { r0: { inState: false, nic: FREE } },
    orphansAliveAtEnd: 0,
    ...parts,
  };
}

/** The stack holding r0 on `instanceId`. */
export function holding(instanceId: string = OWN): StackView {
  return { attachments: [{ resource: SPEC.name, id: `${NIC}:${instanceId}`, instanceId }], pending: [] };
}
export const EMPTY: StackView = { attachments: [], pending: [] };

/** An engine command from `startMs` to `endMs` (relative to T0). */
export function command(
  index: number,
  name: CommandName,
  [startMs, endMs]: [number, number],
  nicAfter: NicView | null,
  extra: Partial<CommandRecord> = {},
): CommandRecord {
  return {
    index,
    name,
    phase: name === "destroy" ? "destroy" : "chaos",
    startMs: T0 + startMs,
    endMs: T0 + endMs,
    ok: true,
    exit: "exit code 0",
    output: "",
    steps: [],
    stateAfter: name === "destroy" ? EMPTY : holding(),
    exportText: "{}",
    nicsAfter: { [SPEC.name]: nicAfter },
    ...extra,
  };
}

/** An engine run (its operations made from its commands, as the executor makes them); by default r0's NIC ends free. */
export function engineTrace(parts: Partial<RunTrace> & { finalNic?: NicView }): RunTrace {
  const { finalNic = FREE, ...rest } = parts;
  const commands = rest.commands ?? [];
  const last = commands.findLast((c) => c.stateAfter !== undefined)?.stateAfter;
  const inState = last?.attachments.some((attachment) => attachment.resource === SPEC.name);
  const { requestTimeoutMs: _handlersOnly, ...base } = trace({
    executor: "engine",
    setup: "inline program, env credentials",
    ops: commandOps(commands, [SPEC]),
    final: { r0: { ...(inState === undefined ? {} : { inState }), nic: finalNic } },
    ...rest,
    commands,
  });
  return base;
}
