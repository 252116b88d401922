import type * as dynamic from "@pulumi/pulumi/dynamic";
import { resolveClientConfig, ZecClient } from "../../sdk/index";
import type { ClientConfig, ClientDeps, ClientSettings, Sleep } from "../../sdk/index";
import { sha256Hex } from "../../sdk/signing/signer";
import { displayValue } from "../../sdk/util/displayValue";
import { withDefaultDeps } from "../../sdk/util/time";
import { knowledgeOf } from "./accounts";
import type { AccountKnowledge } from "./accounts";

/**
 * How often an operation looks at the cloud while something is in flight. Looks of every
 * operation in the process fall on one shared grid (half an interval), so parallel operations read
 * together and their reads share one Describe call.
 */
export interface PollingSettings {
  readonly intervalMs: number;
}

/**
 * What every handler needs for one call: a client built from the configuration in force right
 * now, polling bounds and a place to print progress. Built per call, never captured, so rotated
 * credentials and changed environment variables take effect without re-deploying anything.
 * @internal
 */
export interface HandlerContext {
  readonly client: ZecClient;
  readonly polling: PollingSettings;
  /** How long a Describe may lag a write, as configured; see `ReadTrust`. */
  readonly readConsistencyMs: number;
  /** What this process has learned of the client's account (transition times, read lag). */
  readonly knowledge: AccountKnowledge;
  readonly log: (line: string) => void;
  readonly now: () => number;
  readonly random: () => number;
  readonly sleep: Sleep;
}

/**
 * Options for building a provider: production uses none of them; tests and tools use them to
 * point at a simulator with fast polling.
 * @public
 */
export interface ProviderOptions {
  /** Settings that win over stack config and the environment. */
  readonly clientSettings?: ClientSettings;
  /** Environment to read settings from; defaults to `process.env`, read at call time. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * How often to look while something is in flight; `intervalMs` from 1 ms to 24 h, checked when
   * the provider is built. Default: `PULUMI_ZENLAYER_POLL_INTERVAL_MS`, else 1000.
   */
  readonly polling?: PollingSettings;
  /** How long Describe may lag a write; 1000 ms by default (`PULUMI_ZENLAYER_READ_CONSISTENCY_MS`). */
  readonly readConsistencyMs?: number;
  readonly log?: (line: string) => void;
  /**
   * The client's transport, rate limiter, clock, randomness and sleep, which the handlers' own
   * waits use too: tests script Zenlayer at the transport and run on a fake clock.
   */
  readonly clientDeps?: ClientDeps;
}

/**
 * How long a Describe call may show a NIC as it was before a write. Zenlayer documents no
 * consistency guarantee; a second apart is what verdicts that end an operation without acting
 * ("already detached") wait for, and it costs time only on those rare paths.
 */
export const DEFAULT_READ_CONSISTENCY_MS = 1000;

/**
 * One look a second while a NIC is in flight: Zenlayer's NIC transitions take seconds, so a
 * second's lag after one finishes is small next to it, and one Describe a second for a whole
 * deployment leaves most of the account's request rate to the writes.
 */
export const DEFAULT_POLLING: PollingSettings = { intervalMs: 1000 };

/**
 * The range a polling interval may take. At least a millisecond: a timer keeps nothing finer, and
 * an interval of nothing (`polling: {}`) or zero made every look follow the last at once, over a
 * hundred reads in three seconds. At most 24 hours, the longest timeout: a look later than that can
 * never come, and past Node's 32-bit timer range a timer fires at once, which would spin again.
 * @internal
 */
export const POLL_INTERVAL_LIMITS = { minMs: 1, maxMs: 24 * 3_600_000 } as const;

/** The variable that sets the polling interval for a whole process. @internal */
export const POLL_INTERVAL_VARIABLE = "PULUMI_ZENLAYER_POLL_INTERVAL_MS";

function isPollInterval(value: unknown): value is number {
  const { minMs, maxMs } = POLL_INTERVAL_LIMITS;
  return typeof value === "number" && Number.isFinite(value) && value >= minMs && value <= maxMs;
}

const INTERVAL_RULE = `must be a number of milliseconds from ${String(POLL_INTERVAL_LIMITS.minMs)} to ${String(POLL_INTERVAL_LIMITS.maxMs)}`;

/**
 * `ProviderOptions.polling` as given, or an error naming `polling.intervalMs` when it cannot be
 * kept: checked where the provider is built, so a tool's mistake fails at once, not as a spin.
 * @internal
 */
