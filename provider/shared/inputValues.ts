/**
 * Input values shared by every resource: the engine's placeholder for values not known yet, and
 * Go-style durations as Terraform users write them in `timeouts`, with the range a timeout may take.
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

/** A decimal number as Go writes durations: `5`, `1.5`, `.5`; no sign, no exponent. */
const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;

/** Go's units, longest first where one is a prefix of another, so `ms` is never read as `m`. */
const GO_UNITS = "ns|us|µs|ms|s|m|h";

/** The units a timeout may use: nothing finer than a millisecond can steer a network call. */
const TIMEOUT_UNITS = "ms|s|m|h";

function durationPattern(units: string): RegExp {
  return new RegExp(`^(?:${NUMBER}(?:${units}))+$`, "u");
}

const WHOLE = durationPattern(GO_UNITS);
const TIMEOUT_SHAPE = durationPattern(TIMEOUT_UNITS);
const PART = new RegExp(`(${NUMBER})(${GO_UNITS})`, "gu");

/**
 * Parses a Go-style duration such as `"10m"`, `"1h30m"` or `"90s"` into milliseconds, the format
 * Terraform users already write in `timeouts` blocks. Returns `undefined` for anything else,
 * including values that are not strings at all (state written by hand or by an older program can
 * hold anything), so callers can name the offending property in their own error.
 * @public
 */
export function parseDuration(text: string): number | undefined {
  if (typeof text !== "string" || !WHOLE.test(text)) {
    return undefined;
  }
  let total = 0;
  for (const match of text.matchAll(PART)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ""] ?? Number.NaN);
  }
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

/**
 * The range a timeout may take. At least 100 ms, because less cannot cover a single request (and
 * tests need values that small); at most 24 hours, because no NIC operation takes that long (the
 * Terraform provider waits 20 minutes), and without a bound `99999h` would pass Node's 32-bit
 * `setTimeout` range (about 24.8 days), where a timer fires at once instead of never.
 * @internal
 */
export const TIMEOUT_LIMITS = {
  minMs: 100,
  maxMs: 24 * 3_600_000,
  minText: "100ms",
  maxText: "24h",
} as const;

/** A timeout read: its milliseconds, or why it is not one (a phrase to follow the property name). */
export type TimeoutReading = { readonly ms: number } | { readonly problem: string };

/**
 * Reads a `timeouts` entry under the rules above: a string of Go-style parts in `ms`, `s`, `m`
 * and `h` (`"90s"`, `"1h30m"`, `"1.5h"`), within {@link TIMEOUT_LIMITS}. The length cap makes a
 * megabyte of digits cost nothing.
 * @internal
 */
export function readTimeout(value: unknown): TimeoutReading {
  if (typeof value !== "string" || value.length > 32 || !TIMEOUT_SHAPE.test(value)) {
    return { problem: 'must be a duration such as "90s", "10m" or "1h30m" (units ms, s, m and h)' };
  }
  const ms = parseDuration(value) ?? Number.NaN;
  if (!(ms >= TIMEOUT_LIMITS.minMs)) return { problem: `must be at least ${TIMEOUT_LIMITS.minText}` };
  if (ms > TIMEOUT_LIMITS.maxMs) return { problem: `must be at most ${TIMEOUT_LIMITS.maxText}` };
  return { ms };
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
