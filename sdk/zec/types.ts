/**
 * Wire types for the ZEC API, version 2025-09-01, in the API's own field names so that a value
 * can be checked against Zenlayer's documentation without a mapping table. Absent values arrive as
 * `null`, hence the `| null` on optional-looking fields.
 * @packageDocumentation
 */
import type { ApiResponse } from "../client/attempt";

/**
 * NIC lifecycle states. Create: PENDING → AVAILABLE | CREATE_FAILED. Attach: AVAILABLE →
 * ATTACHING → USED. Detach: USED → DETACHING → AVAILABLE. Delete: AVAILABLE → DELETING → gone.
 * @public
 */
export type NicStatus =
  "PENDING" | "AVAILABLE" | "ATTACHING" | "USED" | "DETACHING" | "DELETING" | "CREATE_FAILED";

/** A primary NIC lives and dies with its instance; only secondary NICs can be detached. @public */
export type NicType = "Primary" | "Secondary";

/** The IP versions a NIC's subnet gives it; also the `nicStackType` a create asks for. @public */
export type NicSubnetType = "IPv4" | "IPv4_IPv6" | "IPv6";

/**
 * Instance states from Zenlayer's CLI metadata plus `PENDING` and `REINSTALL_FAILED`, which the
 * Terraform provider also handles. Attach and detach need `RUNNING`.
 * @public
 */
export type InstanceStatus =
  | "RUNNING"
  | "STOPPED"
  | "BOOTING"
  | "STOPPING"
  | "REBOOT"
  | "DEPLOYING"
  | "PENDING"
  | "REBUILDING"
  | "RELEASING"
  | "RECYCLE"
  | "RECYCLING"
  | "CREATE_FAILED"
  | "IMAGING"
  | "RESIZING"
  | "REINSTALL_FAILED";

/** One tag; on the wire a NIC's tags are a list of these inside `Tags`. @public */
export interface Tag {
  readonly key: string;
  readonly value: string;
}

/** Tags travel wrapped in an object, not as a bare list. @public */
export interface Tags {
  readonly tags: readonly Tag[];
}

/** The resource group a NIC belongs to, as Describe reports it (id and name together). @public */
export interface ResourceGroupInfo {
  readonly resourceGroupId: string;
  readonly resourceGroupName: string;
}

/** A virtual NIC as DescribeNetworkInterfaces and DescribeInstances return it. @public */
export interface NicInfo {
  readonly nicId: string;
  readonly name: string;
  readonly status: NicStatus;
  readonly nicType: NicType;
  readonly regionId: string;
  readonly nicSubnetType?: NicSubnetType | null;
  readonly publicIpList?: readonly string[] | null;
  readonly privateIpList?: readonly string[] | null;
  readonly primaryIpv4?: string | null;
  readonly primaryIpv6?: string | null;
  readonly ipv6Cidr?: string | null;
  readonly secondaryIpv4s?: readonly string[] | null;
  readonly macAddress?: string | null;
  /** The attached instance; null or absent while the NIC is not attached. */
  readonly instanceId?: string | null;
  readonly vpcId?: string | null;
  readonly subnetId?: string | null;
  /** ISO-8601 UTC, e.g. `2025-07-16T01:26:39Z`. */
  readonly createTime?: string | null;
  readonly updateTime?: string | null;
  readonly resourceGroup?: ResourceGroupInfo | null;
  readonly securityGroupId?: string | null;
  readonly tags?: Tags | null;
}

/** An instance's boot disk, as DescribeInstances reports it; sizes are in GB. @public */
export interface SystemDiskInfo {
  readonly diskId: string;
  readonly diskSize: number;
  readonly diskCategory?: string | null;
  readonly burstingEnabled?: boolean | null;
}

/** A data disk of an instance, as Zenlayer's SDK models it. @public */
export interface DataDiskInfo {
  readonly diskId: string;
  readonly diskName?: string | null;
  readonly diskSize: number;
  readonly diskCategory?: string | null;
  /** Whether the disk can be detached from the instance. */
  readonly portable?: boolean | null;
  readonly burstingEnabled?: boolean | null;
}

/** An instance as DescribeInstances returns it; `nics` lists every NIC on it. @public */
export interface InstanceInfo {
  readonly instanceId: string;
  readonly instanceName: string;
  readonly zoneId: string;
  readonly status: InstanceStatus;
  readonly instanceType?: string | null;
  readonly cpu?: number | null;
  readonly memory?: number | null;
  readonly imageId?: string | null;
  readonly imageName?: string | null;
  readonly timeZone?: string | null;
  readonly nicNetworkType?: string | null;
  readonly systemDisk?: SystemDiskInfo | null;
  readonly dataDisks?: readonly DataDiskInfo[] | null;
  readonly publicIpAddresses?: readonly string[] | null;
  readonly privateIpAddresses?: readonly string[] | null;
  readonly keyId?: string | null;
  readonly subnetId?: string | null;
  readonly securityGroupId?: string | null;
  readonly enableAgent?: boolean | null;
  readonly enableAgentMonitor?: boolean | null;
  readonly enableIpForward?: boolean | null;
  readonly createTime?: string | null;
  readonly expiredTime?: string | null;
  readonly resourceGroupId?: string | null;
  readonly resourceGroupName?: string | null;
  readonly nics?: readonly NicInfo[] | null;
  readonly tags?: Tags | null;
  readonly loadBalancerIds?: readonly string[] | null;
  readonly placementGroupId?: string | null;
  readonly instanceOptions?: { readonly nestedVirtualization?: boolean | null } | null;
}

