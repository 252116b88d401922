/**
 * Seed documents from JSON (a `--seed-file` or `POST /_simulator/seed`). Seeds are trusted test
 * input, but typed by hand: every field is checked here, so a typo fails with its path instead of
 * producing odd state. Contradictions between seeded resources are the seeder's to find.
 * @packageDocumentation
 */

import type {
  DataDiskSeed,
  InstanceSeed,
  NicSeed,
  ResourceGroupSeed,
  SecurityGroupSeed,
  SeedDocument,
  SubnetSeed,
} from "../types/seed";
import type { WireTag } from "../types/wire";
import { INSTANCE_STATUSES, NIC_STATUSES, NIC_SUBNET_TYPES, NIC_TYPES } from "../types/wire";
import type { JsonObject } from "./schemas";
import {
  asList,
  asObject,
  onlyKeys,
  optBoolean,
  optEnum,
  optNumber,
  optString,
  withoutUndefined,
} from "./schemas";

function requiredString(obj: JsonObject, key: string, where: string): string {
  const value = optString(obj, key, where);
  if (value === undefined) throw new Error(`${where}.${key} is required`);
  return value;
}

function parseStrings(value: unknown, where: string): string[] | undefined {
  return asList(value, where, (item, at) => {
    if (typeof item !== "string") throw new Error(`${at} must be a string`);
    return item;
  });
}

function parseTags(value: unknown, where: string): WireTag[] | undefined {
  return asList(value, where, (item, at) => {
    const obj = asObject(item, at);
    onlyKeys(obj, ["key", "value"], at);
    return { key: requiredString(obj, "key", at), value: requiredString(obj, "value", at) };
  });
}

function parseResourceGroup(value: unknown, where: string): ResourceGroupSeed {
  const obj = asObject(value, where);
  onlyKeys(obj, ["resourceGroupId", "resourceGroupName"], where);
  return withoutUndefined<ResourceGroupSeed>({
    resourceGroupId: requiredString(obj, "resourceGroupId", where),
    resourceGroupName: optString(obj, "resourceGroupName", where),
  });
}

function parseSecurityGroup(value: unknown, where: string): SecurityGroupSeed {
  const obj = asObject(value, where);
  onlyKeys(obj, ["securityGroupId"], where);
  return { securityGroupId: requiredString(obj, "securityGroupId", where) };
}

function parseSubnet(value: unknown, where: string): SubnetSeed {
  const obj = asObject(value, where);
  onlyKeys(obj, ["subnetId", "regionId", "vpcId"], where);
  return withoutUndefined<SubnetSeed>({
    subnetId: requiredString(obj, "subnetId", where),
    regionId: optString(obj, "regionId", where),
    vpcId: optString(obj, "vpcId", where),
  });
}

const DISK_KEYS = ["diskId", "diskName", "diskSize", "diskCategory", "portable", "burstingEnabled"];

function parseDataDisk(value: unknown, where: string): DataDiskSeed {
  const obj = asObject(value, where);
  onlyKeys(obj, DISK_KEYS, where);
  return withoutUndefined<DataDiskSeed>({
    diskId: optString(obj, "diskId", where),
    diskName: optString(obj, "diskName", where),
    diskSize: optNumber(obj, "diskSize", where),
    diskCategory: optString(obj, "diskCategory", where),
    portable: optBoolean(obj, "portable", where),
    burstingEnabled: optBoolean(obj, "burstingEnabled", where),
  });
}

const INSTANCE_KEYS = [
  "instanceId",
  "instanceName",
  "zoneId",
  "regionId",
  "status",
  "primaryNic",
  "primaryNicId",
  "subnetId",
  "imageId",
  "imageName",
  "publicIpAddresses",
  "dataDisks",
  "resourceGroupId",
  "tags",
];

function parseInstance(value: unknown, where: string): InstanceSeed {
  const obj = asObject(value, where);
  onlyKeys(obj, INSTANCE_KEYS, where);
  return withoutUndefined<InstanceSeed>({
    instanceId: optString(obj, "instanceId", where),
    instanceName: optString(obj, "instanceName", where),
    zoneId: optString(obj, "zoneId", where),
    regionId: optString(obj, "regionId", where),
    status: optEnum(obj, "status", where, INSTANCE_STATUSES),
    primaryNic: optBoolean(obj, "primaryNic", where),
    primaryNicId: optString(obj, "primaryNicId", where),
    subnetId: optString(obj, "subnetId", where),
    imageId: optString(obj, "imageId", where),
    imageName: optString(obj, "imageName", where),
    publicIpAddresses: parseStrings(obj["publicIpAddresses"], `${where}.publicIpAddresses`),
    dataDisks: asList(obj["dataDisks"], `${where}.dataDisks`, parseDataDisk),
    resourceGroupId: optString(obj, "resourceGroupId", where),
    tags: parseTags(obj["tags"], `${where}.tags`),
  });
}

const NIC_KEYS = [
  "nicId",
  "name",
  "regionId",
  "vpcId",
  "subnetId",
  "instanceId",
  "nicType",
  "status",
  "loadBalancerAssociated",
  "nicSubnetType",
  "securityGroupId",
  "resourceGroupId",
  "tags",
];

function parseNic(value: unknown, where: string): NicSeed {
  const obj = asObject(value, where);
  onlyKeys(obj, NIC_KEYS, where);
  return withoutUndefined<NicSeed>({
    nicId: optString(obj, "nicId", where),
    name: optString(obj, "name", where),
    regionId: optString(obj, "regionId", where),
    vpcId: optString(obj, "vpcId", where),
    subnetId: optString(obj, "subnetId", where),
    instanceId: optString(obj, "instanceId", where),
    nicType: optEnum(obj, "nicType", where, NIC_TYPES),
    status: optEnum(obj, "status", where, NIC_STATUSES),
    loadBalancerAssociated: optBoolean(obj, "loadBalancerAssociated", where),
    nicSubnetType: optEnum(obj, "nicSubnetType", where, NIC_SUBNET_TYPES),
    securityGroupId: optString(obj, "securityGroupId", where),
    resourceGroupId: optString(obj, "resourceGroupId", where),
    tags: parseTags(obj["tags"], `${where}.tags`),
  });
}

/** Validates a seed document from JSON (a `--seed-file` or `POST /_simulator/seed`). @internal */
export function parseSeedDocument(value: unknown): SeedDocument {
  const obj = asObject(value, "seed");
  onlyKeys(obj, ["resourceGroups", "securityGroups", "subnets", "instances", "nics"], "seed");
  return withoutUndefined<SeedDocument>({
    resourceGroups: asList(obj["resourceGroups"], "seed.resourceGroups", parseResourceGroup),
    securityGroups: asList(obj["securityGroups"], "seed.securityGroups", parseSecurityGroup),
    subnets: asList(obj["subnets"], "seed.subnets", parseSubnet),
    instances: asList(obj["instances"], "seed.instances", parseInstance),
    nics: asList(obj["nics"], "seed.nics", parseNic),
  });
}
