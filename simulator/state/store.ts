import type { IdGenerator } from "./ids";
import type { InstanceRecord, NicRecord, SubnetRecord } from "./records";

/** The name the real console gives every account's default resource group. @internal */
export const DEFAULT_RESOURCE_GROUP_NAME = "Default Resource Group";

/**
 * The true state of the simulated account: instances, NICs and subnets, in creation order.
 * Single-threaded Node means each action's check-then-mutate runs without interleaving, so the
 * maps never see a half-applied write.
 * @internal
 */
export class Store {
  readonly nics = new Map<string, NicRecord>();
  readonly instances = new Map<string, InstanceRecord>();
  readonly subnets = new Map<string, SubnetRecord>();
  /** Every known resource group, id → name; the default one first. */
  readonly resourceGroups = new Map<string, string>();
  /** Every known security group: each VPC's default group and the seeded ones. */
  readonly securityGroups = new Set<string>();
  /** The default resource group's id. */
  readonly resourceGroupId: string;
  private ipv6Blocks = 0;
  private readonly defaultSubnetByRegion = new Map<string, string>();
  private readonly vpcByRegion = new Map<string, string>();
  private readonly securityGroupByVpc = new Map<string, string>();

  constructor(readonly ids: IdGenerator) {
    this.resourceGroupId = ids.resourceId();
    this.resourceGroups.set(this.resourceGroupId, DEFAULT_RESOURCE_GROUP_NAME);
  }

  /** A resource group by id, or undefined when the account has none by that id. */
  resourceGroup(id: string): { id: string; name: string } | undefined {
    const name = this.resourceGroups.get(id);
    return name === undefined ? undefined : { id, name };
  }

  /** Adds a resource group; an id already taken with another name is a contradiction and throws. */
  registerResourceGroup(id: string, name: string): void {
    const known = this.resourceGroups.get(id);
    if (known !== undefined && known !== name)
      throw new Error(`resource group ${id} is already named ${known}`);
    this.ids.reserve(id);
    this.resourceGroups.set(id, name);
  }

  registerSecurityGroup(id: string): void {
    this.ids.reserve(id);
    this.securityGroups.add(id);
  }

  /** NICs whose `instanceId` is the given instance, primary first. */
  nicsAttachedTo(instanceId: string): NicRecord[] {
    const attached = [...this.nics.values()].filter((nic) => nic.instanceId === instanceId);
    return attached.sort((a, b) => Number(b.nicType === "Primary") - Number(a.nicType === "Primary"));
  }

  /** The region's default VPC, created on first use. */
  defaultVpc(regionId: string): string {
    return this.memo(this.vpcByRegion, regionId, () => this.ids.resourceId());
  }

  /** The security group new NICs get when none is given: one per VPC, like the VPC default group. */
  securityGroupOf(vpcId: string): string {
    return this.memo(this.securityGroupByVpc, vpcId, () => {
      const id = this.ids.resourceId();
      this.securityGroups.add(id);
      return id;
    });
  }

  /** The region's default subnet (in its default VPC), created on first use. */
  defaultSubnet(regionId: string): SubnetRecord {
    const subnetId = this.memo(this.defaultSubnetByRegion, regionId, () => this.ids.resourceId());
    return this.registerSubnet({ subnetId, regionId, vpcId: this.defaultVpc(regionId) });
  }

  /**
   * Returns the subnet, registering it on first sight. A subnet cannot move: a second
   * registration with another region or VPC is a contradiction in the seed and throws.
   */
  registerSubnet(spec: { subnetId: string; regionId: string; vpcId?: string | undefined }): SubnetRecord {
    const known = this.subnets.get(spec.subnetId);
    if (known !== undefined) {
      const vpcClash = spec.vpcId !== undefined && spec.vpcId !== known.vpcId;
      if (known.regionId !== spec.regionId || vpcClash) {
        throw new Error(`subnet ${spec.subnetId} already exists in ${known.regionId}/${known.vpcId}`);
      }
      return known;
    }
    this.ids.reserve(spec.subnetId);
    const vpcId = spec.vpcId ?? this.defaultVpc(spec.regionId);
    const subnet: SubnetRecord = {
      subnetId: spec.subnetId,
      regionId: spec.regionId,
      vpcId,
      securityGroupId: this.securityGroupOf(vpcId),
      octet: this.subnets.size % 256,
      nextHost: 2,
    };
    this.subnets.set(subnet.subnetId, subnet);
    return subnet;
  }

  /** The next free private address in the subnet's 10.<octet>.0.0/16 (gateway .1, .0 and .255 skipped). */
  allocateIpv4(subnet: SubnetRecord): string {
    while (subnet.nextHost % 256 === 0 || subnet.nextHost % 256 === 255) subnet.nextHost++;
    const host = subnet.nextHost++;
    return `10.${subnet.octet}.${Math.floor(host / 256) % 256}.${host % 256}`;
  }

  /** A fresh /64 of documentation space for a NIC with IPv6; never handed out twice. */
  allocateIpv6Prefix(subnet: SubnetRecord): string {
    this.ipv6Blocks += 1;
    return `2001:db8:${subnet.octet.toString(16)}:${this.ipv6Blocks.toString(16)}`;
  }

  private memo(map: Map<string, string>, key: string, create: () => string): string {
    let value = map.get(key);
    if (value === undefined) {
      value = create();
      map.set(key, value);
    }
    return value;
  }
}
