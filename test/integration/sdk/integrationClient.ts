import type { ClientDeps, ClientSettings, ZenlayerApiError } from "../../../sdk/index";
import { isZenlayerApiError, resolveClientConfig, TokenBucket, ZecClient } from "../../../sdk/index";
import type { ScriptedServer } from "../../support/scriptedServer";

/** Credentials the scripted servers accept; the password must never appear in any output. */
export const KEY_ID = "AKID-integration";
export const PASSWORD = "pw-integration-7f3a9c-never-printed";
export const TOKEN = "token-integration-51b2e0-never-printed";

/** Tiny delays so retries finish in milliseconds. */
export const FAST_RETRY = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 30_000 };

export interface TestClient {
  readonly client: ZecClient;
  /** Every backoff the client asked to sleep, in order. */
  readonly sleeps: number[];
}

/**
 * A ZecClient configured the way a user would point it at a local server: through
 * ZENLAYERCLOUD_* environment variables with scheme HTTP and a host:port domain. Backoff sleeps are
 * recorded and skipped so the tests stay fast; the rate limiter is private and generous.
 */
export function clientFor(
  server: Pick<ScriptedServer, "domain">,
  options: { explicit?: ClientSettings; bearer?: boolean; deps?: ClientDeps } = {},
): TestClient {
  const sleeps: number[] = [];
  const credentials = options.bearer
    ? { ZENLAYERCLOUD_TOKEN: TOKEN }
    : { ZENLAYERCLOUD_ACCESS_KEY_ID: KEY_ID, ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: PASSWORD };
  const config = resolveClientConfig({
    explicit: { retry: FAST_RETRY, requestTimeoutMs: 2000, ...options.explicit },
    env: { ...credentials, ZENLAYERCLOUD_DOMAIN: server.domain, ZENLAYERCLOUD_SCHEME: "HTTP" },
  });
  const client = new ZecClient(config, {
    rateLimiter: new TokenBucket({ requestsPerSecond: 1000 }),
    sleep: async (ms) => void sleeps.push(ms),
    ...options.deps,
  });
  return { client, sleeps };
}

/** Awaits a promise that must reject and returns the rejection. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

/** Awaits a promise that must reject with a ZenlayerApiError and returns it. */
export async function apiErrorOf(promise: Promise<unknown>): Promise<ZenlayerApiError> {
  const error = await rejectionOf(promise);
  if (!isZenlayerApiError(error)) throw new Error(`expected a ZenlayerApiError, got ${String(error)}`);
  return error;
}
