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
