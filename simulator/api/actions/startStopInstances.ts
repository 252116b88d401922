import { startViolation, stopViolation } from "../../state/instanceStateMachine";
import type { InstanceRecord } from "../../state/records";
import type { BusinessErrorKey } from "../errorCodes";
import type { ActionContext, ActionHandler } from "../actionTypes";
import { rejectViolation, requireInstance } from "../lookup";
import { MAX_IDS_PER_REQUEST, optionalBoolean, requiredStringList } from "../validate";
import type { Params } from "../validate";

/**
 * Shared shape of StartInstances and StopInstances: every instance is checked before any is
 * changed, so a batch is all-or-nothing.
 */
function batch(
  params: Params,
  context: ActionContext,
  check: (instance: InstanceRecord) => BusinessErrorKey | null,
  apply: (instance: InstanceRecord) => void,
) {
  const instanceIds = requiredStringList(params, "instanceIds", MAX_IDS_PER_REQUEST);
  const instances = instanceIds.map((id) => requireInstance(context, id));
  for (const instance of instances)
    rejectViolation(context, check(instance), `instanceId ${instance.instanceId}`);
  for (const instance of instances) apply(instance);
  return {};
}

/** StartInstances: STOPPED → BOOTING → RUNNING. */
export const startInstances: ActionHandler = (params, context) =>
  batch(params, context, startViolation, (instance) => context.runtime.engine.startInstance(instance));

/** StopInstances: RUNNING → STOPPING → STOPPED (`forceShutdown` accepted; it changes nothing here). */
export const stopInstances: ActionHandler = (params, context) => {
  optionalBoolean(params, "forceShutdown");
  return batch(params, context, stopViolation, (instance) => context.runtime.engine.stopInstance(instance));
};
