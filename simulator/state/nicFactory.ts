import type { WireNicStatus, WireNicSubnetType, WireNicType, WireTag } from "../types/wire";
import type { NicRecord, SubnetRecord } from "./records";
import type { Store } from "./store";
import { DEFAULT_RESOURCE_GROUP_NAME } from "./store";

/** Everything that distinguishes one new NIC from another; the rest is allocated here. @internal */
export interface NicBlueprint {
  readonly nicId: string;
  readonly name: string;
  readonly subnet: SubnetRecord;
  readonly nicType: WireNicType;
  readonly status: WireNicStatus;
  readonly instanceId: string | null;
  readonly nicSubnetType: WireNicSubnetType;
  /** Default: the subnet's VPC's default group. */
  readonly securityGroupId?: string | undefined;
  /** Default: the account's default resource group. */
  readonly resourceGroup?: { readonly id: string; readonly name: string } | undefined;
  readonly tags?: readonly WireTag[] | undefined;
  readonly loadBalancerAssociated?: boolean | undefined;
}

/**
 * Builds a NIC record with addresses allocated from its subnet, for both the API's
 * CreateNetworkInterface and seeding, so both produce identical shapes.
 * @internal
 */
export function buildNic(store: Store, time: number, blueprint: NicBlueprint): NicRecord {
  const { subnet, nicSubnetType } = blueprint;
  const hasIpv6 = nicSubnetType !== "IPv4";
  const ipv6Prefix = hasIpv6 ? store.allocateIpv6Prefix(subnet) : "";
  return {
    nicId: blueprint.nicId,
    name: blueprint.name,
    status: blueprint.status,
    nicType: blueprint.nicType,
    regionId: subnet.regionId,
    nicSubnetType,
    primaryIpv4: nicSubnetType === "IPv6" ? null : store.allocateIpv4(subnet),
    primaryIpv6: hasIpv6 ? `${ipv6Prefix}::2` : null,
    ipv6Cidr: hasIpv6 ? `${ipv6Prefix}::/64` : null,
    macAddress: store.ids.macAddress(),
    instanceId: blueprint.instanceId,
    vpcId: subnet.vpcId,
    subnetId: subnet.subnetId,
    securityGroupId: blueprint.securityGroupId ?? subnet.securityGroupId,
    resourceGroupId: blueprint.resourceGroup?.id ?? store.resourceGroupId,
    resourceGroupName: blueprint.resourceGroup?.name ?? DEFAULT_RESOURCE_GROUP_NAME,
    tags: blueprint.tags === undefined ? [] : blueprint.tags.map((tag) => ({ ...tag })),
    createTime: time,
    updateTime: time,
    loadBalancerAssociated: blueprint.loadBalancerAssociated ?? false,
  };
}
