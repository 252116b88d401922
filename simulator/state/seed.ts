import type { DataDiskSeed, InstanceSeed, NicSeed, SeedDocument, SubnetSeed } from "../types/seed";
import type { WireDataDisk, WireNicStatus, WireTag } from "../types/wire";
import type { Engine } from "./engine";
import { buildNic } from "./nicFactory";
import type { InstanceRecord, NicRecord, SubnetRecord } from "./records";
import { DEFAULT_REGION, regionOfZone, zoneInRegion } from "./records";
import type { Store } from "./store";

/** Statuses that only make sense with an instance; all others only without one. */
const ATTACHED_STATUSES: readonly WireNicStatus[] = ["USED", "ATTACHING", "DETACHING"];

/**
 * Turns seed documents into records. Seeds are trusted test input, so contradictions
 * (duplicate ids, a USED NIC without an instance, a NIC in another region than its instance)
 * throw instead of being silently repaired.
 * @internal
 */
export class Seeder {
  constructor(
    private readonly engine: Engine,
    private readonly now: () => number,
  ) {}

  private get store(): Store {
    return this.engine.store;
  }

  apply(doc: SeedDocument): void {
    for (const group of doc.resourceGroups ?? []) {
      this.store.registerResourceGroup(
        group.resourceGroupId,
        group.resourceGroupName ?? group.resourceGroupId,
      );
    }
    for (const group of doc.securityGroups ?? []) this.store.registerSecurityGroup(group.securityGroupId);
    for (const subnet of doc.subnets ?? []) this.addSubnet(subnet);
    for (const instance of doc.instances ?? []) this.addInstance(instance);
    for (const nic of doc.nics ?? []) this.addNic(nic);
  }

  addSubnet(spec: SubnetSeed): SubnetRecord {
    return this.store.registerSubnet({ ...spec, regionId: spec.regionId ?? DEFAULT_REGION });
  }

  addInstance(spec: InstanceSeed): InstanceRecord {
    const instanceId = this.claimId(spec.instanceId, this.store.instances, "instance");
    if (
      spec.zoneId !== undefined &&
      spec.regionId !== undefined &&
      !zoneInRegion(spec.zoneId, spec.regionId)
    ) {
      throw new Error(`zone ${spec.zoneId} is not in region ${spec.regionId}`);
    }
    const zoneId = spec.zoneId ?? `${spec.regionId ?? DEFAULT_REGION}a`;
    const instance: InstanceRecord = {
      instanceId,
      instanceName: spec.instanceName ?? `instance-${this.store.instances.size + 1}`,
      zoneId,
      regionId: regionOfZone(zoneId),
      status: spec.status ?? "RUNNING",
      createTime: this.now(),
      systemDiskId: this.store.ids.resourceId(),
      imageId: spec.imageId ?? null,
      imageName: spec.imageName ?? null,
      publicIpAddresses: [...(spec.publicIpAddresses ?? [])],
      dataDisks: (spec.dataDisks ?? []).map((disk, index) => this.dataDisk(disk, index)),
      ...this.resourceGroupFields(spec.resourceGroupId),
      tags: uniqueTags(spec.tags),
    };
    this.store.instances.set(instanceId, instance);
    this.engine.noteInstance(null, instance, "seed");
    if (spec.primaryNic !== false) {
      this.addNic({
        ...(spec.primaryNicId === undefined ? {} : { nicId: spec.primaryNicId }),
        ...(spec.subnetId === undefined ? {} : { subnetId: spec.subnetId }),
        name: `${instance.instanceName}-primary`,
        instanceId,
        nicType: "Primary",
      });
    }
    this.engine.settleInstanceLater(instance);
    return instance;
  }

