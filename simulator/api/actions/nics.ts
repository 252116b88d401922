import { renderNicFor } from "../../state/render";
import type { NicRecord } from "../../state/records";
import { attachViolation, deleteViolation, detachViolation } from "../../state/stateMachines";
import { NIC_STATUSES, NIC_SUBNET_TYPES, NIC_TYPES } from "../../types/wire";
import { businessError } from "../errorCodes";
import type { ActionHandler } from "../router";
import { rejectViolation, requireInstance, requireNic } from "../router";
import type { Params } from "../validate";
import {
  MAX_IDS_PER_REQUEST,
  optionalEnum,
  optionalString,
  optionalStringList,
  page,
  paging,
  requiredString,
  validateNicName,
} from "../validate";

/**
 * CreateNetworkInterface: `name` and `subnetId` required; region and VPC follow from the
 * subnet. Returns `nicId` at once; the NIC is PENDING, then AVAILABLE (or CREATE_FAILED when
 * the createFailureRate fault fires). Version 2024-04-01 names the stack field `stackType`.
 * Billing, EIP and tag parameters are accepted and ignored.
 * @internal
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

/**
 * AttachNetworkInterface: accepted at once, the NIC shows ATTACHING (with `instanceId` already
 * set) and becomes USED after the transition delay. Rules in stateMachines.
 * @internal
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

/**
 * DetachNetworkInterface: takes only `nicId`. Accepted at once, the NIC shows DETACHING (still
 * with its `instanceId`) and becomes AVAILABLE with `instanceId: null` after the delay.
 * @internal
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

/**
 * DeleteNetworkInterface: accepted at once, the NIC shows DELETING and then disappears from
 * Describe (an empty `dataSet`); a second delete then gets the not-found error.
 * @internal
 */
export const deleteNetworkInterface: ActionHandler = (params, context) => {
  const nicId = requiredString(params, "nicId");
  const nic = requireNic(context, nicId);
  rejectViolation(context, deleteViolation(nic), `nicId ${nicId}`);
  context.runtime.engine.deleteNic(nic);
  return {};
};

/** Filters that compare one NicRecord field for equality. */
const EXACT_FILTERS = [
  "regionId",
  "vpcId",
  "subnetId",
  "instanceId",
  "resourceGroupId",
  "securityGroupId",
] as const satisfies readonly (keyof NicRecord)[];

function nicFilter(params: Params): (nic: NicRecord) => boolean {
  const nicIds = optionalStringList(params, "nicIds", MAX_IDS_PER_REQUEST);
  const name = optionalString(params, "name")?.toLowerCase();
  const exact = EXACT_FILTERS.map((field) => [field, optionalString(params, field)] as const);
  const status = optionalEnum(params, "status", NIC_STATUSES);
  const nicType = optionalEnum(params, "nicType", NIC_TYPES);
  const nicSubnetType = optionalEnum(params, "nicSubnetType", NIC_SUBNET_TYPES);
  return (nic) =>
    (nicIds === undefined || nicIds.includes(nic.nicId)) &&
    (name === undefined || nic.name.toLowerCase().includes(name)) &&
    exact.every(([field, wanted]) => wanted === undefined || nic[field] === wanted) &&
    (status === undefined || nic.status === status) &&
    (nicType === undefined || nic.nicType === nicType) &&
    (nicSubnetType === undefined || nic.nicSubnetType === nicSubnetType);
}

/**
 * DescribeNetworkInterfaces: all filters optional and combined with AND, `name` a
 * case-insensitive substring match, results in creation order. Unknown ids simply match nothing
 * (an empty `dataSet`, never an error), which is how clients detect a deleted NIC.
 * @internal
 */
export const describeNetworkInterfaces: ActionHandler = (params, context) => {
  const matches = nicFilter(params);
  const pages = paging(params);
  const found = context.runtime.engine.readNics().filter(matches);
  const { totalCount, dataSet } = page(found, pages);
  return { totalCount, dataSet: dataSet.map((nic) => renderNicFor(nic, context.version)) };
};
