import { commonError } from "./errorCodes";

/** A request body after JSON parsing: always an object. @internal */
export type Params = Readonly<Record<string, unknown>>;

/** The documented ceiling for id lists (`nicIds`, `instanceIds`). @internal */
export const MAX_IDS_PER_REQUEST = 100;

/** The documented ceiling for `pageSize`. @internal */
export const MAX_PAGE_SIZE = 1000;

const DEFAULT_PAGE_SIZE = 20;

/**
 * Parses the raw body. An empty body counts as `{}` (every SDK sends at least `{}`); anything that
 * is not a JSON object is INVALID_PARAMETER_TYPE, our documented choice for malformed bodies.
 * @internal
 */
export function parseParams(raw: string): Params {
  if (raw.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw commonError("INVALID_PARAMETER_TYPE", "The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw commonError("INVALID_PARAMETER_TYPE", "The request body must be a JSON object.");
  }
  return parsed as Params;
}

function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** A string parameter, or undefined when absent (null counts as absent). @internal */
export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (isAbsent(value)) return undefined;
  if (typeof value !== "string") {
    throw commonError("INVALID_PARAMETER_TYPE", `The parameter \`${name}\` must be a string.`);
  }
  return value;
}

/** A required string; an empty string is as missing as an absent one. @internal */
export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value === "") {
    throw commonError("MISSING_PARAMETER", `The parameter \`${name}\` is required.`);
  }
  return value;
}

/**
 * A string list of at most `maxItems` (INVALID_PARAMETER_EXCEED_LENGTH beyond). An empty list
 * means "no filter", as the official SDKs never send one (they omit empty lists).
 * @internal
 */
export function optionalStringList(params: Params, name: string, maxItems: number): string[] | undefined {
  const value = params[name];
  if (isAbsent(value)) return undefined;
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === "string")) {
    throw commonError("INVALID_PARAMETER_TYPE", `The parameter \`${name}\` must be a list of strings.`);
  }
  if (value.length > maxItems) {
    throw commonError(
      "INVALID_PARAMETER_EXCEED_LENGTH",
      `The parameter \`${name}\` allows at most ${maxItems} items.`,
    );
  }
  return value.length === 0 ? undefined : [...new Set(value)];
}

/** A required, non-empty string list. @internal */
export function requiredStringList(params: Params, name: string, maxItems: number): string[] {
  const value = optionalStringList(params, name, maxItems);
  if (value === undefined) throw commonError("MISSING_PARAMETER", `The parameter \`${name}\` is required.`);
  return value;
}

/** An integer in [min, max], or undefined when absent. @internal */
export function optionalInteger(params: Params, name: string, min: number, max: number): number | undefined {
  const value = params[name];
  if (isAbsent(value)) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw commonError("INVALID_PARAMETER_TYPE", `The parameter \`${name}\` must be an integer.`);
  }
  if (value < min)
    throw commonError("INVALID_PARAMETER_LESS_MINIMUM", `The parameter \`${name}\` must be >= ${min}.`);
  if (value > max)
    throw commonError("INVALID_PARAMETER_EXCEED_MAXIMUM", `The parameter \`${name}\` must be <= ${max}.`);
  return value;
}

/** A finite number of at least `min` (a float, e.g. TB of traffic), or undefined when absent. @internal */
export function optionalNumber(params: Params, name: string, min: number): number | undefined {
  const value = params[name];
  if (isAbsent(value)) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw commonError("INVALID_PARAMETER_TYPE", `The parameter \`${name}\` must be a number.`);
  }
  if (value < min)
    throw commonError("INVALID_PARAMETER_LESS_MINIMUM", `The parameter \`${name}\` must be >= ${min}.`);
  return value;
}

/** A boolean, or undefined when absent. @internal */
export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (isAbsent(value)) return undefined;
  if (typeof value !== "boolean") {
    throw commonError("INVALID_PARAMETER_TYPE", `The parameter \`${name}\` must be a boolean.`);
  }
  return value;
}

/** A string restricted to a documented enum (INVALID_PARAMETER_VALUE otherwise). @internal */
export function optionalEnum<T extends string>(
  params: Params,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) {
    throw commonError(
      "INVALID_PARAMETER_VALUE",
      `The parameter \`${name}\` must be one of ${allowed.join(", ")}.`,
    );
  }
  return match;
}

/** 1-based paging with the documented defaults and ceiling. @internal */
export function paging(params: Params): { pageSize: number; pageNum: number } {
  const pageSize = optionalInteger(params, "pageSize", 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
  const pageNum = optionalInteger(params, "pageNum", 1, Number.MAX_SAFE_INTEGER) ?? 1;
  return { pageSize, pageNum };
}

/** One page of `items` plus the total, the `{totalCount, dataSet}` shape of every Describe action. @internal */
export function page<T>(items: readonly T[], paging: { pageSize: number; pageNum: number }) {
  const start = (paging.pageNum - 1) * paging.pageSize;
  return { totalCount: items.length, dataSet: items.slice(start, start + paging.pageSize) };
}

/**
 * The documented NIC name rule: 2–63 characters of letters, digits, `-`, `_`, `.`, starting and
 * ending with a letter or digit.
 * @internal
 */
export function validateNicName(name: string): void {
  if (name.length < 2)
    throw commonError("INVALID_PARAMETER_LESS_LENGTH", "The `name` must be at least 2 characters.");
  if (name.length > 63)
    throw commonError("INVALID_PARAMETER_EXCEED_LENGTH", "The `name` must be at most 63 characters.");
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(name)) {
    throw commonError(
      "INVALID_PARAMETER_PATTERN_ERROR",
      "The `name` may contain letters, digits, `-`, `_` and `.`, and must start and end with a letter or digit.",
    );
  }
}
