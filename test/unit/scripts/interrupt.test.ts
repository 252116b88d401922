/** onInterrupt: clean-up on SIGINT, SIGTERM and SIGHUP, then the process ends by that signal. */
import { INTERRUPT_SIGNALS, onInterrupt } from "../../../scripts/lib/interrupt";
import type { InterruptSignal, SignalHost } from "../../../scripts/lib/interrupt";

/** A process that records what happens to it; `send` delivers a signal to its listeners. */
function fakeHost() {
  const listeners = new Map<InterruptSignal, Set<() => void>>();
  const ended: InterruptSignal[] = [];
  const told: string[] = [];
  const host: SignalHost = {
    on: (signal, listener) => listeners.set(signal, (listeners.get(signal) ?? new Set()).add(listener)),
    off: (signal, listener) => listeners.get(signal)?.delete(listener),
    endBy: (signal) => ended.push(signal),
    tell: (line) => told.push(line),
  };
  const send = (signal: InterruptSignal) =>
    [...(listeners.get(signal) ?? [])].forEach((listener) => listener());
  const listening = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  return { host, send, ended, told, listening };
}

/** A clean-up that finishes when the test says so. */
function pendingCleanup() {
  let finish: () => void = () => undefined;
  const cleanup = jest.fn((_signal: InterruptSignal) => new Promise<void>((resolve) => (finish = resolve)));
  return { cleanup, finish: () => finish() };
}

describe("onInterrupt", () => {
  it.each(INTERRUPT_SIGNALS)(
    "on %s, cleans up first, then ends the process by that signal",
    async (signal) => {
      const fake = fakeHost();
      const { cleanup, finish } = pendingCleanup();
      onInterrupt(cleanup, fake.host);
      fake.send(signal);
      expect(cleanup).toHaveBeenCalledWith(signal);
      await Promise.resolve();
      expect(fake.ended).toEqual([]);
      finish();
      await new Promise((resolve) => setImmediate(resolve));
      expect(fake.ended).toEqual([signal]);
      expect(fake.listening()).toBe(0);
    },
  );

  it("ends at once on a second signal during the clean-up, which does not run twice", () => {
    const fake = fakeHost();
    const { cleanup } = pendingCleanup();
    onInterrupt(cleanup, fake.host);
    fake.send("SIGINT");
    fake.send("SIGINT");
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(fake.ended).toEqual(["SIGINT"]);
  });

  it("still ends the process, saying so, when the clean-up fails", async () => {
    const fake = fakeHost();
    onInterrupt(() => Promise.reject(new Error("EBUSY")), fake.host);
    fake.send("SIGTERM");
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.told).toEqual(["clean-up failed: EBUSY"]);
    expect(fake.ended).toEqual(["SIGTERM"]);
  });

  it("does nothing once released: the run cleaned up by itself", () => {
    const fake = fakeHost();
    const { cleanup } = pendingCleanup();
    const release = onInterrupt(cleanup, fake.host);
    expect(fake.listening()).toBe(3);
    release();
    expect(fake.listening()).toBe(0);
    fake.send("SIGTERM");
    expect(cleanup).not.toHaveBeenCalled();
  });
});
