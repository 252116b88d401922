import { renderNicFor } from "../../state/render";
import type { NicRecord } from "../../state/records";
import {
  attachViolation,
  deleteViolation,
  detachViolation,
  modifyViolation,
} from "../../state/stateMachines";
import type { WireNicSubnetType } from "../../types/wire";
import { NIC_STATUSES, NIC_SUBNET_TYPES, NIC_TYPES } from "../../types/wire";
import { businessError, commonError } from "../errorCodes";
import { exactFilter, parseTagSet, tagFilter } from "../filters";
import type { ActionContext, ActionHandler } from "../actionContext";
import { rejectViolation, requireInstance, requireNic } from "../actionContext";
import type { Params } from "../validate";
import {
  MAX_IDS_PER_REQUEST,
  optionalEnum,
  optionalInteger,
  optionalNumber,
  optionalString,
  optionalStringList,
  page,
  paging,
  requiredString,
  validateNicName,
} from "../validate";

/** The public-IPv6 billing modes CreateNetworkInterface documents. */
const INTERNET_CHARGE_TYPES = ["ByBandwidth", "ByTrafficPackage", "BandwidthCluster"] as const;

/**
 * Checks the billing and EIP parameters, which the simulator does not model beyond this: a charge
 * type only makes sense for a NIC that gets IPv6 (OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT
 * otherwise, our reading of that documented code), and `BandwidthCluster` needs its `clusterId`.
 */
function checkBilling(params: Params, stack: WireNicSubnetType, context: ActionContext): void {
  const chargeType = optionalEnum(params, "internetChargeType", INTERNET_CHARGE_TYPES);
  optionalInteger(params, "bandwidth", 1, Number.MAX_SAFE_INTEGER);
  optionalNumber(params, "packageSize", 0);
  optionalEnum(params, "eipBindType", ["FullNat", "Passthrough"] as const);
  optionalStringList(params, "eipIds", MAX_IDS_PER_REQUEST);
  if (chargeType === "BandwidthCluster") requiredString(params, "clusterId");
  if (chargeType !== undefined && stack === "IPv4") {
    throw businessError(
      "internetChargeTypeNotSupport",
      context.runtime.settings.errorCodes,
      `nicStackType ${stack}`,
    );
  }
}

/** The subnet, security group and resource group a new NIC names, each of which must exist. */
function placement(params: Params, context: ActionContext) {
  const { store } = context.runtime.engine;
  const generation = context.runtime.settings.errorCodes;
  const subnetId = requiredString(params, "subnetId");
  const securityGroupId = optionalString(params, "securityGroupId");
  const resourceGroupId = optionalString(params, "resourceGroupId");
  const subnet = store.subnets.get(subnetId);
  if (subnet === undefined) throw businessError("subnetNotFound", generation, `subnetId ${subnetId}`);
  const resourceGroup = resourceGroupId === undefined ? undefined : store.resourceGroup(resourceGroupId);
  if (resourceGroupId !== undefined && resourceGroup === undefined) {
    throw businessError("resourceGroupNotFound", generation, `resourceGroupId ${resourceGroupId}`);
  }
  if (securityGroupId !== undefined && !store.securityGroups.has(securityGroupId)) {
    throw businessError("securityGroupNotFound", generation, `securityGroupId ${securityGroupId}`);
  }
  return { subnet, securityGroupId, resourceGroup };
}

/**
 * CreateNetworkInterface: `name` and `subnetId` required; region and VPC follow from the subnet;
 * the security group defaults to the VPC's, the resource group to the account's default; `tags`
 * are kept and returned by Describe. There is no parameter for the primary addresses, which are
 * allocated from the subnet. Returns `nicId` at once; the NIC is PENDING, then AVAILABLE (or
 * CREATE_FAILED when the createFailureRate fault fires). Version 2024-04-01 names the stack field
 * `stackType`. Billing and EIP parameters are checked, then ignored.
 * @internal
 */
export const createNetworkInterface: ActionHandler = (params, context) => {
  const name = requiredString(params, "name");
  validateNicName(name);
  const stackField = context.version === "2024-04-01" ? "stackType" : "nicStackType";
  const stack = optionalEnum(params, stackField, NIC_SUBNET_TYPES) ?? "IPv4";
  const tags = parseTagSet(params, "tags");
  const { subnet, securityGroupId, resourceGroup } = placement(params, context);
  checkBilling(params, stack, context);
  const nic = context.runtime.engine.createNic({
    name,
    subnet,
    nicSubnetType: stack,
    securityGroupId,
    resourceGroup,
    tags,
  });
  return { nicId: nic.nicId };
};

/**
 * ModifyNetworkInterfaceAttribute: renames the NIC and/or replaces its one security group (the
 * group it already has is accepted without error, as documented). Takes effect at once. Our
 * choices: at least one of `name` and `securityGroupId` (MISSING_PARAMETER otherwise), and only a
 * settled NIC (AVAILABLE or USED, as for the documented IP actions) may change (INVALID_NIC_STATUS).
 * @internal
 */
export const modifyNetworkInterfaceAttribute: ActionHandler = (params, context) => {
  const nicId = requiredString(params, "nicId");
  const name = optionalString(params, "name");
  if (name !== undefined) validateNicName(name);
  const securityGroupId = optionalString(params, "securityGroupId");
  if (name === undefined && securityGroupId === undefined) {
    throw commonError("MISSING_PARAMETER", "Give `name`, `securityGroupId` or both.");
  }
  const nic = requireNic(context, nicId);
  const store = context.runtime.engine.store;
  if (securityGroupId !== undefined && !store.securityGroups.has(securityGroupId)) {
    const generation = context.runtime.settings.errorCodes;
    throw businessError("securityGroupNotFound", generation, `securityGroupId ${securityGroupId}`);
  }
  rejectViolation(context, modifyViolation(nic), `nicId ${nicId}`);
  context.runtime.engine.modifyNic(nic, { name, securityGroupId });
  return {};
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
  const exact = EXACT_FILTERS.map((field) => [field, exactFilter(params, field)] as const);
  const status = optionalEnum(params, "status", NIC_STATUSES);
  const nicType = optionalEnum(params, "nicType", NIC_TYPES);
  const nicSubnetType = optionalEnum(params, "nicSubnetType", NIC_SUBNET_TYPES);
  const tagged = tagFilter(params);
  return (nic) =>
    (nicIds === undefined || nicIds.includes(nic.nicId)) &&
    (name === undefined || nic.name.toLowerCase().includes(name)) &&
    exact.every(([field, matches]) => matches(nic[field])) &&
    (status === undefined || nic.status === status) &&
    (nicType === undefined || nic.nicType === nicType) &&
    (nicSubnetType === undefined || nic.nicSubnetType === nicSubnetType) &&
    tagged(nic.tags);
}

/**
 * DescribeNetworkInterfaces: all filters optional and combined with AND, `name` a
 * case-insensitive substring match, results in creation order. Unknown ids simply match nothing
 * (an empty `dataSet`, never an error), which is how clients detect a deleted NIC. There is no
 * address filter in the documented request (`ipv4Address` belongs to DescribeInstances); like any
 * unknown parameter it is ignored, as a client relying on it would find with Zenlayer too.
 * @internal
 */
export const describeNetworkInterfaces: ActionHandler = (params, context) => {
  const matches = nicFilter(params);
  const pages = paging(params);
  const found = context.runtime.engine.readNics().filter(matches);
  const { totalCount, dataSet } = page(found, pages);
  return { totalCount, dataSet: dataSet.map((nic) => renderNicFor(nic, context.version)) };
};
