import { attachViolation } from "../../state/nicStateMachine";
import type { ActionHandler } from "../actionTypes";
import { rejectViolation, requireInstance, requireNic } from "../lookup";
import { requiredString } from "../validate";

/**
 * AttachNetworkInterface: accepted at once, the NIC shows ATTACHING (with `instanceId` already
 * set) and becomes USED after the transition delay. Rules in nicStateMachine.
 */
export const attachNetworkInterface: ActionHandler = (params, context) => {
  const nicId = requiredString(params, "nicId");
  const instanceId = requiredString(params, "instanceId");
  const nic = requireNic(context, nicId);
  const instance = requireInstance(context, instanceId);
  const store = context.runtime.engine.store;
  const violation = attachViolation({
    nic,
    instance,
    attachedCount: store.nicsAttachedTo(instanceId).length,
    nicLimit: context.runtime.settings.nicLimitPerInstance,
  });
  rejectViolation(context, violation, `nicId ${nicId}, instanceId ${instanceId}`);
  context.runtime.engine.attachNic(nic, instance);
  return {};
};
