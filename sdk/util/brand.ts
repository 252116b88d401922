/**
 * Brand marks for error types. A brand survives where `instanceof` does not: the Pulumi engine
 * deserializes a dynamic provider into another process, and a program can load two copies of this
 * package, so the class object that threw is not always the one the caller imported.
 * @internal
 */
export function setBrand(target: object, brand: symbol): void {
  Object.defineProperty(target, brand, { value: true, enumerable: false, writable: false });
}

/** True when `value` is an object carrying `brand` (set by {@link setBrand}). @internal */
export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
