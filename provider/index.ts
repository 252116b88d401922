/**
 * The dynamic providers behind this package's resources: what the provider process loads (the
 * serialized provider in state names `networkInterfaceAttachmentProvider`, so that export stays),
 * and what tools and tests use to drive the handlers directly.
 * @packageDocumentation
 */
export {
  createNetworkInterfaceAttachmentProvider,
  networkInterfaceAttachmentProvider,
} from "./zec/networkInterfaceAttachment/handlers";
export type { PollingSettings, ProviderOptions } from "./shared/context";
export type { ClientSettings, RetrySettings } from "../sdk/index";
export type {
  AttachmentInputs,
  AttachmentOutputs,
  AttachmentTimeouts,
} from "./zec/networkInterfaceAttachment/inputs";
export { formatAttachmentId, parseAttachmentId } from "./zec/networkInterfaceAttachment/inputs";
export { parseDuration } from "./shared/inputValues";
