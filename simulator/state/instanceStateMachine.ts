import type { BusinessErrorKey } from "../api/errorCodes";
import type { InstanceStatus } from "../types/wire";
import type { InstanceRecord } from "./records";

/**
 * The part of the instance life cycle that matters to NIC attachment:
 *
 *   StartInstances  STOPPED → BOOTING  → RUNNING
 *   StopInstances   RUNNING → STOPPING → STOPPED
 *
 * Starting a non-STOPPED or stopping a non-RUNNING instance is refused with
 * OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT (our documented choice; the real behaviour is
 * not documented). Seeded transitional statuses settle like writes in flight.
 */
export const INSTANCE_IN_FLIGHT_STATUS = { start: "BOOTING", stop: "STOPPING" } as const satisfies Record<
  string,
  InstanceStatus
>;

/** StartInstances needs a STOPPED instance. */
export function startViolation(instance: InstanceRecord): BusinessErrorKey | null {
  return instance.status === "STOPPED" ? null : "instanceStatusNotSupport";
}

/** StopInstances needs a RUNNING instance. */
export function stopViolation(instance: InstanceRecord): BusinessErrorKey | null {
  return instance.status === "RUNNING" ? null : "instanceStatusNotSupport";
}

const SETTLES_TO: Partial<Record<InstanceStatus, InstanceStatus>> = {
  BOOTING: "RUNNING",
  STOPPING: "STOPPED",
  REBOOT: "RUNNING",
  PENDING: "RUNNING",
  DEPLOYING: "RUNNING",
  REBUILDING: "RUNNING",
};

/** The settled form of an in-flight status, or null when it does not move by itself. */
export function settleInstance(status: InstanceStatus): InstanceStatus | null {
  return SETTLES_TO[status] ?? null;
}
