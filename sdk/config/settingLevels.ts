import type { ClientSettings } from "./clientConfig";

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

/** The levels in precedence order: explicit, stack config, Terraform env, CLI env. @internal */
export function settingLevels(sources: ConfigSources): readonly SettingLevel[] {
  const env = sources.env ?? {};
  const stack = sources.stackConfig ?? (() => undefined);
  const explicit = sources.explicit ?? {};
  return [
    level(
      "the explicit options",
      (name) => name,
      (name) => explicit[name],
    ),
    level("the Pulumi stack config", (name) => keyIn(STACK_CONFIG_KEYS, name), stack),
    level(
      "the environment",
      (name) => keyIn(TERRAFORM_ENV_KEYS, name),
      (key) => env[key],
    ),
    level(
      "the environment",
      (name) => keyIn(CLI_ENV_KEYS, name),
      (key) => env[key],
    ),
  ];
}

function keyIn(keys: KeyMap, name: SettingName): string | undefined {
  return keys[name];
}

function level<K extends string>(
  origin: string,
  keyOf: (name: SettingName) => K | undefined,
  read: (key: K) => string | number | undefined,
): SettingLevel {
  return {
    origin,
    keyOf,
    find(name) {
      const key = keyOf(name);
      if (key === undefined) return undefined;
      const raw = read(key);
      const value = typeof raw === "string" ? raw.trim() : raw;
      if (value === undefined || value === "") return undefined;
      return { value, where: `${key} from ${origin}` };
    },
  };
}
