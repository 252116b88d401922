/**
 * The vocabulary of settings that the config files share: which settings exist, the key each
 * place knows them by, and what one place of settings answers. Credentials and the rest of the
 * client configuration are both resolved from it, so it stands below both.
 * @packageDocumentation
 */

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
