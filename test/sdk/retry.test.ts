import type { ErrorCategory, RetrySettings } from "../../sdk/index";
import {
  abortableSleep,
  fullJitterDelayMs,
  isZenlayerApiError,
  parseRetryAfterMs,
  retryDelayMs,
  ZenlayerApiError,
} from "../../sdk/index";
import { runWithRetry } from "../../sdk/retry/runWithRetry";

const SETTINGS: RetrySettings = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, deadlineMs: 60_000 };

function apiError(category: ErrorCategory, retryAfterMs?: number): ZenlayerApiError {
  return new ZenlayerApiError({
    code: category === "throttling" ? "REQUEST_LIMIT_EXCEEDED" : "SERVICE_TEMPORARY_UNAVAILABLE",
    detail: "scripted",
    action: "DescribeNetworkInterfaces",
    category,
    retryable: category === "throttling" || category === "transient",
    retryAfterMs,
  });
}

/** An attempt function that fails with the given errors in turn, then succeeds. */
function scripted(failures: ZenlayerApiError[]): { attempt: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    attempt: async () => {
      const failure = failures[calls];
      calls += 1;
      if (failure !== undefined) throw failure;
      return `ok after ${String(calls)}`;
    },
    calls: () => calls,
  };
}

function run(
  attempt: () => Promise<string>,
  overrides: { random?: () => number; signal?: AbortSignal; settings?: RetrySettings } = {},
) {
  const settings = overrides.settings ?? SETTINGS;
  return runWithRetry(attempt, {
    action: "DescribeNetworkInterfaces",
    settings,
    deadlineAt: Date.now() + settings.deadlineMs,
    deps: { now: () => Date.now(), random: overrides.random ?? (() => 0.5), sleep: abortableSleep },
    signal: overrides.signal,
  });
}

describe("backoff arithmetic", () => {
  it("uses full jitter over an exponentially growing, capped ceiling", () => {
    expect(fullJitterDelayMs(0, 100, 1000, () => 0.5)).toBe(50);
    expect(fullJitterDelayMs(1, 100, 1000, () => 0.5)).toBe(100);
    expect(fullJitterDelayMs(3, 100, 1000, () => 0.999)).toBe(799);
    expect(fullJitterDelayMs(10, 100, 1000, () => 0.5)).toBe(500);
    expect(fullJitterDelayMs(2, 100, 1000, () => 0)).toBe(0);
  });

  it("never waits less than Retry-After asks", () => {
    expect(retryDelayMs(0, 3000, SETTINGS, () => 0.5)).toBe(3000);
    expect(retryDelayMs(3, 10, SETTINGS, () => 0.5)).toBe(400);
    expect(retryDelayMs(0, undefined, SETTINGS, () => 0.5)).toBe(50);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfterMs("2", now)).toBe(2000);
    expect(parseRetryAfterMs(" 0.5 ", now)).toBe(500);
    expect(parseRetryAfterMs("Thu, 01 Jan 2026 00:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfterMs("Wed, 31 Dec 2025 23:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfterMs("soon", now)).toBeUndefined();
    expect(parseRetryAfterMs("", now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe("runWithRetry timing (fake timers)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("waits exactly the jittered delay before each retry", async () => {
    const script = scripted([apiError("transient"), apiError("throttling"), apiError("transient")]);
    const result = run(script.attempt);
    await jest.advanceTimersByTimeAsync(0);
    expect(script.calls()).toBe(1);
    await jest.advanceTimersByTimeAsync(49);
    expect(script.calls()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(script.calls()).toBe(2);
    await jest.advanceTimersByTimeAsync(99);
    expect(script.calls()).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(script.calls()).toBe(3);
    await jest.advanceTimersByTimeAsync(200);
    await expect(result).resolves.toBe("ok after 4");
  });

  it("follows the injected random source", async () => {
    const script = scripted([apiError("transient")]);
    const result = run(script.attempt, { random: () => 0.1 });
    await jest.advanceTimersByTimeAsync(9);
    expect(script.calls()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe("ok after 2");
  });

  it("honours Retry-After when it is longer than the jitter", async () => {
    const script = scripted([apiError("throttling", 2000)]);
    const result = run(script.attempt);
    await jest.advanceTimersByTimeAsync(1999);
    expect(script.calls()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe("ok after 2");
  });

  it("does not retry an error whose retryable is false", async () => {
    const permanent = apiError("permanent");
    const script = scripted([permanent]);
    await expect(run(script.attempt)).rejects.toBe(permanent);
    expect(script.calls()).toBe(1);
  });

  it("gives up after maxAttempts with the last error", async () => {
    const errors = [
      apiError("transient"),
      apiError("transient"),
      apiError("transient"),
      apiError("throttling"),
    ];
    const script = scripted([...errors, apiError("transient")]);
    const result = run(script.attempt, { random: () => 0 });
    const settled = expect(result).rejects.toBe(errors[3]);
    await jest.advanceTimersByTimeAsync(10);
    await settled;
    expect(script.calls()).toBe(4);
  });

  it("stops when the next wait would pass the deadline", async () => {
    const settings = { ...SETTINGS, deadlineMs: 1500 };
    const last = apiError("throttling", 2000);
    const script = scripted([last]);
    await expect(run(script.attempt, { settings })).rejects.toBe(last);
    expect(script.calls()).toBe(1);
  });

  it("rejects promptly with REQUEST_ABORTED when aborted during a backoff", async () => {
    const controller = new AbortController();
    const script = scripted([apiError("throttling", 30_000)]);
    const result = run(script.attempt, { signal: controller.signal });
    const settled = result.catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(10);
    controller.abort();
    const error = await settled;
    expect(isZenlayerApiError(error) && error.code).toBe("REQUEST_ABORTED");
    expect(script.calls()).toBe(1);
  });
});
