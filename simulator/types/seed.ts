import type { WireInstanceStatus, WireNicStatus, WireNicSubnetType, WireNicType, WireTag } from "./wire";

/**
 * A subnet the simulator knows, so `CreateNetworkInterface{subnetId}` can resolve the NIC's region
 * and VPC as the real service does. Subnets are also registered implicitly by seeded NICs and by
 * each region's default network (see {@link InstanceSeed}).
 * @public
 */
export interface SubnetSeed {
  subnetId: string;
  /** Region id such as `asia-east-1`. Default `asia-east-1`. */
  regionId?: string;
  /** Default: the region's default VPC. */
  vpcId?: string;
}

/**
 * A resource group besides the account's default one ("Default Resource Group"), so resources can
 * be created in it and filtered by it.
 * @public
 */
export interface ResourceGroupSeed {
  resourceGroupId: string;
  /** Default: the id. */
  resourceGroupName?: string;
}

/**
 * A security group besides each VPC's default one, so `CreateNetworkInterface` and
 * `ModifyNetworkInterfaceAttribute` can name it. Groups are account-wide in the simulator.
 * @public
 */
export interface SecurityGroupSeed {
  securityGroupId: string;
}

/** A data disk of a seeded instance; the simulator only reports it. @public */
export interface DataDiskSeed {
  /** Default: a generated 19-digit id. */
  diskId?: string;
  /** Default: `data-disk-<n>`. */
  diskName?: string;
  /** GiB; default 20. */
  diskSize?: number;
  /** Default `Basic NVMe SSD`. */
  diskCategory?: string;
  /** Default true. */
  portable?: boolean;
  /** Default false. */
  burstingEnabled?: boolean;
}

/**
 * An instance to create in the simulator.
 *
 * Regions and zones: a zone id is its region id plus a one-letter suffix (`asia-east-1a` is in
 * `asia-east-1`), and "same region" means the instance's `zoneId` starts with the NIC's `regionId`.
 * Give either; the other is derived (`regionId` → `${regionId}a`; `zoneId` → suffix stripped).
 * Default zone `asia-east-1a`.
 * @public
 */
export interface InstanceSeed {
  /** Default: a generated 19-digit id. */
  instanceId?: string;
  /** Default: `instance-<n>`. */
  instanceName?: string;
  zoneId?: string;
  regionId?: string;
  /** Default RUNNING. A transitional status (BOOTING, STOPPING, REBOOT, DEPLOYING, PENDING) settles after the transition delay. */
  status?: WireInstanceStatus;
  /** Default true: the instance gets a Primary NIC, status USED, in its subnet. */
  primaryNic?: boolean;
  /** Id for the primary NIC; default generated. */
  primaryNicId?: string;
  /** Subnet of the primary NIC; default the region's default subnet. */
  subnetId?: string;
  /** Default null, like an instance whose image is gone. */
  imageId?: string;
  imageName?: string;
  publicIpAddresses?: string[];
  dataDisks?: DataDiskSeed[];
  /** A seeded group; default the account's default group. */
  resourceGroupId?: string;
  tags?: WireTag[];
}

/**
 * A NIC to create in the simulator. With `instanceId` it is attached (status USED by default);
 * without, AVAILABLE. A transitional status (PENDING, ATTACHING, DETACHING, DELETING) settles
 * after the transition delay, like a write still in flight.
 * @public
 */
export interface NicSeed {
  /** Default: a generated 19-digit id. */
  nicId?: string;
  /** Default: `nic-<n>`. */
  name?: string;
  /** Default: the attached instance's region, else the subnet's, else `asia-east-1`. */
  regionId?: string;
  vpcId?: string;
  subnetId?: string;
  instanceId?: string;
  /** Default Secondary. */
  nicType?: WireNicType;
  status?: WireNicStatus;
  /** A NIC whose private IP backs a load balancer cannot be detached (INVALID_NIC_LB_ASSOCIATED). */
  loadBalancerAssociated?: boolean;
  /** Default IPv4. */
  nicSubnetType?: WireNicSubnetType;
  /** A seeded group; default the default group of the NIC's VPC. */
  securityGroupId?: string;
  /** A seeded group; default the account's default group. */
  resourceGroupId?: string;
  tags?: WireTag[];
}

/**
 * Everything a test or a `--seed-file` can preload. Applied in order: resource groups, security
 * groups, subnets, instances, NICs; a reference to an unknown group, subnet or instance throws.
 * @public
 */
export interface SeedDocument {
  resourceGroups?: ResourceGroupSeed[];
  securityGroups?: SecurityGroupSeed[];
  subnets?: SubnetSeed[];
  instances?: InstanceSeed[];
  nics?: NicSeed[];
}
