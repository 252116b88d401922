import type { InstanceRecord, NicRecord } from "../state/records";
import type { ActionContext } from "./actionTypes";
import type { BusinessErrorKey } from "./errorCodes";
import { businessError } from "./errorCodes";

/** The true NIC record, or the generation's not-found error. */
export function requireNic(context: ActionContext, nicId: string): NicRecord {
  const nic = context.runtime.engine.store.nics.get(nicId);
  if (nic === undefined)
    throw businessError("nicNotFound", context.runtime.settings.errorCodes, `nicId ${nicId}`);
  return nic;
}

/** The true instance record, or the generation's not-found error. */
export function requireInstance(context: ActionContext, instanceId: string): InstanceRecord {
  const instance = context.runtime.engine.store.instances.get(instanceId);
  if (instance === undefined) {
    throw businessError("instanceNotFound", context.runtime.settings.errorCodes, `instanceId ${instanceId}`);
  }
  return instance;
}

/** Throws the error for a violated rule, if any, in the configured generation. */
export function rejectViolation(
  context: ActionContext,
  violation: BusinessErrorKey | null,
  subject: string,
): void {
  if (violation !== null) throw businessError(violation, context.runtime.settings.errorCodes, subject);
}
