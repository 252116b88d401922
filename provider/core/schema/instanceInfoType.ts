/**
 * An instance as Zenlayer reports it (`InstanceInfo` in `sdk/zec/types.ts`, with its disks and
 * options): what `getInstance` returns, with every NIC on the instance under `nics`. Statuses are
 * plain strings, for the reason the NIC's are (see `nicInfoType.ts`).
 * @packageDocumentation
 */
import type { DataDiskInfo, InstanceInfo, SystemDiskInfo } from "../../../sdk/index";
import type { ObjectOf, SameKeys } from "./inference";
import { BOOLEAN, INTEGER, listOf, objectType, optional, required, STRING } from "./definition";
import { provenAtCompileTime } from "./inference";
import { NIC_INFO } from "./nicInfoType";
import { TAG_SET } from "./zecTypes";

const TEXTS = listOf(STRING);

export const SYSTEM_DISK_INFO = objectType("zenlayer:zec:SystemDiskInfo", "An instance's system disk.", {
  diskId: required(STRING, "The disk's id."),
  diskSize: required(INTEGER, "The disk's size in GiB."),
  diskCategory: optional(STRING, "The disk's category."),
  burstingEnabled: optional(BOOLEAN, "Whether the disk may burst above its baseline performance."),
});

export const DATA_DISK_INFO = objectType(
  "zenlayer:zec:DataDiskInfo",
  "A data disk attached to an instance.",
  {
    diskId: required(STRING, "The disk's id."),
    diskName: optional(STRING, "The disk's name."),
    diskSize: required(INTEGER, "The disk's size in GiB."),
    diskCategory: optional(STRING, "The disk's category."),
    portable: optional(BOOLEAN, "Whether the disk can be detached from the instance."),
    burstingEnabled: optional(BOOLEAN, "Whether the disk may burst above its baseline performance."),
  },
);

export const INSTANCE_OPTIONS = objectType(
  "zenlayer:zec:InstanceOptions",
  "Optional features of an instance.",
  {
    nestedVirtualization: optional(BOOLEAN, "Whether virtual machines can run inside the instance."),
  },
);

/** The instance object type. */
export const INSTANCE_INFO = objectType(
  "zenlayer:zec:InstanceInfo",
  "An instance of Zenlayer Elastic Compute, as Zenlayer reports it, with every NIC on it under `nics`. " +
    "Values Zenlayer leaves out are absent.",
  {
    instanceId: required(STRING, "The instance's id."),
    instanceName: required(STRING, "The instance's name."),
    zoneId: required(STRING, "The zone the instance runs in, such as `HKG-A`."),
    status: required(
      STRING,
      "The instance's state, such as `RUNNING`, `STOPPED`, `BOOTING` or `REBOOT`. NICs can be attached to " +
        "and detached from a `RUNNING` instance only.",
    ),
    instanceType: optional(STRING, "The instance's type, which fixes its CPU and memory."),
    cpu: optional(INTEGER, "The number of vCPUs."),
    memory: optional(INTEGER, "The memory, in GiB."),
    imageId: optional(STRING, "The id of the image the instance was created from."),
    imageName: optional(STRING, "The name of that image."),
    timeZone: optional(STRING, "The instance's time zone."),
    nicNetworkType: optional(
      STRING,
      "How the instance's NICs are presented to it: `Auto`, `FailOver`, `VirtioOnly` or `VfOnly`.",
    ),
    systemDisk: optional(SYSTEM_DISK_INFO, "The system disk."),
    dataDisks: optional(listOf(DATA_DISK_INFO), "The data disks attached to the instance."),
    publicIpAddresses: optional(TEXTS, "The instance's public IP addresses."),
    privateIpAddresses: optional(TEXTS, "The instance's private IP addresses."),
    keyId: optional(STRING, "The SSH key pair the instance was created with."),
    subnetId: optional(STRING, "The subnet of the instance's primary NIC."),
    securityGroupId: optional(STRING, "The security group of the instance's primary NIC."),
    enableAgent: optional(BOOLEAN, "Whether Zenlayer's agent is installed."),
    enableAgentMonitor: optional(BOOLEAN, "Whether the agent's monitoring is on."),
    enableIpForward: optional(BOOLEAN, "Whether the instance may forward IP packets not addressed to it."),
    createTime: optional(STRING, "When the instance was created, in ISO 8601 UTC."),
    expiredTime: optional(STRING, "When a prepaid instance expires, in ISO 8601 UTC."),
    resourceGroupId: optional(STRING, "The id of the resource group the instance belongs to."),
    resourceGroupName: optional(STRING, "The name of that resource group."),
    nics: optional(listOf(NIC_INFO), "Every NIC on the instance, its primary NIC included."),
    tags: optional(TAG_SET, "The instance's tags."),
    loadBalancerIds: optional(TEXTS, "The load balancers the instance is a backend of."),
    placementGroupId: optional(STRING, "The placement group the instance is in."),
    instanceOptions: optional(INSTANCE_OPTIONS, "Optional features of the instance."),
  },
);

// Each definition names exactly the fields of the client's type, and requires the same ones.
provenAtCompileTime<SameKeys<ObjectOf<typeof INSTANCE_INFO.properties>, InstanceInfo>>();
provenAtCompileTime<SameKeys<ObjectOf<typeof SYSTEM_DISK_INFO.properties>, SystemDiskInfo>>();
provenAtCompileTime<SameKeys<ObjectOf<typeof DATA_DISK_INFO.properties>, DataDiskInfo>>();
