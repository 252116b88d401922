/**
 * Input values shared by every resource: the engine's placeholder for values not known yet, and
 * Go-style durations as Terraform users write them in `timeouts`.
 * @packageDocumentation
 */
/**
 * The value the Pulumi engine sends to dynamic providers, whatever the property's type, when an
 * input is not known yet (during preview). It must pass through validation untouched.
 * See pulumi/pulumi#6310.
 */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when the engine does not know this value yet. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN_VALUE;
}

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const WHOLE =
  /^(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h)(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))*$/;
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g;

/**
 * Parses a Go-style duration such as `"10m"`, `"1h30m"` or `"90s"` into milliseconds, the format
 * Terraform users already write in `timeouts` blocks. Returns `undefined` for anything else, so
 * callers can name the offending property in their own error.
 * @public
 */
export function parseDuration(text: string): number | undefined {
  if (!WHOLE.test(text)) {
    return undefined;
  }
  let total = 0;
  for (const match of text.matchAll(PART)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ""] ?? Number.NaN);
  }
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

/** Formats milliseconds the short way people read in progress lines: `300ms`, `12s`, `3m04s`. */
export function formatElapsed(ms: number): string {
  if (ms < 1000) {
    return `${Math.round(ms)}ms`;
  }
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) {
    return `${seconds}s`;
  }
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
}
