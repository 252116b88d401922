import type { InstanceSeed, NicSeed, SeedDocument } from "./seed";
import type { WireInstance, WireNic } from "./wire";

/** A key pair the simulated account accepts for ZC2-HMAC-SHA256 signatures. @public */
export interface AccessKeyPair {
  /** Sent in the clear in `Credential=`. */
  accessKeyId: string;
  /** The HMAC key; never sent, never logged. */
  accessKeyPassword: string;
}

/**
 * Which generation of documented error codes to emit. `current` follows the newest docs pages;
 * `legacy` follows the older ones (OPERATION_FAILED_RESOURCE_NOT_FOUND,
 * OPERATION_DENIED_NIC_NOT_EXIST_INSTANCE, 403 for instance-status denials) that Terraform still relies on.
 * @public
 */
export type ErrorCodeGeneration = "current" | "legacy";

/**
 * Probabilistic faults, drawn from the seeded PRNG so a run is reproducible from `randomSeed`.
 * All rates are probabilities in [0, 1]; everything defaults to off.
 * @public
 */
export interface FaultSettings {
  /** Token bucket (burst = one second's worth); excess requests get 429 REQUEST_LIMIT_EXCEEDED before authentication. */
  rateLimitRps?: number;
  /** Adds `Retry-After: <s>` to rate-limit answers. */
  retryAfterSeconds?: number;
  /** Probability of a 500 INTERNAL_SERVER_ERROR or 503 SERVICE_TEMPORARY_UNAVAILABLE (half each) after authentication. */
  errorRate?: number;
  /** Fixed latency added to every API request. */
  latencyMs?: number;
  /** Probability that a request gets `latencySpikeMs` extra. */
  latencySpikeRate?: number;
  latencySpikeMs?: number;
  /** Probability that the connection is destroyed before any answer (nothing executed). */
  resetRate?: number;
  /** Probability that the action executes but the connection is destroyed instead of answering. */
  lostResponseRate?: number;
  /** Probability of an edge/proxy HTML page instead of JSON, before authentication. */
  htmlRate?: number;
  /** Status of those HTML pages: 502 (gateway) or 403 (challenge, with `cf-mitigated: challenge`). Default 502. */
  htmlStatus?: 502 | 403;
  /** For this long after a successful write, Describe* shows the resource as it was before the write. */
  staleReadMs?: number;
  /** Probability that a scheduled transition stalls for `stallMs` (or forever) before completing. */
  stallRate?: number;
  stallMs?: number | "forever";
  /** Probability that CreateNetworkInterface ends in CREATE_FAILED instead of AVAILABLE. */
  createFailureRate?: number;
  /** Restrict the probabilistic faults above to these actions; default all actions. */
  actions?: string[];
}

/**
 * A scripted, deterministic failure for the next `count` requests matching `action` (any action
 * when omitted), applied after authentication. With `when: "after"` the action really executes and
 * only its answer is replaced, modelling a lost response.
 * @public
 */
export interface FailNextRule {
  /** The `X-ZC-Action` to fail; any action when omitted. */
  action?: string;
  /** How many matching requests fail, a positive integer. */
  count: number;
  /** The status to answer with, 100–599. */
  httpStatus: number;
  /** Default derived from the status (429 REQUEST_LIMIT_EXCEEDED, 503 SERVICE_TEMPORARY_UNAVAILABLE, else INTERNAL_SERVER_ERROR). */
  code?: string;
  /** Adds `Retry-After: <s>` to the answer. */
  retryAfterSeconds?: number;
  /** Default "error" (a JSON error envelope). */
  kind?: "error" | "reset" | "html" | "empty";
  /** Default "before" (the action does not run). */
  when?: "before" | "after";
}

/**
 * One received API request. Holds no headers, so never a credential or signature; ZEC request
 * bodies carry no secrets.
 * @public
 */
