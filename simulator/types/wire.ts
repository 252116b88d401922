/**
 * Wire shapes the simulator answers with, mirroring the ZEC 2025-09-01 models (reference §4.1, §5).
 * They are declared here rather than imported from `sdk/` so the simulator stays an independent
 * implementation of the service: a client bug cannot hide behind a shared type. The `Wire` prefix
 * keeps them apart from the sdk's types for the same concepts (`NicInfo`, `InstanceInfo`, ...),
 * whose shapes differ, so an editor's auto-import can never pick the wrong one.
 */

/** Every NIC status the real API documents; the simulator never invents others (no `CREATING`). @public */
export const NIC_STATUSES = [
  "PENDING",
  "AVAILABLE",
  "ATTACHING",
  "USED",
  "DETACHING",
  "DELETING",
  "CREATE_FAILED",
] as const;

/** A NIC status, as the simulator answers it; see {@link NIC_STATUSES}. @public */
export type WireNicStatus = (typeof NIC_STATUSES)[number];

/** `nicType` is the only way the API marks a primary NIC; there is no boolean flag. @public */
export const NIC_TYPES = ["Primary", "Secondary"] as const;

/** `Primary` or `Secondary`; see {@link NIC_TYPES}. @public */
export type WireNicType = (typeof NIC_TYPES)[number];

/** The NIC's IP stack, as reported in `nicSubnetType`. @public */
export const NIC_SUBNET_TYPES = ["IPv4", "IPv4_IPv6", "IPv6"] as const;

/** A NIC's IP stack; see {@link NIC_SUBNET_TYPES}. @public */
export type WireNicSubnetType = (typeof NIC_SUBNET_TYPES)[number];

/** The CLI enum plus the two extra states Terraform uses (`PENDING`, `REINSTALL_FAILED`). @public */
export const INSTANCE_STATUSES = [
  "PENDING",
  "DEPLOYING",
  "REBUILDING",
  "REBOOT",
  "RUNNING",
  "STOPPED",
  "BOOTING",
  "RELEASING",
  "STOPPING",
  "RECYCLE",
  "RECYCLING",
  "CREATE_FAILED",
  "IMAGING",
  "RESIZING",
  "REINSTALL_FAILED",
] as const;

/** An instance status, as the simulator answers it; see {@link INSTANCE_STATUSES}. @public */
export type WireInstanceStatus = (typeof INSTANCE_STATUSES)[number];

/** One tag; keys are unique per resource. @public */
export interface WireTag {
  key: string;
  value: string;
}

/** The API wraps tag lists in an object: `{tags: [...]}`. @public */
export interface WireTagSet {
  tags: WireTag[];
}

/** A resource group as the API nests it in a NIC: id and name together. @public */
export interface WireResourceGroup {
  resourceGroupId: string;
  resourceGroupName: string;
}

/**
 * One NIC exactly as `DescribeNetworkInterfaces` (version 2025-09-01) returns it. Absent values
 * are `null`, never missing; `instanceId` is `null` when the NIC is not attached.
 * @public
 */
export interface WireNic {
  nicId: string;
  name: string;
  status: WireNicStatus;
  nicType: WireNicType;
  regionId: string;
  nicSubnetType: WireNicSubnetType;
  publicIpList: string[];
  privateIpList: string[];
  primaryIpv4: string | null;
  primaryIpv6: string | null;
  ipv6Cidr: string | null;
  secondaryIpv4s: string[];
  macAddress: string;
  instanceId: string | null;
  vpcId: string;
  subnetId: string;
  createTime: string;
  updateTime: string;
  resourceGroup: WireResourceGroup;
  securityGroupId: string;
  tags: WireTagSet;
}

/** Version 2024-04-01 NicInfo lacks the two fields added later. @internal */
export type WireNicV20240401 = Omit<WireNic, "securityGroupId" | "tags">;

/** An instance's system disk (reference §5). @public */
export interface WireSystemDisk {
  diskId: string;
  diskSize: number;
  diskCategory: string;
  burstingEnabled: boolean;
}

/**
 * A data disk in `dataDisks`. The reference lists only `dataDisks[]`; the fields follow Zenlayer's
 * SDK model of a data disk, which adds a name and whether the disk can be detached (`portable`).
 * @public
 */
export interface WireDataDisk {
  diskId: string;
  diskName: string;
  diskSize: number;
  diskCategory: string;
  portable: boolean;
  burstingEnabled: boolean;
}

/**
 * One instance exactly as `DescribeInstances` returns it; `nics` lists every NIC whose
 * `instanceId` points at it (including ones still ATTACHING or DETACHING).
 * @public
 */
export interface WireInstance {
  instanceId: string;
  instanceName: string;
  zoneId: string;
  instanceType: string;
  cpu: number;
  memory: number;
  imageId: string | null;
  imageName: string | null;
  timeZone: string | null;
  nicNetworkType: string;
  status: WireInstanceStatus;
  systemDisk: WireSystemDisk | null;
  dataDisks: WireDataDisk[];
  publicIpAddresses: string[];
  privateIpAddresses: string[];
  keyId: string | null;
  subnetId: string | null;
  securityGroupId: string | null;
  enableAgent: boolean;
  enableAgentMonitor: boolean;
  enableIpForward: boolean;
  createTime: string;
  expiredTime: string | null;
  resourceGroupId: string;
  resourceGroupName: string;
  nics: WireNic[];
  tags: WireTagSet;
  loadBalancerIds: string[];
  placementGroupId: string | null;
  instanceOptions: { nestedVirtualization: boolean };
}

/** Protocol versions of the `zec` service the simulator answers. @internal */
export const SUPPORTED_VERSIONS = ["2025-09-01", "2024-04-01"] as const;

/** @internal */
export type ApiVersion = (typeof SUPPORTED_VERSIONS)[number];
