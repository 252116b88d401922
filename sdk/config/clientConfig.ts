import type { RetrySettings } from "../retry/retryPolicy";
import type { Credentials } from "./credentials";

/** The URL scheme; `HTTP` exists for local simulators and test servers. @public */
export type Scheme = "HTTP" | "HTTPS";

/**
 * A fully resolved client configuration: every value present and validated. Produced by
 * {@link resolveClientConfig}; a client never reads the environment itself.
 * @public
 */
export interface ClientConfig {
  readonly credentials: Credentials;
  /** Host name with an optional port, e.g. `console.zenlayer.com` or `127.0.0.1:8080`. */
  readonly domain: string;
  readonly scheme: Scheme;
  /** Where `domain` and `scheme` were set, for errors that blame the endpoint. */
  readonly endpointSource?: string | undefined;
  /** Shared by every client of the process for the same account and endpoint: Zenlayer limits per account. */
  readonly maxRequestsPerSecond: number;
  /** Time allowed for one HTTP attempt, from sending to the last byte of the reply. */
  readonly requestTimeoutMs: number;
  readonly retry?: Partial<RetrySettings>;
}

/**
 * Options a program passes explicitly; they take precedence over stack config and environment.
 * @public
 */
export interface ClientSettings {
  readonly accessKeyId?: string | undefined;
  readonly accessKeyPassword?: string | undefined;
  readonly token?: string | undefined;
  readonly domain?: string | undefined;
  /** `HTTP` or `HTTPS`, case-insensitive. */
  readonly scheme?: string | undefined;
  readonly maxRequestsPerSecond?: number | undefined;
  readonly requestTimeoutMs?: number | undefined;
  readonly retry?: Partial<RetrySettings> | undefined;
}

/** Defaults matching Zenlayer's official SDKs where they agree. @public */
export const CLIENT_DEFAULTS = {
  domain: "console.zenlayer.com",
  scheme: "HTTPS",
  requestTimeoutMs: 30_000,
  maxRequestsPerSecond: 10,
} as const satisfies Pick<ClientConfig, "domain" | "scheme" | "requestTimeoutMs" | "maxRequestsPerSecond">;

/** The settings that can come from more than one place. @internal */
export type SettingName =
  | "accessKeyId"
  | "accessKeyPassword"
  | "token"
  | "domain"
  | "scheme"
  | "maxRequestsPerSecond"
  | "requestTimeoutMs";

/** A value found at one level, with a description of where, for error messages. @internal */
export interface FoundSetting {
  readonly value: string | number;
  /** E.g. `ZENLAYERCLOUD_SCHEME from the environment`. */
  readonly where: string;
}

/** One place settings come from, in precedence order. @internal */
export interface SettingLevel {
  /** The value of a setting at this level, trimmed; undefined when unset or blank. */
  find(name: SettingName): FoundSetting | undefined;
  /** How a person sets `name` at this level, e.g. `zenlayer:accessKeyPassword`. */
  keyOf(name: SettingName): string | undefined;
  /** E.g. `the Pulumi stack config`. */
  readonly origin: string;
}

/** Where {@link resolveClientConfig} looks, highest precedence first. @public */
export interface ConfigSources {
  readonly explicit?: ClientSettings | undefined;
  /** Reads a full key such as `zenlayer:accessKeyId`; a secret key is read the same way. */
  readonly stackConfig?: ((key: string) => string | undefined) | undefined;
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

type KeyMap = Partial<Record<SettingName, string>>;

/** Stack config keys; `pulumi config set --secret` is expected for the password and token. @internal */
export const STACK_CONFIG_KEYS = {
  accessKeyId: "zenlayer:accessKeyId",
  accessKeyPassword: "zenlayer:accessKeyPassword",
  token: "zenlayer:token",
  domain: "zenlayer:domain",
  scheme: "zenlayer:scheme",
  maxRequestsPerSecond: "zenlayer:maxRequestsPerSecond",
} as const satisfies KeyMap;

/** Zenlayer's Terraform provider reads these, so existing Terraform users need no new setup. @internal */
export const TERRAFORM_ENV_KEYS = {
  accessKeyId: "ZENLAYERCLOUD_ACCESS_KEY_ID",
  accessKeyPassword: "ZENLAYERCLOUD_ACCESS_KEY_PASSWORD",
  token: "ZENLAYERCLOUD_TOKEN",
  domain: "ZENLAYERCLOUD_DOMAIN",
  scheme: "ZENLAYERCLOUD_SCHEME",
} as const satisfies KeyMap;

/** Zenlayer's `zeno` CLI reads these (it calls the password the access key secret). @internal */
export const CLI_ENV_KEYS = {
  accessKeyId: "ZENLAYER_ACCESS_KEY_ID",
  accessKeyPassword: "ZENLAYER_ACCESS_KEY_SECRET",
  token: "ZENLAYER_TOKEN",
  domain: "ZENLAYER_ENDPOINT",
} as const satisfies KeyMap;
