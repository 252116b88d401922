/**
 * The dynamic providers behind this package's resources: what the provider process loads (the
 * serialized provider in state names `networkInterfaceAttachmentProvider` and
 * `networkInterfaceProvider`, so those exports stay),
 * and what tools and tests use to drive the handlers directly.
 * @packageDocumentation
 */
export {
  createNetworkInterfaceAttachmentProvider,
  networkInterfaceAttachmentProvider,
} from "./zec/networkInterfaceAttachment/handlers";
export { createNetworkInterfaceProvider, networkInterfaceProvider } from "./zec/networkInterface/handlers";
export type {
  NetworkInterfaceInputs,
  NetworkInterfaceOutputs,
  NetworkInterfaceTimeouts,
} from "./zec/networkInterface/inputs";
export type { PollingSettings, ProviderOptions } from "./shared/context";
export type { ClientSettings, NicSubnetType, RetrySettings } from "../sdk/index";
export type {
  AttachmentInputs,
  AttachmentOutputs,
  AttachmentTimeouts,
} from "./zec/networkInterfaceAttachment/inputs";
export { formatAttachmentId, parseAttachmentId } from "./zec/networkInterfaceAttachment/inputs";
export { parseDuration } from "./shared/inputValues";
