/**
 * The simulator's state machines: the NIC life cycle (reference §4.2) and the part of the
 * instance life cycle that matters to NIC attachment. Every write is two-phase: the API call
 * moves the resource into an in-flight status at once, and a timer (the engine's transition
 * scheduler) settles it later:
 *
 *   NIC Create      → PENDING   → AVAILABLE (or CREATE_FAILED)
 *   NIC Attach      AVAILABLE → ATTACHING → USED        (instanceId set already while ATTACHING)
 *   NIC Detach      USED      → DETACHING → AVAILABLE   (instanceId cleared only when AVAILABLE)
 *   NIC Delete      AVAILABLE | CREATE_FAILED → DELETING → gone
 *   StartInstances  STOPPED → BOOTING  → RUNNING
 *   StopInstances   RUNNING → STOPPING → STOPPED
 *
 * The rule checks below return the violated rule, in the order the simulator checks them, or
 * null when the write is allowed. They read records only, so they are pure.
 * @packageDocumentation
 */
import type { WireInstanceStatus, WireNicStatus } from "../types/wire";
import type { InstanceRecord, NicRecord } from "./records";
import { zoneInRegion } from "./records";

/**
 * The rule a write breaks, named by the state machine alone; the API's error catalogue says which
 * code and status each documentation generation reports for it.
 * @internal
 */
export type RuleViolation =
  | "nicAttached"
  | "nicAttachedOnDelete"
  | "nicNotAttached"
  | "nicStatus"
  | "nicPrimaryCantDetach"
  | "nicPrimaryCantDelete"
  | "nicLbAssociated"
  | "nicRegionMismatch"
  | "instanceNicLimit"
  | "instanceNotFound"
  | "instanceStatusNotSupport";

/** The status each NIC write moves the NIC into at once. @internal */
export const NIC_IN_FLIGHT_STATUS = {
  create: "PENDING",
  attach: "ATTACHING",
  detach: "DETACHING",
  delete: "DELETING",
} as const satisfies Record<string, WireNicStatus>;

/** Statuses from which DeleteNetworkInterface is accepted. @internal */
export const NIC_DELETABLE_STATUSES: readonly WireNicStatus[] = ["AVAILABLE", "CREATE_FAILED"];

/** Inputs of the attach rules; `attachedCount` counts every NIC already on the instance, primary included. @internal */
export interface AttachCheck {
  readonly nic: NicRecord;
  readonly instance: InstanceRecord;
  readonly attachedCount: number;
  readonly nicLimit: number;
}

/** Attach needs an unattached AVAILABLE NIC, a RUNNING instance in its region, and a free NIC slot. @internal */
export function attachViolation(check: AttachCheck): RuleViolation | null {
  const { nic, instance } = check;
  if (nic.instanceId !== null) return "nicAttached";
  if (nic.status !== "AVAILABLE") return "nicStatus";
  if (instance.status !== "RUNNING") return "instanceStatusNotSupport";
  if (!zoneInRegion(instance.zoneId, nic.regionId)) return "nicRegionMismatch";
  if (check.attachedCount >= check.nicLimit) return "instanceNicLimit";
  return null;
}

/**
 * Detach needs a secondary NIC that is USED on a RUNNING instance and backs no load balancer.
 * `instance` is the record the NIC points at (undefined if it vanished out of band).
 * @internal
 */
export function detachViolation(nic: NicRecord, instance: InstanceRecord | undefined): RuleViolation | null {
  if (nic.nicType === "Primary") return "nicPrimaryCantDetach";
  if (nic.instanceId === null) return "nicNotAttached";
  if (nic.status !== "USED") return "nicStatus";
  if (instance === undefined) return "instanceNotFound";
  if (instance.status !== "RUNNING") return "instanceStatusNotSupport";
  if (nic.loadBalancerAssociated) return "nicLbAssociated";
  return null;
}

/** Delete needs a secondary, unattached NIC in a settled status. @internal */
export function deleteViolation(nic: NicRecord): RuleViolation | null {
  if (nic.nicType === "Primary") return "nicPrimaryCantDelete";
  if (nic.instanceId !== null) return "nicAttachedOnDelete";
  if (!NIC_DELETABLE_STATUSES.includes(nic.status)) return "nicStatus";
  return null;
}

/**
 * Modify (rename, security group) needs a settled NIC: AVAILABLE or USED, the statuses the
 * documented IP actions require too (our choice; the Modify page only lists INVALID_NIC_STATUS).
 */
export function modifyViolation(nic: NicRecord): RuleViolation | null {
  return nic.status === "AVAILABLE" || nic.status === "USED" ? null : "nicStatus";
}

/** What an in-flight status becomes when its transition completes. @internal */
export type NicSettlement = { readonly status: WireNicStatus; readonly clearInstance: boolean } | "gone";

/** The settled form of an in-flight status, or null when the status is already settled. @internal */
export function settleNic(status: WireNicStatus, createFails: boolean): NicSettlement | null {
  switch (status) {
    case "PENDING":
      return { status: createFails ? "CREATE_FAILED" : "AVAILABLE", clearInstance: false };
    case "ATTACHING":
      return { status: "USED", clearInstance: false };
    case "DETACHING":
      return { status: "AVAILABLE", clearInstance: true };
    case "DELETING":
      return "gone";
    default:
      return null;
  }
}

/**
 * The status each instance write moves the instance into at once. Starting a non-STOPPED or
 * stopping a non-RUNNING instance is refused with OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT
 * (our documented choice; the real behaviour is not documented). Seeded transitional statuses
 * settle like writes in flight.
 * @internal
 */
export const INSTANCE_IN_FLIGHT_STATUS = { start: "BOOTING", stop: "STOPPING" } as const satisfies Record<
  string,
  WireInstanceStatus
>;

/** StartInstances needs a STOPPED instance. @internal */
export function startViolation(instance: InstanceRecord): RuleViolation | null {
  return instance.status === "STOPPED" ? null : "instanceStatusNotSupport";
}

/** StopInstances needs a RUNNING instance. @internal */
export function stopViolation(instance: InstanceRecord): RuleViolation | null {
  return instance.status === "RUNNING" ? null : "instanceStatusNotSupport";
}

const SETTLES_TO: Partial<Record<WireInstanceStatus, WireInstanceStatus>> = {
  BOOTING: "RUNNING",
  STOPPING: "STOPPED",
  REBOOT: "RUNNING",
  PENDING: "RUNNING",
  DEPLOYING: "RUNNING",
  REBUILDING: "RUNNING",
};

/** The settled form of an in-flight status, or null when it does not move by itself. @internal */
export function settleInstance(status: WireInstanceStatus): WireInstanceStatus | null {
  return SETTLES_TO[status] ?? null;
}
