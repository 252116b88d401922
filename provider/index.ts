/**
 * The dynamic providers behind this package's resources, for the provider process, tooling and
 * tests that drive the handlers directly.
 * @packageDocumentation
 */
export {
  createNetworkInterfaceAttachmentProvider,
  networkInterfaceAttachmentProvider,
} from "./networkInterfaceAttachment/provider";
export type { ProviderOptions, PollingSettings } from "./shared/handlerContext";
export type {
  AttachmentInputs,
  AttachmentOutputs,
  AttachmentTimeouts,
} from "./networkInterfaceAttachment/types";
export { formatAttachmentId, parseAttachmentId } from "./networkInterfaceAttachment/resourceId";
export { parseDuration } from "./shared/duration";
