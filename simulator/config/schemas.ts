import type { FailNextRule, FaultSettings } from "../types/options";

/**
 * Minimal runtime checks for JSON that comes from outside (seed files, the admin surface), so
 * a typo fails loudly with the path of the bad field instead of producing odd state.
 * @internal
 */
export type JsonObject = Readonly<Record<string, unknown>>;

/** The value as an object; lists and null are refused, since every document here is an object. @internal */
export function asObject(value: unknown, where: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${where} must be a JSON object`);
  }
  return value as JsonObject;
}

/** Each element checked by `item`, which gets the element's path for its messages; absent stays absent. @internal */
export function asList<T>(
  value: unknown,
  where: string,
  item: (element: unknown, where: string) => T,
): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new Error(`${where} must be a list`);
  return value.map((element, index) => item(element, `${where}[${index}]`));
}

/** A string field, or undefined when absent. @internal */
export function optString(obj: JsonObject, key: string, where: string): string | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new Error(`${where}.${key} must be a string`);
  return value;
}

/** A boolean field, or undefined when absent. @internal */
export function optBoolean(obj: JsonObject, key: string, where: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw new Error(`${where}.${key} must be a boolean`);
  return value;
}

/** A finite number >= 0, and <= `max` when given (rates use max 1). @internal */
export function optNumber(obj: JsonObject, key: string, where: string, max = Infinity): number | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > max) {
    throw new Error(`${where}.${key} must be a number between 0 and ${max}`);
  }
  return value;
}

/** A string field restricted to `allowed`, or undefined when absent. @internal */
export function optEnum<T extends string>(
  obj: JsonObject,
  key: string,
  where: string,
  allowed: readonly T[],
): T | undefined {
  const value = optString(obj, key, where);
  if (value === undefined) return undefined;
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw new Error(`${where}.${key} must be one of ${allowed.join(", ")}`);
  return match;
}

/** Rejects keys the schema does not know, which are almost always typos. @internal */
export function onlyKeys(obj: JsonObject, allowed: readonly string[], where: string): void {
  const unknown = Object.keys(obj).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new Error(`${where} has unknown field(s): ${unknown.join(", ")}`);
}

/**
 * Drops undefined members, because with exactOptionalPropertyTypes an optional field must be
 * absent rather than undefined. The cast is sound: only undefined-valued keys are removed.
 * @internal
 */
export function withoutUndefined<T extends object>(obj: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(obj).filter(([, value]) => value !== undefined)) as T;
}

const FAULT_KEYS = [
  "rateLimitRps",
  "retryAfterSeconds",
  "errorRate",
  "latencyMs",
  "latencySpikeRate",
  "latencySpikeMs",
  "resetRate",
  "lostResponseRate",
  "htmlRate",
  "htmlStatus",
  "staleReadMs",
  "stallRate",
  "stallMs",
  "createFailureRate",
  "actions",
];

function parseHtmlStatus(value: unknown): 502 | 403 | undefined {
  if (value === undefined || value === 502 || value === 403) return value;
  throw new Error("faults.htmlStatus must be 502 or 403");
}

function parseStallMs(value: unknown): number | "forever" | undefined {
  if (value === undefined || value === "forever") return value;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  throw new Error('faults.stallMs must be a number of ms or "forever"');
}

function parseActions(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((item): item is string => typeof item === "string")) return value;
  throw new Error("faults.actions must be a list of action names");
}

/** Validates fault settings from JSON (`POST /_simulator/faults`); rates must lie in [0, 1]. @internal */
export function parseFaultSettings(value: unknown): FaultSettings {
  const obj = asObject(value, "faults");
  onlyKeys(obj, FAULT_KEYS, "faults");
  const w = "faults";
  return withoutUndefined<FaultSettings>({
    rateLimitRps: optNumber(obj, "rateLimitRps", w),
    retryAfterSeconds: optNumber(obj, "retryAfterSeconds", w),
    errorRate: optNumber(obj, "errorRate", w, 1),
    latencyMs: optNumber(obj, "latencyMs", w),
    latencySpikeRate: optNumber(obj, "latencySpikeRate", w, 1),
    latencySpikeMs: optNumber(obj, "latencySpikeMs", w),
    resetRate: optNumber(obj, "resetRate", w, 1),
    lostResponseRate: optNumber(obj, "lostResponseRate", w, 1),
    htmlRate: optNumber(obj, "htmlRate", w, 1),
    htmlStatus: parseHtmlStatus(obj["htmlStatus"]),
    staleReadMs: optNumber(obj, "staleReadMs", w),
    stallRate: optNumber(obj, "stallRate", w, 1),
    stallMs: parseStallMs(obj["stallMs"]),
    createFailureRate: optNumber(obj, "createFailureRate", w, 1),
    actions: parseActions(obj["actions"]),
  });
}

const FAIL_KINDS = ["error", "reset", "html", "empty"] as const;

/** Validates a scripted failure from JSON (`POST /_simulator/fail-next`). @internal */
export function parseFailNextRule(value: unknown): FailNextRule {
  const obj = asObject(value, "rule");
  onlyKeys(obj, ["action", "count", "httpStatus", "code", "retryAfterSeconds", "kind", "when"], "rule");
  const count = optNumber(obj, "count", "rule");
  const httpStatus = optNumber(obj, "httpStatus", "rule", 599);
  if (count === undefined || httpStatus === undefined)
    throw new Error("rule.count and rule.httpStatus are required");
  return withoutUndefined<FailNextRule>({
    action: optString(obj, "action", "rule"),
    count,
    httpStatus,
    code: optString(obj, "code", "rule"),
    retryAfterSeconds: optNumber(obj, "retryAfterSeconds", "rule"),
    kind: optEnum(obj, "kind", "rule", FAIL_KINDS),
    when: optEnum(obj, "when", "rule", ["before", "after"] as const),
  });
}
