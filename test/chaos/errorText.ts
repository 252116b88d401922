/** How deep a cause chain is followed; real chains are two or three links long. */
const MAX_CAUSES = 8;

/** JSON that survives cycles, functions and bigints, falling back to `String`. */
function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    const text = JSON.stringify(value, (_key, inner: unknown) => {
      if (typeof inner === "function") return "[function]";
      if (typeof inner === "bigint") return inner.toString();
      if (typeof inner === "object" && inner !== null) {
        if (seen.has(inner)) return "[circular]";
        seen.add(inner);
      }
      return inner;
    });
    return text ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Everything an error could show someone: for the error and each `cause` behind it, every own
 * property (enumerable or not, so `message` and `stack` too) as JSON. The engine prints the
 * message and stack, and a program may log the whole object, so a credential anywhere in it counts.
 */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  const seen = new WeakSet<object>();
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSES && current !== undefined && current !== null; depth++) {
    if (typeof current !== "object") {
      parts.push(String(current));
      break;
    }
    if (seen.has(current)) break;
    seen.add(current);
    // Reading arbitrary own properties of an unknown error object needs an index signature.
    const record = current as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(current)) parts.push(`${key}: ${safeJson(record[key])}`);
    current = record["cause"];
  }
  return parts.join("\n");
}

/** The first line of an error's message, for traces. */
export function errorHeadline(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? "";
}
