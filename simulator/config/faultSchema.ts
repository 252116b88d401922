import type { FailNextRule, FaultSettings } from "../types/options";
import { asObject, onlyKeys, optEnum, optNumber, optString, withoutUndefined } from "./jsonShape";

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

/** Validates fault settings from JSON (`POST /_simulator/faults`); rates must lie in [0, 1]. */
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

/** Validates a scripted failure from JSON (`POST /_simulator/fail-next`). */
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
