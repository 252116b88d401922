/**
 * Typed client for Zenlayer Cloud API 2.0 (ZEC vNICs and instances): signing, retries, rate
 * limiting, configuration and status waiters.
 * @packageDocumentation
 */
export {
  SIGNATURE_METHOD,
  SIGNED_HEADERS,
  canonicalRequest,
  sha256Hex,
  sign,
  stringToSign,
} from "./signing/signer";
export type { SignInput, SignOutput } from "./signing/signer";

export { ZenlayerApiError, isZenlayerApiError } from "./errors/zenlayerApiError";
export type { EndpointInfo, ZenlayerApiErrorInit } from "./errors/zenlayerApiError";
export type { ErrorCategory } from "./errors/errorCategory";
export { ClientErrorCode } from "./errors/clientErrorCodes";
export type { ClientErrorCodeValue } from "./errors/clientErrorCodes";
export type { SanitizedCause } from "./errors/sanitizeCause";

export {
  CODE_CATEGORIES,
  NOT_FOUND_CODE_PATTERN,
  UNREACHABLE_CAUSE_CODES,
  UNREACHABLE_RETRY_WINDOW_MS,
  classifyError,
} from "./retry/classification";
export { ACTION_SAFETY, NOT_SENT_CAUSE_CODES, isRetrySafe, retrySafetyOf } from "./retry/actionSafety";
export type { RetrySafety } from "./retry/actionSafety";
export { DEFAULT_RETRY_SETTINGS, resolveRetrySettings } from "./retry/retrySettings";
export type { RetrySettings } from "./retry/retrySettings";
export { fullJitterDelayMs, parseRetryAfterMs, retryDelayMs } from "./retry/backoff";

export { TokenBucket } from "./rateLimit/tokenBucket";
export type { RateLimiter, TokenBucketOptions } from "./rateLimit/tokenBucket";
export { sharedRateLimiter } from "./rateLimit/sharedRateLimiter";

export { CLIENT_DEFAULTS } from "./config/clientConfig";
export type { ClientConfig, ClientSettings, Scheme } from "./config/clientConfig";
export { AccessKeyCredentials, BearerTokenCredentials } from "./config/credentials";
export type { Credentials } from "./config/credentials";
export { ZenlayerConfigError, isZenlayerConfigError } from "./config/zenlayerConfigError";
export { resolveClientConfig } from "./config/resolveClientConfig";
export type { ConfigSources } from "./config/settingLevels";

export { CONTENT_TYPE } from "./transport/requestHeaders";
export type { ApiResponse } from "./transport/parseReply";
export { ZenlayerApiClient } from "./client/apiClient";
export type { CallOptions, ClientDeps } from "./client/apiClient";
export type { RuntimeDeps } from "./util/runtimeDeps";
export { abortableSleep, Deadline, DeadlineExceededError, isDeadlineExceeded } from "./util/deadline";
export type { Sleep } from "./util/deadline";

export { DESCRIBE_ALL_PAGE_SIZE, ZEC_API_VERSION, ZEC_SERVICE, ZecClient } from "./zec/zecClient";
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

export { waitUntil } from "./waiters/waitUntil";
export type { WaitDecision, WaitOptions, WaitProgress } from "./waiters/waitUntil";
export { WaitTimeoutError, isWaitTimeoutError } from "./waiters/waitTimeoutError";
export type { WaitTimeoutErrorInit } from "./waiters/waitTimeoutError";
