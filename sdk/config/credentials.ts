import { inspect } from "node:util";
import { ZenlayerConfigError } from "../errors";
import type { SettingLevel, SettingName } from "./settingKeys";
import { CLI_ENV_KEYS, STACK_CONFIG_KEYS, TERRAFORM_ENV_KEYS } from "./settingKeys";

/**
 * A Zenlayer access key pair, used to sign each request with ZC2-HMAC-SHA256. The password lives in
 * a private field and is reachable only through its getter, so `JSON.stringify`, `util.inspect`,
 * object spread and Pulumi's closure serialization of a config object never expose it.
 * @public
 */
export class AccessKeyCredentials {
  readonly kind = "accessKey";
  readonly accessKeyId: string;
  readonly #accessKeyPassword: string;

  constructor(accessKeyId: string, accessKeyPassword: string) {
    this.accessKeyId = accessKeyId;
    this.#accessKeyPassword = accessKeyPassword;
  }

  /** The signing key. Secret: never log it. */
  get accessKeyPassword(): string {
    return this.#accessKeyPassword;
  }

  /** What `JSON.stringify` writes: the id, never the password, so a logged config leaks nothing. */
  toJSON(): { kind: "accessKey"; accessKeyId: string; accessKeyPassword: "[REDACTED]" } {
    return { kind: this.kind, accessKeyId: this.accessKeyId, accessKeyPassword: "[REDACTED]" };
  }

  /** What `console.log` and `util.inspect` show: the id, never the password. */
  [inspect.custom](): string {
    return `AccessKeyCredentials { accessKeyId: '${this.accessKeyId}', accessKeyPassword: [REDACTED] }`;
  }
}

/**
 * A bearer token from the Zenlayer console, the alternative to a key pair: requests then carry
 * `Authorization: Bearer …` and no signature. The token is hidden the same way as a password.
 * @public
 */
export class BearerTokenCredentials {
  readonly kind = "bearerToken";
  readonly #token: string;

  constructor(token: string) {
    this.#token = token;
  }

  /** Secret: never log it. */
  get token(): string {
    return this.#token;
  }

  /** What `JSON.stringify` writes: never the token, so a logged config leaks nothing. */
  toJSON(): { kind: "bearerToken"; token: "[REDACTED]" } {
    return { kind: this.kind, token: "[REDACTED]" };
  }

  /** What `console.log` and `util.inspect` show: never the token. */
  [inspect.custom](): string {
    return "BearerTokenCredentials { token: [REDACTED] }";
  }
}

/** Either way of authenticating; switch on `kind`. @public */
export type Credentials = AccessKeyCredentials | BearerTokenCredentials;

/**
 * The credentials of the highest level that has any. A level with a key pair wins over a token at
 * the same level, because the key pair is the long-lived mechanism every Zenlayer tool supports. A
 * half pair is an error even when a lower level is complete, since mixing an id from one place
 * with a password from another would fail with a confusing signature error.
 * @internal
 */
export function resolveCredentials(levels: readonly SettingLevel[]): Credentials {
  for (const level of levels) {
    const found = credentialsAt(level);
    if (found !== undefined) return found;
  }
  throw new ZenlayerConfigError(MISSING_CREDENTIALS_MESSAGE);
}

function credentialsAt(level: SettingLevel): Credentials | undefined {
  const id = level.find("accessKeyId");
  const password = level.find("accessKeyPassword");
  if (id !== undefined && password !== undefined) {
    return new AccessKeyCredentials(String(id.value), String(password.value));
  }
  if (id !== undefined || password !== undefined) {
    const present: SettingName = id !== undefined ? "accessKeyId" : "accessKeyPassword";
    const missing: SettingName = id !== undefined ? "accessKeyPassword" : "accessKeyId";
    throw new ZenlayerConfigError(
      `${String(level.keyOf(present))} is set in ${level.origin} but ${String(level.keyOf(missing))} ` +
        "is not; set both or neither.",
    );
  }
  const token = level.find("token");
  return token === undefined ? undefined : new BearerTokenCredentials(String(token.value));
}

const MISSING_CREDENTIALS_MESSAGE = [
  "No Zenlayer Cloud credentials were found. Set an access key pair in one of these ways:",
  `  - pulumi config set ${STACK_CONFIG_KEYS.accessKeyId} <id> and pulumi config set --secret ${STACK_CONFIG_KEYS.accessKeyPassword} <password>`,
  `  - the environment variables ${TERRAFORM_ENV_KEYS.accessKeyId} and ${TERRAFORM_ENV_KEYS.accessKeyPassword}`,
  `  - the environment variables ${CLI_ENV_KEYS.accessKeyId} and ${CLI_ENV_KEYS.accessKeyPassword}`,
  "  - the accessKeyId and accessKeyPassword options in code",
  `or a bearer token: pulumi config set --secret ${STACK_CONFIG_KEYS.token} <token>, ${TERRAFORM_ENV_KEYS.token} or ${CLI_ENV_KEYS.token}.`,
].join("\n");
