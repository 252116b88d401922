/**
 * Minimal runtime checks for JSON that comes from outside (seed files, the admin surface), so
 * a typo fails loudly with the path of the bad field instead of producing odd state.
 */
export type JsonObject = Readonly<Record<string, unknown>>;

export function asObject(value: unknown, where: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${where} must be a JSON object`);
  }
  return value as JsonObject;
}

export function asList<T>(
  value: unknown,
  where: string,
  item: (element: unknown, where: string) => T,
): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new Error(`${where} must be a list`);
  return value.map((element, index) => item(element, `${where}[${index}]`));
}

export function optString(obj: JsonObject, key: string, where: string): string | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new Error(`${where}.${key} must be a string`);
  return value;
}

export function optBoolean(obj: JsonObject, key: string, where: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw new Error(`${where}.${key} must be a boolean`);
  return value;
}

/** A finite number >= 0, and <= `max` when given (rates use max 1). */
export function optNumber(obj: JsonObject, key: string, where: string, max = Infinity): number | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > max) {
    throw new Error(`${where}.${key} must be a number between 0 and ${max}`);
  }
  return value;
}

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

/** Rejects keys the schema does not know, which are almost always typos. */
export function onlyKeys(obj: JsonObject, allowed: readonly string[], where: string): void {
  const unknown = Object.keys(obj).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new Error(`${where} has unknown field(s): ${unknown.join(", ")}`);
}

/**
 * Drops undefined members, because with exactOptionalPropertyTypes an optional field must be
 * absent rather than undefined. The cast is sound: only undefined-valued keys are removed.
 */
export function withoutUndefined<T extends object>(obj: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(obj).filter(([, value]) => value !== undefined)) as T;
}
