/**
 * The dynamic providers behind this package's resources: what the provider process loads (the
 * serialized provider in state names `networkInterfaceAttachmentProvider` and
 * `networkInterfaceProvider`, so those exports stay), and what tools and tests use to drive the
 * handlers directly.
 * @packageDocumentation
 * @module pulumi-zenlayer/provider
 */
export {
  createNetworkInterfaceAttachmentProvider,
  networkInterfaceAttachmentProvider,
  createNetworkInterfaceProvider,
  networkInterfaceProvider,
} from "./dynamic/providers";
export type {
  NetworkInterfaceInputs,
  NetworkInterfaceOutputs,
  NetworkInterfaceTimeouts,
} from "./core/networkInterface/inputs";
export type { PollingSettings } from "./core/context";
export type { ProviderOptions } from "./dynamic/providers";
export type {
  ClientDeps,
  ClientSettings,
  HttpReply,
  HttpRequest,
  NicSubnetType,
  RateLimiter,
  RetrySettings,
  RuntimeDeps,
  Sleep,
  Transport,
} from "../sdk/index";
export type { AttachmentInputs, AttachmentOutputs, AttachmentTimeouts } from "./core/attachment/inputs";
export { formatAttachmentId, parseAttachmentId } from "./core/attachment/inputs";
export { parseDuration } from "./core/inputValues";
