/**
 * Zenlayer Elastic Compute (ZEC) resources.
 * @packageDocumentation
 */
export { NetworkInterfaceAttachment } from "./networkInterfaceAttachment";
export type {
  NetworkInterfaceAttachmentArgs,
  NetworkInterfaceAttachmentTimeouts,
} from "./networkInterfaceAttachment";
