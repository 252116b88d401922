import { ZenlayerConfigError } from "../errors";
import type { ClientConfig, ConfigSources, Scheme } from "./clientConfig";
import { CLIENT_DEFAULTS } from "./clientConfig";
import { resolveCredentials } from "./credentials";
import type { FoundSetting, SettingLevel, SettingName } from "./settingKeys";
import { CLI_ENV_KEYS, STACK_CONFIG_KEYS, TERRAFORM_ENV_KEYS } from "./settingKeys";

/**
 * Builds a validated {@link ClientConfig}. Each setting is taken from the first level that has it:
 * explicit options, then Pulumi stack config (`zenlayer:*`), then the environment variables of
 * Zenlayer's Terraform provider (`ZENLAYERCLOUD_*`), then those of Zenlayer's CLI (`ZENLAYER_*`),
 * then the defaults. Values are trimmed; blank counts as unset. Every problem is a
 * {@link ZenlayerConfigError} that names the offending key and where it came from.
 * @public
 */
export function resolveClientConfig(sources: ConfigSources): ClientConfig {
  const levels = settingLevels(sources);
  const domain = firstFound(levels, "domain");
  const scheme = firstFound(levels, "scheme");
  const rate = firstFound(levels, "maxRequestsPerSecond");
  const timeout = firstFound(levels, "requestTimeoutMs");
  const retry = sources.explicit?.retry;
  return {
    credentials: resolveCredentials(levels),
    domain: domain === undefined ? CLIENT_DEFAULTS.domain : parseDomain(domain),
    scheme: scheme === undefined ? CLIENT_DEFAULTS.scheme : parseScheme(scheme),
    endpointSource: `domain ${origin(domain, CLIENT_DEFAULTS.domain)}, scheme ${origin(scheme, CLIENT_DEFAULTS.scheme)}`,
    maxRequestsPerSecond:
      rate === undefined ? CLIENT_DEFAULTS.maxRequestsPerSecond : parsePositiveNumber(rate),
    requestTimeoutMs: timeout === undefined ? CLIENT_DEFAULTS.requestTimeoutMs : parsePositiveNumber(timeout),
    ...(retry === undefined ? {} : { retry }),
  };
}

/** Where a setting's value came from, in words: `ZENLAYERCLOUD_DOMAIN from the environment`. */
function origin(found: FoundSetting | undefined, fallback: string): string {
  return found === undefined ? `${fallback} by default` : `set by ${found.where}`;
}

function firstFound(levels: readonly SettingLevel[], name: SettingName): FoundSetting | undefined {
  for (const level of levels) {
    const found = level.find(name);
    if (found !== undefined) return found;
  }
  return undefined;
}

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

function keyIn(keys: Partial<Record<SettingName, string>>, name: SettingName): string | undefined {
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

/** `HTTP` or `HTTPS` in any case; anything else names its source. @internal */
export function parseScheme(found: FoundSetting): Scheme {
  const upper = String(found.value).toUpperCase();
  if (upper === "HTTP" || upper === "HTTPS") return upper;
  throw new ZenlayerConfigError(`${found.where} must be HTTP or HTTPS, got "${String(found.value)}"`);
}

/** A positive finite number, from a number or a numeric string. @internal */
export function parsePositiveNumber(found: FoundSetting): number {
  const value = typeof found.value === "number" ? found.value : Number(found.value);
  if (Number.isFinite(value) && value > 0 && String(found.value).trim() !== "") return value;
  throw new ZenlayerConfigError(`${found.where} must be a positive number, got "${String(found.value)}"`);
}

/**
 * A host name with an optional port. A URL is refused rather than guessed at, because the scheme
 * has its own setting and the host is signed exactly as written.
 * @internal
 */
export function parseDomain(found: FoundSetting): string {
  const value = String(found.value);
  if (/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(value) || /^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(value))
    return value;
  throw new ZenlayerConfigError(
    `${found.where} must be a host name with an optional port (like console.zenlayer.com or 127.0.0.1:8080), without scheme or path, got "${value}"`,
  );
}
