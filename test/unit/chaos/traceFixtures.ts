import type { RequestLogEntry, WriteEffect } from "../../../simulator/index";
import type { NicView, OpRecord, ResourceSpec, RunTrace } from "../../chaos/trace";

/** Hand-made traces for the checker's own tests: one resource, its NIC, two instances. */
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

/** An operation of r0 from `startMs` to `endMs` (relative to T0). */
export function op(
  index: number,
  kind: OpRecord["kind"],
  outcome: OpRecord["outcome"],
  [startMs, endMs]: [number, number],
  nicAfter: NicView | null,
  extra: Partial<OpRecord> = {},
): OpRecord {
  const timed = kind === "read" ? {} : { timeoutMs: 5000 };
  return {
    index,
    resource: SPEC.name,
    kind,
    round: 0,
    startMs: T0 + startMs,
    endMs: T0 + endMs,
    targetInstanceId: OWN,
    ...timed,
    outcome,
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

/** A whole trace; by default r0 ends out of state with its NIC free. */
export function trace(parts: Partial<RunTrace>): RunTrace {
  return {
    seed: 42,
    startMs: T0,
    requestTimeoutMs: 2000,
    secrets: [SECRET],
    resources: [SPEC],
    ops: [],
    requests: [],
    logs: [],
    events: [],
    final: { r0: { inState: false, nic: FREE } },
    ...parts,
  };
}

/**
 * A DescribeNetworkInterfaces of the NIC that arrived at `atMs` (relative to T0) and was answered
 * with the NIC on `seenOn` (null: unattached).
 */
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
