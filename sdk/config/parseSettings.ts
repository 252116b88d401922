import type { Scheme } from "./clientConfig";
import type { FoundSetting } from "./settingLevels";
import { ZenlayerConfigError } from "./zenlayerConfigError";

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
