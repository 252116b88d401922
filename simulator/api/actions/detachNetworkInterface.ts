import { detachViolation } from "../../state/nicStateMachine";
import type { ActionHandler } from "../actionTypes";
import { rejectViolation, requireNic } from "../lookup";
import { requiredString } from "../validate";

/**
 * DetachNetworkInterface: takes only `nicId`. Accepted at once, the NIC shows DETACHING (still
 * with its `instanceId`) and becomes AVAILABLE with `instanceId: null` after the delay.
 */
export const detachNetworkInterface: ActionHandler = (params, context) => {
  const nicId = requiredString(params, "nicId");
  const nic = requireNic(context, nicId);
  const instance =
    nic.instanceId === null ? undefined : context.runtime.engine.store.instances.get(nic.instanceId);
  rejectViolation(context, detachViolation(nic, instance), `nicId ${nicId}`);
  context.runtime.engine.detachNic(nic);
  return {};
};
