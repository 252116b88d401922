import { TokenBucket } from "../../../sdk/index";
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
  it("returns one bucket per rate for the whole process, kept on globalThis", () => {
    const first = sharedRateLimiter(7);
    expect(sharedRateLimiter(7)).toBe(first);
    expect(sharedRateLimiter(8)).not.toBe(first);
    const registry = (globalThis as unknown as Record<symbol, Map<number, unknown>>)[
      Symbol.for("pulumi-zenlayer.sharedRateLimiters")
    ];
    expect(registry?.get(7)).toBe(first);
  });

  it("is shared by a second copy of the module", () => {
    const first = sharedRateLimiter(9);
    jest.isolateModules(() => {
      const copy = jest.requireActual<typeof SharedModule>("../../../sdk/rateLimit/tokenBucket");
      expect(copy.sharedRateLimiter(9)).toBe(first);
    });
  });
});