/** A page of results: `totalCount` counts all matches, `dataSet` holds this page. @public */
export interface PagedResponse<T> extends ApiResponse {
  readonly totalCount: number;
  readonly dataSet: readonly T[];
}

/** All filters are optional; an unknown id yields an empty `dataSet`, not an error. @public */
export interface DescribeNetworkInterfacesRequest {
  /** At most 100. */
  readonly nicIds?: readonly string[];
  readonly name?: string;
  readonly regionId?: string;
  readonly vpcId?: string;
  readonly subnetId?: string;
  readonly instanceId?: string;
  readonly status?: NicStatus;
  readonly nicType?: NicType;
  readonly resourceGroupId?: string;
  readonly securityGroupId?: string;
  readonly nicSubnetType?: NicSubnetType;
  readonly tagKeys?: readonly string[];
  readonly tags?: readonly Tag[];
  readonly pageSize?: number;
  /** 1-based. */
  readonly pageNum?: number;
}

/** One page of NICs; {@link ZecClient.findNetworkInterface} reads one NIC without paging. @public */
export type DescribeNetworkInterfacesResponse = PagedResponse<NicInfo>;

/**
 * Attach starts the change and returns at once: the NIC passes through `ATTACHING`, and only a
 * Describe showing `USED` on the instance confirms it. @public
 */
export interface AttachNetworkInterfaceRequest {
  readonly nicId: string;
  readonly instanceId: string;
}

/** Detach names only the NIC; the server knows which instance holds it. @public */
export interface DetachNetworkInterfaceRequest {
  readonly nicId: string;
}

/** Delete accepts only a NIC that is `AVAILABLE` (detached); it then goes `DELETING`, then away. @public */
export interface DeleteNetworkInterfaceRequest {
  readonly nicId: string;
}

/**
 * The fields Zenlayer accepts for a new secondary NIC; the subnet fixes its region and VPC. Only
 * `name` and `subnetId` are required. @public
 */
export interface CreateNetworkInterfaceRequest {
  /** 2–63 characters: letters, digits, `-`, `_`, `.`; starts and ends with a letter or digit. */
  readonly name: string;
  readonly subnetId: string;
  readonly nicStackType?: NicSubnetType;
  readonly resourceGroupId?: string;
  readonly securityGroupId?: string;
  readonly internetChargeType?: "ByBandwidth" | "ByTrafficPackage" | "BandwidthCluster";
  readonly bandwidth?: number;
  readonly packageSize?: number;
  readonly clusterId?: string;
  readonly eipBindType?: "FullNat" | "Passthrough";
  readonly eipIds?: readonly string[];
  readonly marketingOptions?: { readonly discountCode?: string; readonly usePocVoucher?: boolean };
  readonly tags?: Tags;
}

/** At least one of `name` and `securityGroupId`. @public */
export interface ModifyNetworkInterfaceAttributeRequest {
  readonly nicId: string;
  /** 2–63 characters: letters, digits, `-`, `_`, `.`; starts and ends with a letter or digit. */
  readonly name?: string;
  /** Replaces the NIC's one security group. */
  readonly securityGroupId?: string;
}

/** Creation is asynchronous: poll the NIC until it leaves `PENDING`. @public */
export interface CreateNetworkInterfaceResponse extends ApiResponse {
  readonly nicId: string;
}

/** All filters are optional; an unknown id yields an empty `dataSet`, not an error. @public */
export interface DescribeInstancesRequest {
  /** At most 100. */
  readonly instanceIds?: readonly string[];
  readonly zoneId?: string;
  readonly imageId?: string;
  readonly ipv4Address?: string;
  readonly ipv6Address?: string;
  readonly status?: InstanceStatus;
  readonly name?: string;
  readonly resourceGroupId?: string;
  readonly tagKeys?: readonly string[];
  readonly tags?: readonly Tag[];
  readonly pageSize?: number;
  readonly pageNum?: number;
}

/** One page of instances; {@link ZecClient.findInstance} reads one instance without paging. @public */
export type DescribeInstancesResponse = PagedResponse<InstanceInfo>;

/** Actions without output return only the request ID. @public */
export type EmptyResponse = ApiResponse;
