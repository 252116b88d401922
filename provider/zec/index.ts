/**
 * Zenlayer Elastic Compute (ZEC) resources.
 * @packageDocumentation
 */
export { NetworkInterfaceAttachment } from "./networkInterfaceAttachment/resource";
export type {
  NetworkInterfaceAttachmentArgs,
  NetworkInterfaceAttachmentTimeouts,
} from "./networkInterfaceAttachment/resource";
