/**
 * Typed client for Zenlayer Cloud API 2.0 (ZEC vNICs and instances): the client and its operations,
 * their wire types, the errors they throw, the signer, a status waiter and configuration. Everything
 * else in `sdk/` is internal and may change in any release.
 * @packageDocumentation
 * @module pulumi-zenlayer/sdk
 */
export { ZecClient, ZEC_API_VERSION, ZEC_SERVICE } from "./zec/zecClient";
export { ZenlayerApiClient } from "./client/apiClient";
export type { CallOptions, ClientDeps } from "./client/apiClient";
export type { ApiResponse } from "./client/attempt";
export type {
  AttachNetworkInterfaceRequest,
  CreateNetworkInterfaceRequest,
  CreateNetworkInterfaceResponse,
  DataDiskInfo,
  DeleteNetworkInterfaceRequest,
  DescribeInstancesRequest,
  DescribeInstancesResponse,
  DescribeNetworkInterfacesRequest,
  DescribeNetworkInterfacesResponse,
  DetachNetworkInterfaceRequest,
  EmptyResponse,
  InstanceInfo,
  InstanceStatus,
  ModifyNetworkInterfaceAttributeRequest,
  NicInfo,
  NicStatus,
  NicSubnetType,
  NicType,
  PagedResponse,
  ResourceGroupInfo,
  SystemDiskInfo,
  Tag,
  Tags,
} from "./zec/types";

export {
  DeadlineExceededError,
  isDeadlineExceeded,
  isWaitTimeoutError,
  isZenlayerApiError,
  isZenlayerConfigError,
  WaitTimeoutError,
  ZenlayerApiError,
  ZenlayerConfigError,
} from "./errors";
export type { EndpointInfo, SanitizedCause, WaitTimeoutErrorInit, ZenlayerApiErrorInit } from "./errors";
export { ClientErrorCode } from "./retry/classification";
export type { ClientErrorCodeValue, ErrorCategory } from "./retry/classification";

export { sign } from "./signing/signer";
export type { SignInput, SignOutput } from "./signing/signer";

export { waitUntil } from "./waiters/waitUntil";
export type { PendingDecision, WaitDecision, WaitOptions, WaitProgress } from "./waiters/waitUntil";
export { Deadline } from "./util/time";
export type { RuntimeDeps, Sleep } from "./util/time";

export { AccessKeyCredentials, BearerTokenCredentials } from "./config/credentials";
export type { Credentials } from "./config/credentials";
export { CLIENT_DEFAULTS } from "./config/clientConfig";
export type { ClientConfig, ClientSettings, ConfigSources, Scheme } from "./config/clientConfig";
export { resolveClientConfig } from "./config/resolveClientConfig";
export { DEFAULT_RETRY_SETTINGS } from "./retry/retryPolicy";
export type { RetrySettings } from "./retry/retryPolicy";
export { TokenBucket } from "./rateLimit/tokenBucket";
export type { RateLimiter, TokenBucketOptions } from "./rateLimit/tokenBucket";
export { axiosTransport, isReplyTooLarge, MAX_REPLY_BYTES, ReplyTooLargeError } from "./transport/transport";
export type { HttpReply, HttpRequest, Transport } from "./transport/transport";
