import { FaultInjector } from "../../../simulator/faults/faultInjector";
import { deriveStream, mulberry32 } from "../../../simulator/random/seededRandom";
import { regionOfZone, zoneInRegion, isoSeconds } from "../../../simulator/state/records";
import { TransitionScheduler } from "../../../simulator/state/transitions";

describe("mulberry32", () => {
  it("is deterministic per seed and spreads over [0, 1)", () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(deriveStream(123, 1)()).not.toBe(deriveStream(123, 2)());
  });
});

describe("the gateway rate limit (the sdk's TokenBucket, refusing instead of waiting)", () => {
  it("allows a burst of one second's worth, then refills at the rate", () => {
    let now = 0;
    const faults = new FaultInjector({ rateLimitRps: 2, retryAfterSeconds: 1 }, 1, () => now);
    const limited = () => faults.edgeFault("DescribeInstances")?.kind === "rate-limit";
    expect([limited(), limited(), limited()]).toEqual([false, false, true]);
    now = 499;
    expect(limited()).toBe(true);
    now = 500;
    expect(limited()).toBe(false);
  });
});

describe("regions and times", () => {
  it("maps zones to regions by stripping the one-letter suffix", () => {
    expect(regionOfZone("asia-east-1a")).toBe("asia-east-1");
    expect(zoneInRegion("asia-east-11a", "asia-east-1")).toBe(false);
    expect(isoSeconds(Date.UTC(2025, 6, 16, 1, 26, 39, 789))).toBe("2025-07-16T01:26:39Z");
  });
});

describe("TransitionScheduler", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("replaces a key's pending transition instead of running both", () => {
    const scheduler = new TransitionScheduler(100);
    const ran: string[] = [];
    scheduler.schedule("nic:1", () => ran.push("first"));
    scheduler.schedule("nic:1", () => ran.push("second"));
    jest.advanceTimersByTime(100);
    expect(ran).toEqual(["second"]);
  });

  it("holds stalled keys until the stall ends, leaving others alone", () => {
    const scheduler = new TransitionScheduler(10);
    const ran: string[] = [];
    scheduler.stall((key) => key === "nic:1", 100);
    scheduler.schedule("nic:1", () => ran.push("nic:1"));
    scheduler.schedule("nic:2", () => ran.push("nic:2"));
    jest.advanceTimersByTime(50);
    expect(ran).toEqual(["nic:2"]);
    jest.advanceTimersByTime(50);
    expect(ran).toEqual(["nic:2", "nic:1"]);
  });

  it("applies a random stall once, and releaseStalls ends forever-stalls", async () => {
    const scheduler = new TransitionScheduler(10);
    const ran: string[] = [];
    scheduler.schedule("a", () => ran.push("a"), 30);
    scheduler.schedule("b", () => ran.push("b"), "forever");
    jest.advanceTimersByTime(39);
    expect(ran).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(ran).toEqual(["a"]);
    jest.advanceTimersByTime(10_000);
    expect(ran).toEqual(["a"]);
    scheduler.releaseStalls();
    expect(ran).toEqual(["a", "b"]);
    await expect(scheduler.whenIdle()).resolves.toBeUndefined();
  });

  it("stop() clears timers and releases idle waiters", async () => {
    const scheduler = new TransitionScheduler(10);
    const ran: string[] = [];
    scheduler.schedule("a", () => ran.push("a"));
    const idle = scheduler.whenIdle();
    scheduler.stop();
    await expect(idle).resolves.toBeUndefined();
    jest.advanceTimersByTime(100);
    expect(ran).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
