import { TokenBucket, ZecClient, resolveClientConfig } from "../../../sdk/index";
import type { ClientSettings } from "../../../sdk/index";
import { sharedRateLimiter } from "../../../sdk/rateLimit/tokenBucket";
import type * as SharedModule from "../../../sdk/rateLimit/tokenBucket";

/** A manual clock whose sleep advances time instead of waiting, recording each wait. */
function manualClock(): {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  waits: number[];
  advance: (ms: number) => void;
} {
  let time = 1_000_000;
  const waits: number[] = [];
  return {
    now: () => time,
    sleep: async (ms) => {
      waits.push(ms);
      time += ms;
    },
    waits,
    advance: (ms) => {
      time += ms;
    },
  };
}

describe("TokenBucket", () => {
  it("lets a burst of requestsPerSecond through, then spaces calls at the rate", async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ requestsPerSecond: 4, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 4; i++) await bucket.acquire();
    expect(clock.waits).toEqual([]);
    await bucket.acquire();
    await bucket.acquire();
    expect(clock.waits).toEqual([250, 250]);
  });

  it("refills with elapsed time, never above the burst", async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ requestsPerSecond: 2, burst: 2, now: clock.now, sleep: clock.sleep });
    await bucket.acquire();
    await bucket.acquire();
    clock.advance(10_000);
    await bucket.acquire();
    await bucket.acquire();
    expect(clock.waits).toEqual([]);
    await bucket.acquire();
    expect(clock.waits).toEqual([500]);
  });

  it("queues concurrent callers in arrival order with growing waits", async () => {
    const clock = manualClock();
    const waits: number[] = [];
    const bucket = new TokenBucket({
      requestsPerSecond: 10,
      burst: 1,
      now: clock.now,
      sleep: async (ms) => void waits.push(ms),
    });
    await Promise.all([bucket.acquire(), bucket.acquire(), bucket.acquire()]);
    expect(waits).toEqual([100, 200]);
  });

  it("returns the reserved token when a waiting caller aborts", async () => {
    const clock = manualClock();
    const controller = new AbortController();
    const waits: number[] = [];
    const bucket = new TokenBucket({
      requestsPerSecond: 1,
      burst: 1,
      now: clock.now,
      sleep: (ms, signal) => {
        waits.push(ms);
        return signal === undefined ? Promise.resolve() : Promise.reject(new Error("aborted"));
      },
    });
    await bucket.acquire();
    await expect(bucket.acquire(controller.signal)).rejects.toThrow("aborted");
    await bucket.acquire();
    expect(waits).toEqual([1000, 1000]);
  });

  it("refuses an already aborted signal without taking a token", async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ requestsPerSecond: 1, now: clock.now, sleep: clock.sleep });
    await expect(bucket.acquire(AbortSignal.abort(new Error("gone")))).rejects.toThrow("gone");
    await bucket.acquire();
    expect(clock.waits).toEqual([]);
  });

  it("slows down to what the server accepted when it is throttled, once per second", () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ requestsPerSecond: 100, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 12; i++) bucket.record("accepted");
    bucket.record("throttled");
    expect(bucket.currentRate).toBe(12);
    bucket.record("throttled");
    expect(bucket.currentRate).toBe(12);
    clock.advance(1000);
    for (let i = 0; i < 9; i++) bucket.record("accepted");
    bucket.record("throttled");
    expect(bucket.currentRate).toBeCloseTo(6.6, 5); // 12, climbed 1.2 in the second, halved (9 were accepted)
    clock.advance(1000);
    for (let i = 0; i < 2; i++) bucket.record("accepted");
    bucket.record("throttled");
    expect(bucket.currentRate).toBe(2); // what the server accepted over the last second
  });

  it("climbs back by a tenth of the cut rate per second, never above the configured rate", async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ requestsPerSecond: 50, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 20; i++) bucket.record("accepted");
    bucket.record("throttled");
    expect(bucket.currentRate).toBe(20);
    clock.advance(5000);
    await bucket.acquire();
    expect(bucket.currentRate).toBe(30);
    clock.advance(60_000);
    await bucket.acquire();
    expect(bucket.currentRate).toBe(50);
  });

  it("spaces calls at the slowed rate and never stops entirely", async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ requestsPerSecond: 10, now: clock.now, sleep: clock.sleep });
    bucket.record("throttled");
    expect(bucket.currentRate).toBe(0.5);
    await bucket.acquire();
    expect(clock.waits).toEqual([2000]);
  });

  it("rejects a rate that is not a positive number", () => {
    expect(() => new TokenBucket({ requestsPerSecond: 0 })).toThrow(RangeError);
    expect(() => new TokenBucket({ requestsPerSecond: Number.NaN })).toThrow(RangeError);
  });
});

describe("sharedRateLimiter", () => {
  const account = "http://127.0.0.1:1 key AK1";

  it("returns one bucket per account and rate for the whole process, kept on globalThis", () => {
    const first = sharedRateLimiter(7, account);
    expect(sharedRateLimiter(7, account)).toBe(first);
    expect(sharedRateLimiter(8, account)).not.toBe(first);
    const registry = (globalThis as unknown as Record<symbol, Map<string, unknown>>)[
      Symbol.for("pulumi-zenlayer.sharedRateLimiters")
    ];
    expect(registry?.get(JSON.stringify([account, 7]))).toBe(first);
  });

  it("keeps other accounts, and the same account at another endpoint, apart", () => {
    const first = sharedRateLimiter(7, account);
    expect(sharedRateLimiter(7, "http://127.0.0.1:1 key AK2")).not.toBe(first);
    expect(sharedRateLimiter(7, "http://127.0.0.1:2 key AK1")).not.toBe(first);
  });

  it("is shared by a second copy of the module", () => {
    const first = sharedRateLimiter(9, account);
    jest.isolateModules(() => {
      const copy = jest.requireActual<typeof SharedModule>("../../../sdk/rateLimit/tokenBucket");
      expect(copy.sharedRateLimiter(9, account)).toBe(first);
    });
  });
});

describe("the limiter a client draws on", () => {
  const limiterOf = (settings: ClientSettings): unknown =>
    new ZecClient(resolveClientConfig({ explicit: { domain: "zec.test", ...settings }, env: {} }))
      .rateLimiter;
  const keyPair = { accessKeyId: "AK-limit-1", accessKeyPassword: "pw" };

  it("is the same for every client of one account at one endpoint, whatever its password", () => {
    expect(limiterOf(keyPair)).toBe(limiterOf({ ...keyPair, accessKeyPassword: "rotated" }));
  });

  it("differs by account, endpoint and token", () => {
    const first = limiterOf(keyPair);
    expect(limiterOf({ ...keyPair, accessKeyId: "AK-limit-2" })).not.toBe(first);
    expect(limiterOf({ ...keyPair, domain: "other.test" })).not.toBe(first);
    expect(limiterOf({ token: "token-a" })).toBe(limiterOf({ token: "token-a" }));
    expect(limiterOf({ token: "token-a" })).not.toBe(limiterOf({ token: "token-b" }));
  });

  it("is registered without any secret in its key", () => {
    limiterOf({ accessKeyId: "AK-limit-3", accessKeyPassword: "pw-secret-3" });
    limiterOf({ token: "token-secret-4" });
    const registry = (globalThis as unknown as Record<symbol, Map<string, unknown>>)[
      Symbol.for("pulumi-zenlayer.sharedRateLimiters")
    ];
    const keys = [...(registry?.keys() ?? [])].join("\n");
    expect(keys).toContain("AK-limit-3");
    expect(keys).not.toMatch(/pw-secret-3|token-secret-4/);
  });
});