export function checkedPolling(polling: PollingSettings): PollingSettings {
  const value: unknown = (polling as Partial<PollingSettings> | null)?.intervalMs;
  if (isPollInterval(value)) return polling;
  throw new Error(`ProviderOptions polling.intervalMs ${INTERVAL_RULE}; got ${displayValue(value)}`);
}

/**
 * `PULUMI_ZENLAYER_POLL_INTERVAL_MS`, which lets tests and local simulators run fast without
 * changing the program. Unset or empty means the default; anything else must be an interval, or
 * the operation fails naming the variable: a typo silently replaced by the default would leave a
 * test suite or a simulator run ten to fifty times slower with no hint why.
 * @internal
 */
export function pollingFromEnv(env: Readonly<Record<string, string | undefined>>): PollingSettings {
  const text = env[POLL_INTERVAL_VARIABLE];
  if (text === undefined || text.trim() === "") return DEFAULT_POLLING;
  const value = Number(text);
  if (isPollInterval(value)) return { intervalMs: value };
  throw new Error(
    `${POLL_INTERVAL_VARIABLE} ${INTERVAL_RULE}; got ${displayValue(text)}. Nothing was sent to Zenlayer; ` +
      "correct the variable or unset it for the default of 1000.",
  );
}

/** `PULUMI_ZENLAYER_READ_CONSISTENCY_MS`, for simulators and tests that model a different lag. @internal */
export function readConsistencyFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const value = Number(env["PULUMI_ZENLAYER_READ_CONSISTENCY_MS"] ?? Number.NaN);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_READ_CONSISTENCY_MS;
}

const MAX_CLIENTS = 16;
const clients = new Map<string, ZecClient>();

/** Everything that makes two configurations talk to Zenlayer differently; the secret only as a hash. */
function identityOf(config: ClientConfig): string {
  const credentials = config.credentials;
  const secret =
    credentials.kind === "accessKey"
      ? `key:${credentials.accessKeyId}:${credentials.accessKeyPassword}`
      : `bearer:${credentials.token}`;
  return JSON.stringify({ ...config, credentials: sha256Hex(secret) });
}

/**
 * One client per distinct configuration, so that handlers running in parallel for different
 * resources share it, and with it the batching of their status reads. A rotated secret is a new
 * configuration, hence a new client.
 * @internal
 */
export function clientFor(config: ClientConfig): ZecClient {
  const key = identityOf(config);
  let client = clients.get(key);
  if (client === undefined) {
    client = new ZecClient(config);
    clients.set(key, client);
    if (clients.size > MAX_CLIENTS) {
      clients.delete(clients.keys().next().value ?? key);
    }
  }
  return client;
}

/**
 * Where a provider's handlers get their context: `configure` (which the engine calls with the
 * stack config, secrets decrypted) records how to read stack config; `context()` builds a fresh
 * context per handler call from explicit options, stack config and the environment, in that order.
 * @internal
 */
export function contextSource(options: ProviderOptions): {
  configure(req: dynamic.ConfigureRequest): void;
  context(): HandlerContext;
} {
  let stackConfig: ((key: string) => string | undefined) | undefined;
  const polling = options.polling === undefined ? undefined : checkedPolling(options.polling);
  const runtime = withDefaultDeps(options.clientDeps);
  // Clients with injected collaborators are this source's own (the shared ones use the real ones).
  const ownClients = new Map<string, ZecClient>();
  const clientOf = (config: ClientConfig): ZecClient => {
    if (options.clientDeps === undefined) return clientFor(config);
    const key = identityOf(config);
    const client = ownClients.get(key) ?? new ZecClient(config, options.clientDeps);
    ownClients.set(key, client);
    return client;
  };
  return {
    configure(req) {
      stackConfig = (key) => req.config.get(key);
    },
    context() {
      const env = options.env ?? process.env;
      const config = resolveClientConfig({
        ...(options.clientSettings === undefined ? {} : { explicit: options.clientSettings }),
        ...(stackConfig === undefined ? {} : { stackConfig }),
        env,
      });
      const client = clientOf(config);
      return {
        client,
        polling: polling ?? pollingFromEnv(env),
        readConsistencyMs: options.readConsistencyMs ?? readConsistencyFromEnv(env),
        knowledge: knowledgeOf(client.account),
        log: options.log ?? ((line) => console.log(line)),
        ...runtime,
      };
    },
  };
}
