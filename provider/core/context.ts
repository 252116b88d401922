import { resolveClientConfig, ZecClient } from "../../sdk/index";
import type { ClientConfig, ClientDeps, ClientSettings, Sleep } from "../../sdk/index";
import { sha256Hex } from "../../sdk/signing/signer";
import { displayValue } from "../../sdk/util/displayValue";
import { processWideMap } from "../../sdk/util/processWide";
import { withDefaultDeps } from "../../sdk/util/time";
import { TransitionEstimate } from "./pacing";
import { millisecondsBetween } from "./schema/rules";
import { ReadLag } from "./readLag";

/*
 * What this process learns about each Zenlayer account while it runs (how long its NIC transitions
 * take, how far its reads lag) belongs to the account's API, not to a resource or a client: every
 * operation on one account shares it, and no other account's does.
 */

/** One account's learned figures. @internal */
export interface AccountKnowledge {
  readonly transitions: TransitionEstimate;
  readonly readLag: ReadLag;
}

/** A provider process serves one deployment; more accounts than this means old ones can be forgotten. */
const MAX_ACCOUNTS = 64;

/**
 * The knowledge of the account `account` (a client's `account` key: endpoint and key id, never a
 * secret), created on first use; the least recently used account is forgotten past a bound.
 * @internal
 */
export function knowledgeOf(account: string): AccountKnowledge {
  const accounts = processWideMap<string, AccountKnowledge>("accountKnowledge");
  const known = accounts.get(account) ?? { transitions: new TransitionEstimate(), readLag: new ReadLag() };
  accounts.delete(account);
  accounts.set(account, known);
  if (accounts.size > MAX_ACCOUNTS) accounts.delete(accounts.keys().next().value ?? account);
  return known;
}

/**
 * How often an operation looks at the cloud while something is in flight. Looks of every
 * operation in the process fall on one shared grid (half an interval), so parallel operations read
 * together and their reads share one Describe call.
 */
export interface PollingSettings {
  readonly intervalMs: number;
}

/**
 * What every resource operation needs for one call: a client built from the configuration in force
 * right now, polling bounds, what is known of the account, a clock, and a place to print progress.
 * Built per call by the front end (the dynamic provider or the provider plugin), never captured,
 * so rotated credentials and changed environment variables take effect without re-deploying
 * anything.
 * @internal
 */
export interface ResourceContext {
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
  /** Aborts when the user cancels (Ctrl-C reaching a provider plugin): operations stop waiting and send nothing more. */
  readonly cancel?: AbortSignal | undefined;
}

/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

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
export function pollingFromEnv(env: Env): PollingSettings {
  const text = env[POLL_INTERVAL_VARIABLE];
  if (text === undefined || text.trim() === "") return DEFAULT_POLLING;
  const value = Number(text);
  if (isPollInterval(value)) return { intervalMs: value };
  throw new Error(
    `${POLL_INTERVAL_VARIABLE} ${INTERVAL_RULE}; got ${displayValue(text)}. Nothing was sent to Zenlayer; ` +
      "correct the variable or unset it for the default of 1000.",
  );
}

/** The variable that sets the read-consistency window for a whole process. @internal */
export const READ_CONSISTENCY_VARIABLE = "PULUMI_ZENLAYER_READ_CONSISTENCY_MS";

/** The longest read-consistency window: a day, the longest timeout; any longer and no read could ever settle. @internal */
export const MAX_READ_CONSISTENCY_MS = 24 * 3_600_000;

const READ_CONSISTENCY_RULE = millisecondsBetween(0, MAX_READ_CONSISTENCY_MS);

/**
 * The read-consistency window that `text`, read from `setting`, asks for; `undefined` when unset or
 * blank. Anything else fails naming the setting, by the rule the plugin's `readConsistencyMs`
 * follows: a user raising the window after a lag error, with a typo, must learn of it, not keep
 * the default.
 * @internal
 */
export function readConsistencyOf(text: string | undefined, setting: string): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const [failure] = [READ_CONSISTENCY_RULE(text, setting)].flat();
  if (failure !== undefined)
    throw new Error(
      `${failure.reason}. Nothing was sent to Zenlayer; correct it, or unset it for the default.`,
    );
  return Number(text);
}

/** `PULUMI_ZENLAYER_READ_CONSISTENCY_MS`, for simulators and tests that model a different lag. @internal */
export function readConsistencyFromEnv(env: Env): number {
  return (
    readConsistencyOf(env[READ_CONSISTENCY_VARIABLE], READ_CONSISTENCY_VARIABLE) ??
    DEFAULT_READ_CONSISTENCY_MS
  );
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

/** What a front end fixes once for a provider instance: overrides for tests and tools, none in production. */
export interface ContextOverrides {
  readonly polling?: PollingSettings | undefined;
  readonly readConsistencyMs?: number | undefined;
  /** The client's transport, rate limiter, clock, randomness and sleep, which operations' own waits use too. */
  readonly clientDeps?: ClientDeps | undefined;
}

/** Where one call's settings come from, in order: explicit settings, stack config, the environment. */
export interface SettingSources {
  readonly explicit?: ClientSettings | undefined;
  readonly stackConfig?: ((key: string) => string | undefined) | undefined;
  readonly env: Env;
  /** Where the call's progress lines go (the front end may tie them to the resource). */
  readonly log: (line: string) => void;
  /** The user's cancellation, when the front end has one. */
  readonly cancel?: AbortSignal | undefined;
  /** The read-consistency window the provider's configuration sets (stack config or arguments). */
  readonly readConsistencyMs?: number | undefined;
}

/**
 * Builds each call's {@link ResourceContext} for one provider instance. Clients are shared by
 * configuration across the process (so parallel operations batch their reads), except clients with
 * injected collaborators, which stay this builder's own.
 * @internal
 */
export class ContextBuilder {
  readonly #overrides: ContextOverrides;
  readonly #ownClients = new Map<string, ZecClient>();

  constructor(overrides: ContextOverrides = {}) {
    const polling = overrides.polling === undefined ? undefined : checkedPolling(overrides.polling);
    this.#overrides = { ...overrides, polling };
  }

  /** A fresh context from the settings in force now. */
  build(sources: SettingSources): ResourceContext {
    const config = resolveClientConfig({
      ...(sources.explicit === undefined ? {} : { explicit: sources.explicit }),
      ...(sources.stackConfig === undefined ? {} : { stackConfig: sources.stackConfig }),
      env: sources.env,
    });
    const client = this.#clientOf(config);
    const { polling, readConsistencyMs, clientDeps } = this.#overrides;
    return {
      client,
      polling: polling ?? pollingFromEnv(sources.env),
      readConsistencyMs:
        readConsistencyMs ?? sources.readConsistencyMs ?? readConsistencyFromEnv(sources.env),
      knowledge: knowledgeOf(client.account),
      log: sources.log,
      cancel: sources.cancel,
      ...withDefaultDeps(clientDeps),
    };
  }

  #clientOf(config: ClientConfig): ZecClient {
    const deps = this.#overrides.clientDeps;
    if (deps === undefined) return clientFor(config);
    const key = identityOf(config);
    const client = this.#ownClients.get(key) ?? new ZecClient(config, deps);
    this.#ownClients.set(key, client);
    return client;
  }
}