  addNic(spec: NicSeed): NicRecord {
    const instance = this.instanceOf(spec);
    const status = spec.status ?? (instance === undefined ? "AVAILABLE" : "USED");
    if (ATTACHED_STATUSES.includes(status) !== (instance !== undefined)) {
      throw new Error(
        `a NIC in status ${status} ${instance === undefined ? "needs" : "cannot have"} an instanceId`,
      );
    }
    const nicId = this.claimId(spec.nicId, this.store.nics, "NIC");
    const subnet = this.subnetFor(spec, instance);
    if (instance !== undefined && instance.regionId !== subnet.regionId) {
      throw new Error(
        `NIC ${nicId} is in ${subnet.regionId} but instance ${instance.instanceId} is in ${instance.regionId}`,
      );
    }
    const nic = buildNic(this.store, this.now(), {
      nicId,
      name: spec.name ?? `nic-${this.store.nics.size + 1}`,
      subnet,
      nicType: spec.nicType ?? "Secondary",
      status,
      instanceId: instance?.instanceId ?? null,
      nicSubnetType: spec.nicSubnetType ?? "IPv4",
      securityGroupId: this.knownSecurityGroup(spec.securityGroupId),
      resourceGroup: this.resourceGroup(spec.resourceGroupId),
      tags: uniqueTags(spec.tags),
      loadBalancerAssociated: spec.loadBalancerAssociated,
    });
    this.store.nics.set(nicId, nic);
    this.engine.noteNic(undefined, nicId, nic, "seed");
    this.engine.settleNicLater(nic);
    return nic;
  }

  private instanceOf(spec: NicSeed): InstanceRecord | undefined {
    if (spec.instanceId === undefined) return undefined;
    const instance = this.store.instances.get(spec.instanceId);
    if (instance === undefined) throw new Error(`unknown instance ${spec.instanceId}`);
    return instance;
  }

  private subnetFor(spec: NicSeed, instance: InstanceRecord | undefined): SubnetRecord {
    const known = spec.subnetId === undefined ? undefined : this.store.subnets.get(spec.subnetId);
    const regionId = spec.regionId ?? instance?.regionId ?? known?.regionId ?? DEFAULT_REGION;
    if (spec.subnetId !== undefined) {
      return this.store.registerSubnet({ subnetId: spec.subnetId, regionId, vpcId: spec.vpcId });
    }
    if (spec.vpcId === undefined) return this.store.defaultSubnet(regionId);
    return this.store.registerSubnet({ subnetId: this.store.ids.resourceId(), regionId, vpcId: spec.vpcId });
  }

  private requireResourceGroup(id: string): { id: string; name: string } {
    const group = this.store.resourceGroup(id);
    if (group === undefined) throw new Error(`unknown resource group ${id}`);
    return group;
  }

  private resourceGroup(id: string | undefined): { id: string; name: string } | undefined {
    return id === undefined ? undefined : this.requireResourceGroup(id);
  }

  private resourceGroupFields(id: string | undefined): {
    resourceGroupId: string;
    resourceGroupName: string;
  } {
    const group = this.requireResourceGroup(id ?? this.store.resourceGroupId);
    return { resourceGroupId: group.id, resourceGroupName: group.name };
  }

  private knownSecurityGroup(id: string | undefined): string | undefined {
    if (id !== undefined && !this.store.securityGroups.has(id))
      throw new Error(`unknown security group ${id}`);
    return id;
  }

  private dataDisk(spec: DataDiskSeed, index: number): WireDataDisk {
    return {
      diskId: spec.diskId ?? this.store.ids.resourceId(),
      diskName: spec.diskName ?? `data-disk-${index + 1}`,
      diskSize: spec.diskSize ?? 20,
      diskCategory: spec.diskCategory ?? "Basic NVMe SSD",
      portable: spec.portable ?? true,
      burstingEnabled: spec.burstingEnabled ?? false,
    };
  }

  private claimId(wanted: string | undefined, taken: ReadonlyMap<string, unknown>, kind: string): string {
    if (wanted === undefined) return this.store.ids.resourceId();
    if (taken.has(wanted)) throw new Error(`duplicate ${kind} id ${wanted}`);
    this.store.ids.reserve(wanted);
    return wanted;
  }
}

/** Copies of seeded tags; a key given twice is a contradiction (keys are unique per resource). */
function uniqueTags(tags: readonly WireTag[] | undefined): WireTag[] {
  const list = (tags ?? []).map((tag) => ({ key: tag.key, value: tag.value }));
  const keys = new Set(list.map((tag) => tag.key));
  if (keys.size !== list.length) throw new Error("a tag key is given twice");
  return list;
}
