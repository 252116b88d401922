/**
 * A map shared by every copy of this package loaded into one process, under the global symbol
 * `pulumi-zenlayer.<name>`, created on first use. State that belongs to the process, not to a
 * module instance (an account's rate limit, an instance's lock, what is known of an account), must
 * be one even when a program and its provider load two copies of the package: each copy keeping
 * its own would let them overrun a limit or a lock together.
 * @internal
 */
export function processWideMap<K, V>(name: string): Map<K, V> {
  const key = Symbol.for(`pulumi-zenlayer.${name}`);
  const holder = globalThis as unknown as Record<symbol, Map<K, V> | undefined>;
  const existing = holder[key];
  if (existing !== undefined) return existing;
  const created = new Map<K, V>();
  holder[key] = created;
  return created;
}
