import type { ClientConfig } from "./clientConfig";
import { CLIENT_DEFAULTS } from "./clientConfig";
import { parseDomain, parsePositiveNumber, parseScheme } from "./parseSettings";
import { resolveCredentials } from "./resolveCredentials";
import type { ConfigSources, FoundSetting, SettingLevel, SettingName } from "./settingLevels";
import { settingLevels } from "./settingLevels";

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
