/**
 * Polls until `condition` holds, or fails after `timeoutMs` naming what was awaited, so a test
 * that waits for the system under test to reach a point never hangs until jest's own timeout.
 */
export async function eventually(
  condition: () => boolean,
  what: string,
  { timeoutMs = 30_000, pauseMs = 10 }: { timeoutMs?: number; pauseMs?: number } = {},
): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() >= giveUpAt) {
      throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}
