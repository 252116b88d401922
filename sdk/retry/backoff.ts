/**
 * Full-jitter exponential backoff: a uniform delay in [0, min(cap, base * 2^retryIndex)). Full
 * jitter spreads many clients that failed together, which plain exponential backoff does not.
 * @param retryIndex - 0 for the first retry.
 * @param random - a uniform number in [0, 1).
 * @public
 */
export function fullJitterDelayMs(
  retryIndex: number,
  baseMs: number,
  capMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/**
 * Reads a `Retry-After` header: delta seconds or an HTTP date. Returns milliseconds from `nowMs`,
 * or undefined when absent or unreadable (an unreadable hint is ignored, not fatal).
 * @public
 */
export function parseRetryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  const value = header?.trim();
  if (value === undefined || value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * The wait before the next attempt: the jittered backoff, but never shorter than the server asked.
 * @public
 */
export function retryDelayMs(
  retryIndex: number,
  retryAfterMs: number | undefined,
  settings: { readonly baseDelayMs: number; readonly maxDelayMs: number },
  random: () => number,
): number {
  const jitter = fullJitterDelayMs(retryIndex, settings.baseDelayMs, settings.maxDelayMs, random);
  return Math.max(jitter, retryAfterMs ?? 0);
}
