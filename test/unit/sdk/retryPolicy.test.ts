import type { RetrySettings } from "../../../sdk/index";
import { isZenlayerApiError, ZenlayerApiError } from "../../../sdk/index";
import type { ErrorCategory } from "../../../sdk/retry/classification";
import {
  parseRetryAfterMs,
  retryVerdict,
  runWithRetry,
  UNREACHABLE_RETRY_WINDOW_MS,
} from "../../../sdk/retry/retryPolicy";
import { abortableSleep } from "../../../sdk/util/time";

const SETTINGS: RetrySettings = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, deadlineMs: 60_000 };

/** A code the classification table puts in each category. */
const CODE_OF: Readonly<Record<ErrorCategory, string>> = {
  throttling: "REQUEST_LIMIT_EXCEEDED",
  transient: "SERVICE_TEMPORARY_UNAVAILABLE",
  unreachable: "NETWORK_ERROR",
  "not-found": "INVALID_NIC_NOT_FOUND",
  permanent: "INVALID_NIC_STATUS",
};

function apiError(
  category: ErrorCategory,
  retryAfterMs?: number,
  action = "DescribeNetworkInterfaces",
): ZenlayerApiError {
  const cause =
    category === "unreachable" ? { name: "Error", code: "ECONNREFUSED", message: "refused" } : undefined;
  return new ZenlayerApiError({ code: CODE_OF[category], detail: "scripted", action, retryAfterMs, cause });
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

describe("the retry verdict", () => {
  const at = (retryIndex: number, unreachableSince?: number) => ({
    retryIndex,
    unreachableSince,
    now: 100_000,
  });
  const delayOf = (error: ZenlayerApiError, retryIndex: number, random: () => number) => {
    const verdict = retryVerdict(error, at(retryIndex), SETTINGS, random);
    return verdict.retry ? verdict.delayMs : undefined;
  };

  it("waits with full jitter over an exponentially growing, capped ceiling", () => {
    const transient = apiError("transient");
    expect(delayOf(transient, 0, () => 0.5)).toBe(50);
    expect(delayOf(transient, 1, () => 0.5)).toBe(100);
    expect(delayOf(transient, 3, () => 0.999)).toBe(799);
    expect(delayOf(transient, 10, () => 0.5)).toBe(500);
    expect(delayOf(transient, 2, () => 0)).toBe(0);
  });

  it("never waits less than Retry-After asks", () => {
    expect(delayOf(apiError("throttling", 3000), 0, () => 0.5)).toBe(3000);
    expect(delayOf(apiError("throttling", 10), 3, () => 0.5)).toBe(400);
  });

  it("retries an unreachable endpoint only within its window, with a last try at its end", () => {
    const refused = apiError("unreachable");
    const justStarted = retryVerdict(refused, at(5, 100_000), SETTINGS, () => 0.999);
    expect(justStarted).toEqual({ retry: true, delayMs: 999 });
    const nearlyOver = retryVerdict(
      refused,
      at(5, 100_000 - UNREACHABLE_RETRY_WINDOW_MS + 300),
      SETTINGS,
      () => 0.999,
    );
    expect(nearlyOver).toEqual({ retry: true, delayMs: 300 });
    expect(
      retryVerdict(refused, at(5, 100_000 - UNREACHABLE_RETRY_WINDOW_MS), SETTINGS, () => 0.5).retry,
    ).toBe(false);
  });

  it("stops on what cannot pass, and on an ambiguous failure of a create", () => {
    expect(retryVerdict(apiError("permanent"), at(0), SETTINGS, () => 0.5).retry).toBe(false);
    expect(retryVerdict(apiError("not-found"), at(0), SETTINGS, () => 0.5).retry).toBe(false);
    expect(retryVerdict(new Error("not an API error"), at(0), SETTINGS, () => 0.5).retry).toBe(false);
    const create = apiError("transient", undefined, "CreateNetworkInterface");
    expect(retryVerdict(create, at(0), SETTINGS, () => 0.5).retry).toBe(false);
    const throttledCreate = apiError("throttling", undefined, "CreateNetworkInterface");
    expect(retryVerdict(throttledCreate, at(0), SETTINGS, () => 0.5).retry).toBe(true);
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

  it("does not retry what the verdict says cannot pass", async () => {
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
