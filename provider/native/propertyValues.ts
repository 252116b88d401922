/**
 * Pulumi's property values as the gRPC protocol carries them, and as plain values for the resource
 * core: a protobuf `Struct` whose secrets are objects `{ <sig>: <secret sig>, value }` (the engine
 * sends them so once the provider accepts secrets) and whose values unknown during a preview are a
 * fixed string. `Struct.toJavaScript` knows neither, so both are handled here.
 * @packageDocumentation
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { UNKNOWN_VALUE } from "../core/inputValues";

/** The key that marks an object as one of Pulumi's special values. */
const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The value of that key for a secret. */
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Plain property values, and the top-level properties that held a secret. @internal */
export interface PlainProperties {
  readonly values: Record<string, unknown>;
  readonly secrets: ReadonlySet<string>;
}

function isSecret(value: unknown): value is { value: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[SPECIAL_SIG_KEY] === SECRET_SIG
  );
}

/** `value` with every secret replaced by what it holds; `found()` is called for each. */
function unwrap(value: unknown, found: () => void): unknown {
  if (isSecret(value)) {
    found();
    return unwrap(value.value, found);
  }
  if (Array.isArray(value)) return value.map((item) => unwrap(item, found));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unwrap(item, found)]));
  }
  return value;
}

/** The plain values of a `Struct` (absent: none), noting which top-level properties held secrets. @internal */
export function plainProperties(struct: Struct | undefined): PlainProperties {
  const secrets = new Set<string>();
  const raw = struct?.toJavaScript() ?? {};
  const values = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, unwrap(value, () => secrets.add(key))]),
  );
  return { values, secrets };
}

/** Drops `undefined` (the protocol has no such value) recursively, keeping `null`. */
function defined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(defined);
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return Object.fromEntries(entries.map(([key, item]) => [key, defined(item)]));
  }
  return value;
}

/** A `Struct` of `values`, with the top-level properties named in `secrets` sent as secrets. @internal */
export function toStruct(values: object, secrets: ReadonlySet<string> = new Set()): Struct {
  const wire = Object.fromEntries(
    Object.entries(defined(values) as Record<string, unknown>).map(([key, value]) => [
      key,
      secrets.has(key) ? { [SPECIAL_SIG_KEY]: SECRET_SIG, value } : value,
    ]),
  );
  return Struct.fromJavaScript(wire as Parameters<typeof Struct.fromJavaScript>[0]);
}

/** Whether any value in `values` is not known yet (a preview of a program whose inputs are outputs). @internal */
export function hasUnknown(value: unknown): boolean {
  if (value === UNKNOWN_VALUE) return true;
  if (Array.isArray(value)) return value.some(hasUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(hasUnknown);
  return false;
}