export interface RequestLogEntry {
  /** ISO-8601 time the request arrived. */
  time: string;
  /** The same moment in ms on the simulator's clock (`time` has whole seconds, like Zenlayer's timestamps). */
  receivedAtMs: number;
  /** `X-ZC-Action` as received (cut to 128 characters), null when absent. */
  action: string | null;
  /** `X-ZC-Version` as received (cut to 128 characters), null when absent. */
  version: string | null;
  /** HTTP status sent; 0 when the connection was destroyed instead. */
  status: number;
  /** The error code of a JSON error answer. */
  code?: string;
  /** The request id the answer carried (or would have carried, when it was lost). */
  requestId: string;
  /**
   * The body, bounded so the log's memory does not depend on what clients send: up to 2 KiB
   * (every real ZEC body), the parsed JSON, or the text when it is not JSON; larger bodies only
   * `{truncated: true, bytes, preview}`, with the first 256 bytes as text. Null when empty.
   */
  body: unknown;
  /** The injected fault, if any, e.g. `rate-limit`, `reset`, `html`, `fail-next`. */
  fault?: string;
  /** For NIC writes that executed (even if their answer was then lost or replaced): what they did. */
  effect?: WriteEffect;
  /**
   * For a DescribeNetworkInterfaces that named NICs by `nicIds`: where its answer showed each of
   * them (the instance id, or null when unattached; NICs missing from the answer are left out).
   * What a client read, stale or not, is what it acted on; chaos tests judge a detach by it.
   */
  seen?: Record<string, string | null>;
  /**
   * Who signed an authenticated request: the access key id its signature named (sent in the
   * clear, never a secret), or `bearer token`. Absent for a request that was not authenticated.
   */
  signedBy?: string;
}

/**
 * What an executed Attach/Detach/DeleteNetworkInterface found and did, recorded whatever answer
 * the client got, so tests can judge writes whose answer was lost or replaced by `failNext`.
 * @public
 */
export interface WriteEffect {
  nicId: string;
  /** The NIC's instance just before the write ran; null when unattached or when the NIC did not exist. */
  instanceIdBefore: string | null;
  /** The NIC's status just before the write ran; null when the NIC did not exist. */
  statusBefore: string | null;
  /** AttachNetworkInterface only: the instance it was asked to attach to. */
  targetInstanceId?: string;
  /** Whether the write was accepted (changed the NIC) rather than refused by a rule. */
  applied: boolean;
  /** Simulator clock (ms) when the write ran. */
  atMs: number;
}

/**
 * One status change of a NIC or an instance, on the simulator's clock: when a NIC really became
 * USED or AVAILABLE, say, as opposed to when a client noticed. Kept in a bounded log
 * (`transitionLogLimit`); see {@link SimulatorControl.transitionLog}.
 * @public
 */
export interface StatusTransition {
  /** Simulator clock (ms) when the status changed. */
  atMs: number;
  /** Which kind of resource changed. */
  resource: "nic" | "instance";
  /** The NIC's or instance's id (cut to 128 characters). */
  id: string;
  /** The status before; null when the resource did not exist yet (a create or a seed). */
  from: string | null;
  /** The status after; null when the resource is gone (a NIC deleted). */
  to: string | null;
  /** For a NIC, the instance it is bound to after the change (before it, when gone); null for none and for instances. */
  instanceId: string | null;
  /**
   * `api`: an accepted write moved it into its in-flight status (PENDING, ATTACHING, DETACHING,
   * DELETING, BOOTING, STOPPING); `transition`: the scheduled transition settled it (after the
   * transition delay and any stall); `out-of-band`: a forced change; `seed`: seeded.
   */
  cause: "api" | "transition" | "out-of-band" | "seed";
}

/**
 * How to start a simulator: where it listens, who may call it, what it holds, how slow its
 * transitions are and which faults it injects. Every field is optional; the defaults suit a test.
 * @public
 */
export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** Default `[DEFAULT_ACCESS_KEY]`. */
  accessKeys?: AccessKeyPair[];
  /** Tokens accepted as `Authorization: Bearer <token>` on the API, besides signatures. Default none. */
  bearerTokens?: string[];
  /** Resources to start with. Default none. */
  seed?: SeedDocument;
  /** How long PENDING/ATTACHING/DETACHING/DELETING and instance transitions last. Default 300. */
  transitionDelayMs?: number;
  /** Default `current`. */
  errorCodes?: ErrorCodeGeneration;
  /** Default none. */
  faults?: FaultSettings;
  /** Seeds the PRNG behind faults and generated ids. Default 1, so every run is deterministic. */
  randomSeed?: number;
  /** Default 8, counting the primary NIC. */
  nicLimitPerInstance?: number;
  /** Ring-buffer size of the request log. Default 1000; each entry holds at most about 3 KB, whatever was sent. */
  requestLogLimit?: number;
  /** Ring-buffer size of the status transition log. Default 1000; each entry holds a few ids and statuses (about 200 bytes). */
  transitionLogLimit?: number;
  /** Time to receive a whole request, headers and body (Node's `server.requestTimeout`); 0 disables. Default 30000. */
  requestTimeoutMs?: number;
  /** Time to receive the headers (Node's `server.headersTimeout`), at most `requestTimeoutMs`; 0 disables. Default 10000. */
  headersTimeoutMs?: number;
  /** How long a keep-alive connection may wait for its next request (Node's `server.keepAliveTimeout`). Default 5000. */
  keepAliveTimeoutMs?: number;
  /**
   * A connection on which the client sends nothing for this long, while the simulator waits for
   * it (connecting, or in the middle of a request), is closed; 0 disables. Default 10000. Time the
   * simulator itself takes to answer (injected latency) never counts.
   */
  idleTimeoutMs?: number;
  /**
   * When set, every `/_simulator/` request must carry `Authorization: Bearer <adminToken>`. The
   * admin surface answers loopback clients only and refuses cross-origin browser requests either
   * way; the token also keeps other local users and programs out.
   */
  adminToken?: string;
  /** Clock in ms for timestamps, the signature skew check, stale reads and rate limiting. */
  now?: () => number;
}

