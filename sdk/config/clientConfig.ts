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

/** Where {@link resolveClientConfig} looks, highest precedence first. @public */
export interface ConfigSources {
  readonly explicit?: ClientSettings | undefined;
  /** Reads a full key such as `zenlayer:accessKeyId`; a secret key is read the same way. */
  readonly stackConfig?: ((key: string) => string | undefined) | undefined;
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}
