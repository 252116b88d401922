import { ZenlayerApiClient } from "../client/apiClient";
import type { CallOptions } from "../client/apiClient";
import type {
  AttachNetworkInterfaceRequest,
  CreateNetworkInterfaceRequest,
  CreateNetworkInterfaceResponse,
  DeleteNetworkInterfaceRequest,
  DescribeInstancesRequest,
  DescribeInstancesResponse,
  DescribeNetworkInterfacesRequest,
  DescribeNetworkInterfacesResponse,
  DetachNetworkInterfaceRequest,
  EmptyResponse,
  NicInfo,
} from "./types";

/** The ZEC service name, the last segment of `/api/v2/zec`. @public */
export const ZEC_SERVICE = "zec";

/** The ZEC API version this client's types describe. @public */
export const ZEC_API_VERSION = "2025-09-01";

/** The page size {@link ZecClient.describeAllNetworkInterfaces} asks for, as Terraform does. @public */
export const DESCRIBE_ALL_PAGE_SIZE = 100;

/**
 * Typed ZEC calls for NICs and instances. Each method returns the action's inner `response`
 * object (with `requestId`) and throws a {@link ZenlayerApiError}; whether a failure is retried
 * depends on the action (see {@link ACTION_SAFETY}).
 * @public
 */
export class ZecClient extends ZenlayerApiClient {
  /** One page of NICs; an unknown `nicIds` entry is simply absent from `dataSet`, not an error. */
  describeNetworkInterfaces(
    request: DescribeNetworkInterfacesRequest,
    options?: CallOptions,
  ): Promise<DescribeNetworkInterfacesResponse> {
    return this.zec("DescribeNetworkInterfaces", request, options);
  }

  /**
   * Every NIC matching the filters, across all pages. Stops when the collected count reaches
   * `totalCount` or a page comes back short, so a total that changes between pages cannot loop.
   */
  async describeAllNetworkInterfaces(
    request: Omit<DescribeNetworkInterfacesRequest, "pageSize" | "pageNum">,
    options?: CallOptions,
  ): Promise<NicInfo[]> {
    const all: NicInfo[] = [];
    for (let pageNum = 1; ; pageNum++) {
      const page = await this.describeNetworkInterfaces(
        { ...request, pageSize: DESCRIBE_ALL_PAGE_SIZE, pageNum },
        options,
      );
      all.push(...page.dataSet);
      if (all.length >= page.totalCount || page.dataSet.length < DESCRIBE_ALL_PAGE_SIZE) return all;
    }
  }

  /** Starts attaching; the NIC then goes ATTACHING → USED. Retried on throttling and transient failures. */
  attachNetworkInterface(
    request: AttachNetworkInterfaceRequest,
    options?: CallOptions,
  ): Promise<EmptyResponse> {
    return this.zec("AttachNetworkInterface", request, options);
  }

  /** Starts detaching; the NIC then goes DETACHING → AVAILABLE. Retried like attach. */
  detachNetworkInterface(
    request: DetachNetworkInterfaceRequest,
    options?: CallOptions,
  ): Promise<EmptyResponse> {
    return this.zec("DetachNetworkInterface", request, options);
  }

  /**
   * Starts creating a NIC (PENDING → AVAILABLE). Not idempotent: retried only when the request
   * provably never reached the server (throttled, or the connection was refused).
   */
  createNetworkInterface(
    request: CreateNetworkInterfaceRequest,
    options?: CallOptions,
  ): Promise<CreateNetworkInterfaceResponse> {
    return this.zec("CreateNetworkInterface", request, options);
  }

  /** Starts deleting a detached NIC (DELETING → gone). */
  deleteNetworkInterface(
    request: DeleteNetworkInterfaceRequest,
    options?: CallOptions,
  ): Promise<EmptyResponse> {
    return this.zec("DeleteNetworkInterface", request, options);
  }

  describeInstances(
    request: DescribeInstancesRequest,
    options?: CallOptions,
  ): Promise<DescribeInstancesResponse> {
    return this.zec("DescribeInstances", request, options);
  }

  private zec<T extends EmptyResponse>(
    action: string,
    request: object,
    options: CallOptions | undefined,
  ): Promise<T> {
    return this.callApi<T>(ZEC_SERVICE, ZEC_API_VERSION, action, request, options);
  }
}