/** Forced changes that bypass the API's rules, as if someone used the console. @public */
export interface OutOfBandControl {
  /** The NIC becomes AVAILABLE with no instance, at once. */
  detachNic(nicId: string): void;
  /** The NIC is gone, at once, whatever its status. */
  deleteNic(nicId: string): void;
  /** The instance becomes STOPPED, at once. */
  stopInstance(instanceId: string): void;
  /** The instance becomes RUNNING, at once. */
  startInstance(instanceId: string): void;
  /** Any documented instance status, e.g. REBOOT; throws on others. */
  setInstanceStatus(instanceId: string, status: string): void;
  /** While associated (default true), detaching the NIC answers INVALID_NIC_LB_ASSOCIATED. */
  associateLoadBalancer(nicId: string, associated?: boolean): void;
  /** The NIC becomes USED on the instance, at once, whatever the rules say. */
  attachNic(nicId: string, instanceId: string): void;
}

/**
 * The simulator from inside the process: seed it, read its true state, inject faults, and change
 * things behind the API's back. The admin surface `/_simulator/` offers the same over HTTP.
 * @public
 */
export interface SimulatorControl {
  /** Adds subnets, instances and NICs; throws on duplicates or contradictions. */
  seed(doc: SeedDocument): void;
  /** Seeds one instance (with its primary NIC unless told otherwise) and returns it. */
  addInstance(spec: InstanceSeed): WireInstance;
  /** Seeds one NIC and returns it. */
  addNic(spec: NicSeed): WireNic;
  /** Deep copies of the true state (never stale). */
  snapshot(): { instances: WireInstance[]; nics: WireNic[] };
  /** The NIC as it truly is (never stale), or undefined when there is none. */
  getNic(nicId: string): WireNic | undefined;
  /** The instance as it truly is (never stale), or undefined when there is none. */
  getInstance(instanceId: string): WireInstance | undefined;
  /** Copies of the request log, oldest first. */
  requestLog(): RequestLogEntry[];
  /** Requests received per `X-ZC-Action`, including failed ones. */
  actionCounts(): Record<string, number>;
  /** Empties the request log and the counts. */
  resetRequestLog(): void;
  /** Copies of the status transition log (every NIC and instance status change, with its time and cause), oldest first. */
  transitionLog(): StatusTransition[];
  /** Replaces every fault setting (and restarts the rate limit). */
  setFaults(faults: FaultSettings): void;
  /** Queues a scripted failure; rules apply in the order queued. */
  failNext(rule: FailNextRule): void;
  /** For transitions scheduled from now on. */
  setTransitionDelay(ms: number): void;
  /** Switches the error codes answered from now on, to test a client against either generation. */
  setErrorCodes(gen: ErrorCodeGeneration): void;
  /** Matching transitions (all when no id is given) do not complete until the stall ends. */
  stallTransitions(opts: { nicId?: string; instanceId?: string; forMs: number | "forever" }): void;
  /** Ends every stall, and completes what they held back. */
  releaseStalls(): void;
  outOfBand: OutOfBandControl;
  /** Resolves when no transition is pending (never while one is stalled forever). */
  whenIdle(): Promise<void>;
}

/** A running simulator. @public */
export interface Simulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `127.0.0.1:PORT`, the value for ZENLAYERCLOUD_DOMAIN and the Host a client signs. */
  domain: string;
  /** The port it listens on (a free one unless `port` was given). */
  port: number;
  control: SimulatorControl;
  /** Closes the server and keep-alive sockets and clears every timer. */
  stop(): Promise<void>;
}
