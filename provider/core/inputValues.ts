/**
 * Input values shared by every resource: the engine's placeholder for values not known yet; Zenlayer
 * ids; Go-style durations as Terraform users write them in `timeouts`, with the range a timeout may
 * take; and the `check` pieces built on them, each naming the property and showing the value escaped.
 * @packageDocumentation
 */
import { displayValue } from "../../sdk/util/displayValue";
import type { CheckFailure } from "./results";

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

type Failure = CheckFailure;

/**
 * The longest id accepted. The API reference documents no id format; every id seen (NICs and
 * instances in the Terraform provider's examples) is a decimal number of 17–19 digits. The length
 * is only observed, so the bound leaves room: a longer id format (20 digits is the next unsigned
 * 64-bit width) must not break every stack at preview, while a wrong length costs at most a
 * not-found answer.
 */
const MAX_ID_DIGITS = 32;

/**
 * What a Zenlayer id looks like: ASCII digits only, because anything else cannot have come from
 * Zenlayer, and because that alone rules out every space, quote, control, escape and invisible
 * character.
 */
const ZENLAYER_ID = new RegExp(`^[0-9]{1,${String(MAX_ID_DIGITS)}}$`);

/** Why `value` cannot be the id in `property`, naming the property and showing the value escaped. */
export function idProblem(property: string, value: unknown): string | undefined {
  if (typeof value === "string" && ZENLAYER_ID.test(value)) return undefined;
  const rule = `a Zenlayer id of 1 to ${String(MAX_ID_DIGITS)} ASCII digits, such as "1475945014486896967"`;
  return `${property} must be ${rule}; got ${displayValue(value)}${typeof value === "number" ? NUMBER_HINT : ""}`;
}

/**
 * Why an id arrives as a number, and what to do: Pulumi YAML reads stack config that looks like a
 * number as one (pulumi/pulumi-yaml#577), and a 19-digit id does not survive that.
 */
const NUMBER_HINT =
  ", a number: ids are strings (a 19-digit id loses digits as a number). In a Pulumi YAML program, set it in " +
  "stack config quoted as JSON (`pulumi config set <key> '\"<id>\"'`), since Pulumi YAML reads config " +
  "that looks like a number as one";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Unknown timeout names, in one failure however many there are. Odd names are shown escaped only. */
function unknownTimeouts(keys: readonly string[], names: readonly string[]): Failure | undefined {
  const [first] = keys;
  if (first === undefined) return undefined;
  const plain = keys.length === 1 && /^\w{1,32}$/.test(first);
  const property = plain ? `timeouts.${first}` : "timeouts";
  const shown = keys.slice(0, 3).map(displayValue).join(", ");
  const more = keys.length > 3 ? ` and ${String(keys.length - 3)} more` : "";
  const entries = keys.length === 1 ? "entry" : "entries";
  return {
    property,
    reason: `timeouts has unknown ${entries} ${shown}${more}; only ${names.map((name) => `"${name}"`).join(", ")} exist`,
  };
}

function checkDuration(property: string, value: unknown): Failure | undefined {
  if (value === undefined || value === null || isUnknown(value)) return undefined;
  const reading = readTimeout(value);
  if ("ms" in reading) return undefined;
  return { property, reason: `${property} ${reading.problem}; got ${displayValue(value)}` };
}

export function checkTimeouts(value: unknown, names: readonly string[]): Failure[] {
  if (value === undefined || value === null || isUnknown(value)) return [];
  if (!isRecord(value)) {
    const reason = `timeouts must be an object such as { create: "10m", delete: "15m" }; got ${displayValue(value)}`;
    return [{ property: "timeouts", reason }];
  }
  return [
    ...names.map((name) => checkDuration(`timeouts.${name}`, value[name])),
    unknownTimeouts(
      Object.keys(value).filter((key) => !names.includes(key)),
      names,
    ),
  ].filter((failure): failure is Failure => failure !== undefined);
}

/**
 * The timeout a handler should use: the stored text when it is a valid timeout, else `undefined`
 * so the default applies. Handlers read timeouts from old state as well as from checked inputs,
 * and state can hold anything an older version or a hand edit put there; a bad value there must
 * not stop a destroy.
 * @internal
 */
export function timeoutOf(timeouts: unknown, which: string): string | undefined {
  const value = isRecord(timeouts) ? timeouts[which] : undefined;
  return typeof value === "string" && "ms" in readTimeout(value) ? value : undefined;
}

export const FIX_PROGRAM = "Nothing was sent to Zenlayer; correct the value in the program.";
export const FIX_STATE =
  "Nothing was sent to Zenlayer. The value comes from the stack's state: correct it there (`pulumi stack " +
  "export`, edit, `pulumi stack import`) or drop the resource with `pulumi state delete <urn>`.";

/** Throws, before anything is sent, when `value` cannot be the id in `property`. */
export function assertId(property: string, value: unknown, advice: string): asserts value is string {
  const problem = idProblem(property, value);
  if (problem !== undefined) throw new Error(`${problem}. ${advice}`);
}
