import type { InstanceSeed, NicSeed, SeedDocument, SubnetSeed } from "../types/seed";
import { INSTANCE_STATUSES, NIC_STATUSES, NIC_SUBNET_TYPES, NIC_TYPES } from "../types/wire";
import type { JsonObject } from "./jsonShape";
import { asList, asObject, onlyKeys, optBoolean, optEnum, optString, withoutUndefined } from "./jsonShape";

function parseSubnet(value: unknown, where: string): SubnetSeed {
  const obj = asObject(value, where);
  onlyKeys(obj, ["subnetId", "regionId", "vpcId"], where);
  const subnetId = optString(obj, "subnetId", where);
  if (subnetId === undefined) throw new Error(`${where}.subnetId is required`);
  return withoutUndefined<SubnetSeed>({
    subnetId,
    regionId: optString(obj, "regionId", where),
    vpcId: optString(obj, "vpcId", where),
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
];

function parseInstance(value: unknown, where: string): InstanceSeed {
  const obj: JsonObject = asObject(value, where);
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
  });
}

/** Validates a seed document from JSON (a `--seed-file` or `POST /_simulator/seed`). */
export function parseSeedDocument(value: unknown): SeedDocument {
  const obj = asObject(value, "seed");
  onlyKeys(obj, ["subnets", "instances", "nics"], "seed");
  return withoutUndefined<SeedDocument>({
    subnets: asList(obj["subnets"], "seed.subnets", parseSubnet),
    instances: asList(obj["instances"], "seed.instances", parseInstance),
    nics: asList(obj["nics"], "seed.nics", parseNic),
  });
}
