import { sha256Hex, ZecClient } from "../../sdk/index";
import type { ClientConfig } from "../../sdk/index";

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
