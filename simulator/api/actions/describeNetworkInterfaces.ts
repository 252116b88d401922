import { renderNicFor } from "../../state/render";
import type { NicRecord } from "../../state/records";
import { NIC_STATUSES, NIC_SUBNET_TYPES, NIC_TYPES } from "../../types/wire";
import type { ActionHandler } from "../actionTypes";
import type { Params } from "../validate";
import {
  MAX_IDS_PER_REQUEST,
  optionalEnum,
  optionalString,
  optionalStringList,
  page,
  paging,
} from "../validate";

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
 */
export const describeNetworkInterfaces: ActionHandler = (params, context) => {
  const matches = nicFilter(params);
  const pages = paging(params);
  const found = context.runtime.engine.readNics().filter(matches);
  const { totalCount, dataSet } = page(found, pages);
  return { totalCount, dataSet: dataSet.map((nic) => renderNicFor(nic, context.version)) };
};
