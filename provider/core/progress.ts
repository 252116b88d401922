import { formatElapsed } from "./inputValues";

/** How often, at most, a waiting operation prints a progress line. */
export const PROGRESS_INTERVAL_MS = 5000;

/**
 * A throttled progress callback: long waits (a detach can take minutes) print a concise line every
 * few seconds instead of one per poll, so the Pulumi output stays readable.
 * @internal
 */
export function progressPrinter(
  describe: (observed: string) => string,
  print: (line: string) => void,
  intervalMs: number = PROGRESS_INTERVAL_MS,
): (event: { readonly observed: string; readonly elapsedMs: number }) => void {
  let lastPrintedAt = Number.NEGATIVE_INFINITY;
  return (event) => {
    if (event.elapsedMs - lastPrintedAt < intervalMs) return;
    lastPrintedAt = event.elapsedMs;
    print(`${describe(event.observed)}, ${formatElapsed(event.elapsedMs)}`);
  };
}
