import type { BusinessErrorKey } from "../api/errorCodes";
import type { NicStatus } from "../types/wire";
import type { InstanceRecord, NicRecord } from "./records";
import { zoneInRegion } from "./records";

/**
 * The NIC life cycle (reference §4.2). Every write is two-phase: the API call moves the NIC into
 * an in-flight status at once, and a timer settles it later:
 *
 *   Create  → PENDING   → AVAILABLE (or CREATE_FAILED)
 *   Attach  AVAILABLE → ATTACHING → USED        (instanceId set already while ATTACHING)
 *   Detach  USED      → DETACHING → AVAILABLE   (instanceId cleared only when AVAILABLE)
 *   Delete  AVAILABLE | CREATE_FAILED → DELETING → gone
 *
 * The rule checks below return the violated rule, in the order the simulator checks them, or
 * null when the write is allowed. They read records only, so they are pure.
 */
export const NIC_IN_FLIGHT_STATUS = {
  create: "PENDING",
  attach: "ATTACHING",
  detach: "DETACHING",
  delete: "DELETING",
} as const satisfies Record<string, NicStatus>;

/** Statuses from which DeleteNetworkInterface is accepted. */
export const NIC_DELETABLE_STATUSES: readonly NicStatus[] = ["AVAILABLE", "CREATE_FAILED"];

/** Inputs of the attach rules; `attachedCount` counts every NIC already on the instance, primary included. */
export interface AttachCheck {
  readonly nic: NicRecord;
  readonly instance: InstanceRecord;
  readonly attachedCount: number;
  readonly nicLimit: number;
}

/** Attach needs an unattached AVAILABLE NIC, a RUNNING instance in its region, and a free NIC slot. */
export function attachViolation(check: AttachCheck): BusinessErrorKey | null {
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
 */
export function detachViolation(
  nic: NicRecord,
  instance: InstanceRecord | undefined,
): BusinessErrorKey | null {
  if (nic.nicType === "Primary") return "nicPrimaryCantDetach";
  if (nic.instanceId === null) return "nicNotAttached";
  if (nic.status !== "USED") return "nicStatus";
  if (instance === undefined) return "instanceNotFound";
  if (instance.status !== "RUNNING") return "instanceStatusNotSupport";
  if (nic.loadBalancerAssociated) return "nicLbAssociated";
  return null;
}

/** Delete needs a secondary, unattached NIC in a settled status. */
export function deleteViolation(nic: NicRecord): BusinessErrorKey | null {
  if (nic.nicType === "Primary") return "nicPrimaryCantDelete";
  if (nic.instanceId !== null) return "nicAttachedOnDelete";
  if (!NIC_DELETABLE_STATUSES.includes(nic.status)) return "nicStatus";
  return null;
}

/** What an in-flight status becomes when its transition completes. */
export type NicSettlement = { readonly status: NicStatus; readonly clearInstance: boolean } | "gone";

/** The settled form of an in-flight status, or null when the status is already settled. */
export function settleNic(status: NicStatus, createFails: boolean): NicSettlement | null {
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
