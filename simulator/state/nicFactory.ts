import type { NicStatus, NicSubnetType, NicType } from "../types/wire";
import type { NicRecord, SubnetRecord } from "./records";
import type { Store } from "./store";

/** Everything that distinguishes one new NIC from another; the rest is allocated here. */
export interface NicBlueprint {
  readonly nicId: string;
  readonly name: string;
  readonly subnet: SubnetRecord;
  readonly nicType: NicType;
  readonly status: NicStatus;
  readonly instanceId: string | null;
  readonly nicSubnetType: NicSubnetType;
  readonly securityGroupId?: string | undefined;
  readonly resourceGroupId?: string | undefined;
  readonly loadBalancerAssociated?: boolean | undefined;
}

/**
 * Builds a NIC record with addresses allocated from its subnet, for both the API's
 * CreateNetworkInterface and seeding, so both produce identical shapes.
 */
export function buildNic(store: Store, time: number, blueprint: NicBlueprint): NicRecord {
  const { subnet, nicSubnetType } = blueprint;
  const hasIpv6 = nicSubnetType !== "IPv4";
  const ipv6Prefix = `2001:db8:${subnet.octet.toString(16)}:${(store.nics.size + 1).toString(16)}`;
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
    resourceGroupId: blueprint.resourceGroupId ?? store.resourceGroupId,
    createTime: time,
    updateTime: time,
    loadBalancerAssociated: blueprint.loadBalancerAssociated ?? false,
  };
}
