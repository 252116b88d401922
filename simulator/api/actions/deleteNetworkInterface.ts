import { deleteViolation } from "../../state/nicStateMachine";
import type { ActionHandler } from "../actionTypes";
import { rejectViolation, requireNic } from "../lookup";
import { requiredString } from "../validate";

/**
 * DeleteNetworkInterface: accepted at once, the NIC shows DELETING and then disappears from
 * Describe (an empty `dataSet`); a second delete then gets the not-found error.
 */
export const deleteNetworkInterface: ActionHandler = (params, context) => {
  const nicId = requiredString(params, "nicId");
  const nic = requireNic(context, nicId);
  rejectViolation(context, deleteViolation(nic), `nicId ${nicId}`);
  context.runtime.engine.deleteNic(nic);
  return {};
};
