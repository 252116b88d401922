/**
 * A NIC as Zenlayer reports it (`NicInfo` in `sdk/zec/types.ts`): what `getNetworkInterface` and
 * `getNetworkInterfaces` return and what an instance lists under `nics`. Statuses and kinds are
 * plain strings here, not enums, because they are Zenlayer's to extend: a program must still read a
 * NIC in a state this version does not know.
 * @packageDocumentation
 */
import type { NicInfo } from "../../../sdk/index";
import type { ObjectOf, SameKeys } from "./inference";
import { listOf, objectType, optional, required, STRING } from "./definition";
import { provenAtCompileTime } from "./inference";
import { RESOURCE_GROUP_INFO, TAG_SET } from "./zecTypes";

const ADDRESSES = listOf(STRING);

/** The NIC object type. */
export const NIC_INFO = objectType(
  "zenlayer:zec:NicInfo",
  "A virtual NIC of Zenlayer Elastic Compute, as Zenlayer reports it. Values Zenlayer leaves out are absent.",
  {
    nicId: required(STRING, "The NIC's id, such as `1475945014486896967`."),
    name: required(STRING, "The NIC's name."),
    status: required(
      STRING,
      "Where the NIC is in its life cycle: `PENDING`, `AVAILABLE` (free), `ATTACHING`, `USED` (attached), " +
        "`DETACHING`, `DELETING` or `CREATE_FAILED`.",
    ),
    nicType: required(STRING, "`Primary` (lives and dies with its instance) or `Secondary`."),
    regionId: required(STRING, "The region the NIC is in, such as `asia-east-1`."),
    nicSubnetType: optional(STRING, "The NIC's IP stack: `IPv4`, `IPv4_IPv6` or `IPv6`."),
    publicIpList: optional(ADDRESSES, "The public IP addresses bound to the NIC."),
    privateIpList: optional(ADDRESSES, "Every private IP address of the NIC."),
    primaryIpv4: optional(STRING, "The NIC's primary private IPv4 address."),
    primaryIpv6: optional(STRING, "The NIC's primary IPv6 address."),
    ipv6Cidr: optional(STRING, "The IPv6 block assigned to the NIC."),
    secondaryIpv4s: optional(ADDRESSES, "The NIC's secondary private IPv4 addresses."),
    macAddress: optional(STRING, "The NIC's MAC address."),
    instanceId: optional(STRING, "The instance the NIC is attached to; absent while it is attached to none."),
    vpcId: optional(STRING, "The VPC the NIC's subnet belongs to."),
    subnetId: optional(STRING, "The subnet the NIC was created in."),
    createTime: optional(
      STRING,
      "When the NIC was created, in ISO 8601 UTC, such as `2025-07-16T01:26:39Z`.",
    ),
    updateTime: optional(STRING, "When the NIC last changed, in ISO 8601 UTC."),
    resourceGroup: optional(RESOURCE_GROUP_INFO, "The resource group the NIC belongs to."),
    securityGroupId: optional(STRING, "The security group that filters the NIC's traffic."),
    tags: optional(TAG_SET, "The NIC's tags."),
  },
);

// The definition names exactly the fields of the client's `NicInfo`, and requires the same ones.
provenAtCompileTime<SameKeys<ObjectOf<typeof NIC_INFO.properties>, NicInfo>>();
