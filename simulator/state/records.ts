import type {
  WireDataDisk,
  WireInstanceStatus,
  WireNicStatus,
  WireNicSubnetType,
  WireNicType,
  WireTag,
} from "../types/wire";

/**
 * The simulator's own mutable records. They hold a little more than the wire shapes (the load
 * balancer flag, numeric times) and are rendered into WireNic/WireInstance per API version.
 * Plain data only, so `structuredClone` gives a faithful snapshot for stale reads. Resource
 * group names are copied in: groups never change, and rendering then needs no lookups.
 * @internal
 */
export interface NicRecord {
  nicId: string;
  name: string;
  status: WireNicStatus;
  nicType: WireNicType;
  regionId: string;
  nicSubnetType: WireNicSubnetType;
  primaryIpv4: string | null;
  primaryIpv6: string | null;
  ipv6Cidr: string | null;
  macAddress: string;
  /** Set from the moment an attach is accepted (ATTACHING) until a detach completes. */
  instanceId: string | null;
  vpcId: string;
  subnetId: string;
  securityGroupId: string;
  resourceGroupId: string;
  resourceGroupName: string;
  tags: WireTag[];
  createTime: number;
  updateTime: number;
  loadBalancerAssociated: boolean;
}

/** @see NicRecord @internal */
export interface InstanceRecord {
  instanceId: string;
  instanceName: string;
  zoneId: string;
  regionId: string;
  status: WireInstanceStatus;
  createTime: number;
  systemDiskId: string;
  imageId: string | null;
  imageName: string | null;
  publicIpAddresses: string[];
  dataDisks: WireDataDisk[];
  resourceGroupId: string;
  resourceGroupName: string;
  tags: WireTag[];
}

/** A subnet: it fixes a NIC's region and VPC and hands out private addresses from 10.<octet>.0.0/16. @internal */
export interface SubnetRecord {
  subnetId: string;
  regionId: string;
  vpcId: string;
  securityGroupId: string;
  octet: number;
  nextHost: number;
}

/** The region every default resource lives in. @internal */
export const DEFAULT_REGION = "asia-east-1";

/**
 * A zone id is its region id plus a one-letter suffix (`asia-east-1a` → `asia-east-1`); an id
 * without such a suffix is taken to be its own region.
 * @internal
 */
export function regionOfZone(zoneId: string): string {
  return /\d[a-z]$/.test(zoneId) ? zoneId.slice(0, -1) : zoneId;
}

/** The rule behind INVALID_NIC_INSTANCE_REGION_MISMATCH: the zone must belong to the NIC's region. @internal */
export function zoneInRegion(zoneId: string, regionId: string): boolean {
  return regionOfZone(zoneId) === regionId;
}

/** ISO-8601 UTC without fractions, the format of every time field the API returns. @internal */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
