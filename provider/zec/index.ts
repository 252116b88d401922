/**
 * Zenlayer Elastic Compute (ZEC) resources and lookups.
 * @packageDocumentation
 */
export { NetworkInterface } from "./networkInterface/resource";
export type { NetworkInterfaceArgs, NetworkInterfaceTimeoutsArgs } from "./networkInterface/resource";
export { NetworkInterfaceAttachment } from "./networkInterfaceAttachment/resource";
export type {
  NetworkInterfaceAttachmentArgs,
  NetworkInterfaceAttachmentTimeouts,
} from "./networkInterfaceAttachment/resource";
export {
  getInstance,
  getInstanceOutput,
  getNetworkInterface,
  getNetworkInterfaceOutput,
  getNetworkInterfaces,
} from "./lookups";
export type { LookupOptions, NetworkInterfaceFilters } from "./lookups";
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
