import type { WaitDecision, WaitProgress } from "../../../sdk/index";
import { Deadline, isWaitTimeoutError, waitUntil, WaitTimeoutError } from "../../../sdk/index";
import { pollDelayMs } from "../../../sdk/waiters/waitUntil";

/** A check that returns the given decisions in turn and counts its calls. */
function sequence<T>(decisions: WaitDecision<T>[]): {
  check: () => Promise<WaitDecision<T>>;
  calls: () => number;
} {
  let calls = 0;
  return {
    check: async () => {
      const decision = decisions[Math.min(calls, decisions.length - 1)];
      calls += 1;
      if (decision === undefined) throw new Error("empty script");
      return decision;
    },
    calls: () => calls,
  };
}

const pending = (observed: string): WaitDecision<never> => ({ kind: "pending", observed });

describe("waitUntil", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const timing = { minDelayMs: 100, maxDelayMs: 1000, random: () => 0.5, now: () => Date.now() };

  it("resolves with the value once the check is done, pausing between looks", async () => {
    const script = sequence<string>([
      pending("ATTACHING"),
      pending("ATTACHING"),
      { kind: "done", value: "USED" },
    ]);
    const progress: WaitProgress[] = [];
    const result = waitUntil(script.check, {
      ...timing,
      timeoutMs: 10_000,
      onProgress: (p) => progress.push(p),
    });
    await jest.advanceTimersByTimeAsync(99);
    expect(script.calls()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(script.calls()).toBe(2);
    await jest.advanceTimersByTimeAsync(150);
    await expect(result).resolves.toBe("USED");
    expect(progress).toEqual([
      { observed: "ATTACHING", elapsedMs: 0, attempt: 1 },
      { observed: "ATTACHING", elapsedMs: 100, attempt: 2 },
    ]);
  });

  it("rejects with the check's error on failure without further looks", async () => {
    const failure = new Error("NIC went to CREATE_FAILED");
    const script = sequence<string>([pending("PENDING"), { kind: "failed", error: failure }]);
    const result = waitUntil(script.check, { ...timing, timeoutMs: 10_000 });
    const settled = expect(result).rejects.toBe(failure);
    await jest.advanceTimersByTimeAsync(1000);
    await settled;
    expect(script.calls()).toBe(2);
  });

  it("times out with the last observed state and the elapsed time", async () => {
    const script = sequence<string>([pending("ATTACHING"), pending("DETACHING")]);
    const result = waitUntil(script.check, { ...timing, timeoutMs: 1000 });
    const settled = result.catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(1000);
    const error = await settled;
    expect(isWaitTimeoutError(error)).toBe(true);
    if (!isWaitTimeoutError(error)) return;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.lastObserved).toBe("DETACHING");
    expect(error.elapsedMs).toBe(1000);
    expect(error.timeoutMs).toBe(1000);
    expect(error.message).toBe("gave up waiting after 1.0s (timeout 1.0s); last observed state: DETACHING");
  });

  it("starts no look after the deadline, and reports what it saw last", async () => {
    const script = sequence<string>([
      pending("A"),
      pending("B"),
      pending("C"),
      { kind: "done", value: "late" },
    ]);
    const result = waitUntil(script.check, { ...timing, minDelayMs: 400, maxDelayMs: 400, timeoutMs: 1000 });
    const settled = result.catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(1000);
    const error = await settled;
    expect(isWaitTimeoutError(error) && error.lastObserved).toBe("C");
    expect(script.calls()).toBe(3);
  });

  it("ends a pause at a shared deadline and waits at least as long as a pending look asks", async () => {
    const script = sequence<string>([
      { kind: "pending", observed: "THROTTLED", notBeforeMs: 700 },
      { kind: "done", value: "ok" },
    ]);
    const result = waitUntil(script.check, { ...timing, timeoutMs: 10_000 });
    await jest.advanceTimersByTimeAsync(699);
    expect(script.calls()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe("ok");

    const deadline = new Deadline(300);
    const slow = sequence<string>([pending("DETACHING")]);
    const cut = waitUntil(slow.check, { ...timing, minDelayMs: 5000, deadline }).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(300);
    const timeout = await cut;
    expect(isWaitTimeoutError(timeout) && timeout.timeoutMs).toBe(300);
    expect(slow.calls()).toBe(1);
  });

  it("hands the deadline's signal to each look", async () => {
    const deadline = new Deadline(1000);
    const seen: AbortSignal[] = [];
    await waitUntil(
      async (signal) => {
        seen.push(signal);
        return { kind: "done", value: 1 };
      },
      { ...timing, deadline },
    );
    expect(seen).toEqual([deadline.signal]);
    deadline.dispose();
  });

  it("rejects promptly with the abort reason, even while a check is running", async () => {
    const controller = new AbortController();
    const never = (): Promise<WaitDecision<string>> => new Promise(() => undefined);
    const result = waitUntil(never, { ...timing, timeoutMs: 10_000, signal: controller.signal });
    const reason = new Error("cancelled by the user");
    controller.abort(reason);
    await expect(result).rejects.toBe(reason);
  });

  it("rejects promptly when aborted during a pause", async () => {
    const controller = new AbortController();
    const script = sequence<string>([pending("DETACHING")]);
    const result = waitUntil(script.check, {
      ...timing,
      minDelayMs: 5000,
      timeoutMs: 60_000,
      signal: controller.signal,
    });
    const settled = result.catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(10);
    controller.abort(new Error("stop"));
    expect(((await settled) as Error).message).toBe("stop");
    expect(script.calls()).toBe(1);
  });

  it("brand-checks timeout errors and nothing else", () => {
    expect(
      isWaitTimeoutError(new WaitTimeoutError({ lastObserved: undefined, elapsedMs: 1, timeoutMs: 1 })),
    ).toBe(true);
    expect(isWaitTimeoutError(new Error("gave up waiting"))).toBe(false);
    expect(isWaitTimeoutError({ lastObserved: "x" })).toBe(false);
    expect(isWaitTimeoutError(undefined)).toBe(false);
  });
});

describe("pollDelayMs", () => {
  const bounds = { minDelayMs: 100, maxDelayMs: 1000 };

  it("starts at the minimum and grows within the bounds", () => {
    expect(pollDelayMs(1, bounds, () => 0.99)).toBe(100);
    expect(pollDelayMs(2, bounds, () => 0.5)).toBe(150);
    expect(pollDelayMs(3, bounds, () => 0.5)).toBe(250);
    expect(pollDelayMs(20, bounds, () => 0.999)).toBe(999);
    expect(pollDelayMs(20, bounds, () => 0)).toBe(100);
  });
});
