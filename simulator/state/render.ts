import type { ApiVersion, WireInstance, WireNic, WireNicV20240401 } from "../types/wire";
import type { InstanceRecord, NicRecord } from "./records";
import { isoSeconds } from "./records";

/** The full current-version WireNic: every documented field, `null` where there is no value. @internal */
export function renderNic(nic: NicRecord): WireNic {
  return {
    nicId: nic.nicId,
    name: nic.name,
    status: nic.status,
    nicType: nic.nicType,
    regionId: nic.regionId,
    nicSubnetType: nic.nicSubnetType,
    publicIpList: [],
    privateIpList: nic.primaryIpv4 === null ? [] : [nic.primaryIpv4],
    primaryIpv4: nic.primaryIpv4,
    primaryIpv6: nic.primaryIpv6,
    ipv6Cidr: nic.ipv6Cidr,
    secondaryIpv4s: [],
    macAddress: nic.macAddress,
    instanceId: nic.instanceId,
    vpcId: nic.vpcId,
    subnetId: nic.subnetId,
    createTime: isoSeconds(nic.createTime),
    updateTime: isoSeconds(nic.updateTime),
    resourceGroup: { resourceGroupId: nic.resourceGroupId, resourceGroupName: nic.resourceGroupName },
    securityGroupId: nic.securityGroupId,
    tags: { tags: nic.tags.map((tag) => ({ ...tag })) },
  };
}

/** WireNic as the requested API version shapes it: 2024-04-01 had no securityGroupId or tags. @internal */
export function renderNicFor(nic: NicRecord, version: ApiVersion): WireNic | WireNicV20240401 {
  const full = renderNic(nic);
  if (version !== "2024-04-01") return full;
  const { securityGroupId: _securityGroupId, tags: _tags, ...older } = full;
  return older;
}

/** WireInstance whose `nics` uses some NIC shape (the 2024-04-01 one is a subset). @internal */
export type WireInstanceWith<N> = Omit<WireInstance, "nics"> & { nics: N[] };

/**
 * WireInstance with `nics` rendered from the given NIC records (true or stale view) by
 * `shapeNic`, so each API version gets its own NIC shape.
 * @internal
 */
export function renderInstance<N>(
  instance: InstanceRecord,
  nics: readonly NicRecord[],
  shapeNic: (nic: NicRecord) => N,
): WireInstanceWith<N> {
  const primary = nics.find((nic) => nic.nicType === "Primary");
  const privateIps = nics.flatMap((nic) => (nic.primaryIpv4 === null ? [] : [nic.primaryIpv4]));
  return {
    instanceId: instance.instanceId,
    instanceName: instance.instanceName,
    zoneId: instance.zoneId,
    instanceType: "z2a.cpu.1",
    cpu: 1,
    memory: 2,
    imageId: instance.imageId,
    imageName: instance.imageName,
    timeZone: null,
    nicNetworkType: "Auto",
    status: instance.status,
    systemDisk: {
      diskId: instance.systemDiskId,
      diskSize: 20,
      diskCategory: "Basic NVMe SSD",
      burstingEnabled: false,
    },
    dataDisks: instance.dataDisks.map((disk) => ({ ...disk })),
    publicIpAddresses: [...instance.publicIpAddresses],
    privateIpAddresses: privateIps,
    keyId: null,
    subnetId: primary?.subnetId ?? null,
    securityGroupId: primary?.securityGroupId ?? null,
    enableAgent: false,
    enableAgentMonitor: false,
    enableIpForward: false,
    createTime: isoSeconds(instance.createTime),
    expiredTime: null,
    resourceGroupId: instance.resourceGroupId,
    resourceGroupName: instance.resourceGroupName,
    nics: nics.map(shapeNic),
    tags: { tags: instance.tags.map((tag) => ({ ...tag })) },
    loadBalancerIds: [],
    placementGroupId: null,
    instanceOptions: { nestedVirtualization: false },
  };
}
