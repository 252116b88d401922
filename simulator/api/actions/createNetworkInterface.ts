import { NIC_SUBNET_TYPES } from "../../types/wire";
import type { ActionHandler } from "../actionTypes";
import { businessError } from "../errorCodes";
import { optionalEnum, optionalString, requiredString, validateNicName } from "../validate";

/**
 * CreateNetworkInterface: `name` and `subnetId` required; region and VPC follow from the
 * subnet. Returns `nicId` at once; the NIC is PENDING, then AVAILABLE (or CREATE_FAILED when
 * the createFailureRate fault fires). Version 2024-04-01 names the stack field `stackType`.
 * Billing, EIP and tag parameters are accepted and ignored.
 */
export const createNetworkInterface: ActionHandler = (params, context) => {
  const name = requiredString(params, "name");
  validateNicName(name);
  const subnetId = requiredString(params, "subnetId");
  const stackField = context.version === "2024-04-01" ? "stackType" : "nicStackType";
  const stack = optionalEnum(params, stackField, NIC_SUBNET_TYPES) ?? "IPv4";
  const securityGroupId = optionalString(params, "securityGroupId");
  const resourceGroupId = optionalString(params, "resourceGroupId");
  const engine = context.runtime.engine;
  const subnet = engine.store.subnets.get(subnetId);
  if (subnet === undefined) {
    throw businessError("subnetNotFound", context.runtime.settings.errorCodes, `subnetId ${subnetId}`);
  }
  const nic = engine.createNic({ name, subnet, nicSubnetType: stack, securityGroupId, resourceGroupId });
  return { nicId: nic.nicId };
};
