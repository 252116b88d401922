/**
 * Zenlayer Elastic Compute (ZEC) resources and lookups.
 * @packageDocumentation
 */
export { NetworkInterface } from "../dynamic/networkInterface";
export type { NetworkInterfaceArgs, NetworkInterfaceTimeoutsArgs } from "../dynamic/networkInterface";
export { NetworkInterfaceAttachment } from "../dynamic/networkInterfaceAttachment";
export type {
  NetworkInterfaceAttachmentArgs,
  NetworkInterfaceAttachmentTimeouts,
} from "../dynamic/networkInterfaceAttachment";
export {
  getInstance,
  getInstanceOutput,
  getNetworkInterface,
  getNetworkInterfaceOutput,
  getNetworkInterfaces,
} from "../dynamic/lookups";
export type { LookupOptions, NetworkInterfaceFilters } from "../dynamic/lookups";
/** What the lookups return and take, from the client (`pulumi-zenlayer/sdk`), with every type they mention. */
export type {
  ClientSettings,
  DataDiskInfo,
  DescribeNetworkInterfacesRequest,
  InstanceInfo,
  InstanceStatus,
  NicInfo,
  NicStatus,
  NicSubnetType,
  NicType,
  ResourceGroupInfo,
  RetrySettings,
  SystemDiskInfo,
  Tag,
  Tags,
} from "../../sdk/index";
