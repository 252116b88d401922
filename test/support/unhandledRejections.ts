/** What `test/support/hostProcessEnvironment.js` puts on the global object. */
interface HostUnhandledRejections {
  on(listener: (reason: unknown) => void): void;
  off(listener: (reason: unknown) => void): void;
}

function host(): HostUnhandledRejections {
  const events = (globalThis as { hostUnhandledRejections?: HostUnhandledRejections })
    .hostUnhandledRejections;
  if (events === undefined) {
    throw new Error("run this test file with `@jest-environment ./test/support/hostProcessEnvironment.js`");
  }
  return events;
}

/** Lets Node's rejection tracking run: it reports unhandled rejections between macrotasks. */
async function settle(turns: number): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `scenario`, then a few more event-loop turns, and returns every rejection that the host
 * process reported as unhandled meanwhile (Node's default ends the process on the first one).
 */
export async function unhandledRejectionsDuring(scenario: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown): void => void seen.push(reason);
  const events = host();
  events.on(listener);
  try {
    await scenario();
    await settle(5);
  } finally {
    events.off(listener);
  }
  return seen;
}
