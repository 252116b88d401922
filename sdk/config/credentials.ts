import { inspect } from "node:util";

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

  toJSON(): { kind: "accessKey"; accessKeyId: string; accessKeyPassword: "[REDACTED]" } {
    return { kind: this.kind, accessKeyId: this.accessKeyId, accessKeyPassword: "[REDACTED]" };
  }

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

  toJSON(): { kind: "bearerToken"; token: "[REDACTED]" } {
    return { kind: this.kind, token: "[REDACTED]" };
  }

  [inspect.custom](): string {
    return "BearerTokenCredentials { token: [REDACTED] }";
  }
}

/** Either way of authenticating; switch on `kind`. @public */
export type Credentials = AccessKeyCredentials | BearerTokenCredentials;
