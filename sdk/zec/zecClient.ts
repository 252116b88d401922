import { ZenlayerApiClient } from "../client/apiClient";
import type { CallOptions } from "../client/apiClient";
import { BatchedReader } from "./batchedReads";
import { describeAllPages } from "./paging";
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
  InstanceInfo,
  ModifyNetworkInterfaceAttributeRequest,
  NicInfo,
} from "./types";

/** Batched reads are sent once; their callers poll, and the next poll is the retry. */
const ONCE = { maxAttempts: 1 } as const;

/** The ZEC service name, the last segment of `/api/v2/zec`. @public */
export const ZEC_SERVICE = "zec";

/** The ZEC API version this client's types describe. @public */
export const ZEC_API_VERSION = "2025-09-01";

/**
 * Typed ZEC calls for NICs and instances. Each method returns the action's inner `response`
 * object (with `requestId`) and throws a {@link ZenlayerApiError}; whether a failure is retried
 * depends on the action (a create is never sent twice after an ambiguous failure).
 * @public
 */
export class ZecClient extends ZenlayerApiClient {
  readonly #nicReads = new BatchedReader<NicInfo>(
    async (nicIds) =>
      (await this.describeNetworkInterfaces({ nicIds, pageSize: nicIds.length }, ONCE)).dataSet,
    (nic) => nic.nicId,
  );
  readonly #instanceReads = new BatchedReader<InstanceInfo>(
    async (instanceIds) =>
      (await this.describeInstances({ instanceIds, pageSize: instanceIds.length }, ONCE)).dataSet,
    (instance) => instance.instanceId,
  );

  /**
   * One NIC by id, `undefined` when Zenlayer does not list it. Reads issued within a few
   * milliseconds share one DescribeNetworkInterfaces call, which is sent once: a poller that reads
   * again on its own schedule is the retry. `signal` stops this caller waiting.
   */
  findNetworkInterface(nicId: string, signal?: AbortSignal): Promise<NicInfo | undefined> {
    return this.#nicReads.read(nicId, signal);
  }

  /** One instance by id, batched and sent once like {@link ZecClient.findNetworkInterface}. */
  findInstance(instanceId: string, signal?: AbortSignal): Promise<InstanceInfo | undefined> {
    return this.#instanceReads.read(instanceId, signal);
  }

  /** One page of NICs; an unknown `nicIds` entry is simply absent from `dataSet`, not an error. */
  describeNetworkInterfaces(
    request: DescribeNetworkInterfacesRequest,
    options?: CallOptions,
  ): Promise<DescribeNetworkInterfacesResponse> {
    return this.zec("DescribeNetworkInterfaces", request, options);
  }

  /**
   * Every NIC matching the filters, across all pages of 100. Reads as many items as the first page
   * promises and no more, so a total that grows between pages cannot keep it reading; fails with
   * `PAGING_LIMIT_EXCEEDED` when that promise is beyond 1,000 pages.
   */
  describeAllNetworkInterfaces(
    request: Omit<DescribeNetworkInterfacesRequest, "pageSize" | "pageNum">,
    options?: CallOptions,
  ): Promise<NicInfo[]> {
    return describeAllPages({
      action: "DescribeNetworkInterfaces",
      endpoint: this.endpointOf(ZEC_SERVICE),
      fetch: (pageNum, pageSize) =>
        this.describeNetworkInterfaces({ ...request, pageSize, pageNum }, options),
    });
  }

  /** Every instance matching the filters, across all pages; bounded like {@link ZecClient.describeAllNetworkInterfaces}. */
  describeAllInstances(
    request: Omit<DescribeInstancesRequest, "pageSize" | "pageNum">,
    options?: CallOptions,
  ): Promise<InstanceInfo[]> {
    return describeAllPages({
      action: "DescribeInstances",
      endpoint: this.endpointOf(ZEC_SERVICE),
      fetch: (pageNum, pageSize) => this.describeInstances({ ...request, pageSize, pageNum }, options),
    });
  }

  /**
   * Renames a NIC and/or replaces its security group; takes effect at once. Setting the group it
   * already has succeeds. Repeating it ends in the same state, so it is retried like a read.
   */
  modifyNetworkInterfaceAttribute(
    request: ModifyNetworkInterfaceAttributeRequest,
    options?: CallOptions,
  ): Promise<EmptyResponse> {
    return this.zec("ModifyNetworkInterfaceAttribute", request, options);
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

  /**
   * One page of instances matching `request`. The resources use it to check that an instance can
   * take a NIC (`RUNNING`) and to answer the instance lookup; reads of single instances are batched
   * by {@link ZecClient.findInstance}.
   */
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
