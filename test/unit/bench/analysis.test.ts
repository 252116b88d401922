import type { LoggedRequest, LoggedTransition } from "../../../scripts/bench/analysis";
import {
  countRequests,
  describeCovers,
  lowerBound,
  nearestRank,
  noticeLags,
  returnLags,
  startupSummary,
  statusCountsOverTime,
  summarize,
} from "../../../scripts/bench/analysis";

const describe_ = (atMs: number, nicIds: string[] | undefined, status = 200): LoggedRequest => ({
  receivedAtMs: atMs,
  action: "DescribeNetworkInterfaces",
  status,
  body: nicIds === undefined ? {} : { nicIds },
});
const settled = (atMs: number, id: string, to: string): LoggedTransition => ({
  atMs,
  resource: "nic",
  id,
  from: to === "USED" ? "ATTACHING" : "DETACHING",
  to,
  cause: "transition",
});
const WINDOW = { startMs: 0, endMs: 100_000 };

describe("lowerBound", () => {
  it("is one transition when the server sets no limit, whatever the number of calls", () => {
    expect(lowerBound({ writes: 24, transitionMs: 2000, calls: 500 })).toEqual({
      ms: 2000,
      transitionMs: 2000,
      callsMs: 0,
    });
  });

  it("adds the admitted calls divided by the server's rate", () => {
    expect(lowerBound({ writes: 100, transitionMs: 2000, calls: 250, rateLimitRps: 20 })).toEqual({
      ms: 14_500,
      transitionMs: 2000,
      callsMs: 12_500,
    });
  });

  it("has no transition part when nothing changes (the empty stack)", () => {
    expect(lowerBound({ writes: 0, transitionMs: 2000, calls: 0, rateLimitRps: 10 }).ms).toBe(0);
  });
});

describe("noticeLags", () => {
  it("dates each settled transition to the first successful Describe covering the NIC", () => {
    const transitions = [settled(1000, "nic-a", "USED"), settled(1500, "nic-b", "USED")];
    const requests = [
      describe_(900, ["nic-a"]),
      describe_(1200, ["nic-a"], 503), // failed: taught nothing
      describe_(1400, ["nic-b"]), // another NIC's
      describe_(1700, ["nic-a", "nic-b"]),
    ];
    const lags = noticeLags(transitions, requests, "USED", WINDOW);
    expect(lags.map((lag) => lag.lagMs)).toEqual([700, 200]);
  });

  it("counts a Describe without a filter as covering every NIC, and leaves unseen ones undefined", () => {
    const transitions = [settled(1000, "nic-a", "AVAILABLE"), settled(5000, "nic-b", "AVAILABLE")];
    const lags = noticeLags(transitions, [describe_(1100, undefined)], "AVAILABLE", WINDOW);
    expect(lags.map((lag) => lag.lagMs)).toEqual([100, undefined]);
    expect(describeCovers(describe_(0, []), "nic-z")).toBe(true);
  });

  it("ignores transitions outside the window, to another status, or forced out of band", () => {
    const transitions = [
      settled(200_000, "nic-a", "USED"),
      settled(1000, "nic-a", "AVAILABLE"),
      { ...settled(1000, "nic-a", "USED"), cause: "out-of-band" },
    ];
    expect(noticeLags(transitions, [describe_(1100, undefined)], "USED", WINDOW)).toEqual([]);
  });
});

describe("returnLags", () => {
  it("dates each transition to the first completion of the resource managing that NIC", () => {
    const nicOf = new Map([
      ["att-a", "nic-a"],
      ["att-b", "nic-b"],
    ]);
    const completions = [
      { name: "att-a", atMs: 900 }, // before the transition: an earlier step
      { name: "att-a", atMs: 1800 },
      { name: "att-a", atMs: 1600 },
    ];
    const transitions = [settled(1000, "nic-a", "USED"), settled(1000, "nic-b", "USED")];
    expect(returnLags(transitions, completions, nicOf, "USED", WINDOW)).toEqual([600, undefined]);
  });
});

describe("summarize", () => {
  it("gives the median (mean of the middle two when even) and the maximum", () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, max: 3 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, max: 4 });
    expect(summarize([])).toBeUndefined();
  });

  it("makes the maximum infinite when a value is missing (never noticed)", () => {
    expect(summarize([1, undefined])?.max).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("nearestRank", () => {
  it("gives a measured value: the smallest with at least that fraction at or below it", () => {
    const twenty = Array.from({ length: 20 }, (_, index) => (20 - index) * 10); // 200, 190, …, 10
    expect(nearestRank(twenty, 0.95)).toBe(190);
    expect(nearestRank(twenty, 0.5)).toBe(100);
    expect(nearestRank(twenty, 1)).toBe(200);
    expect(nearestRank([7], 0.95)).toBe(7);
    expect(nearestRank([], 0.95)).toBeNaN();
  });
});

describe("startupSummary", () => {
  it("gives the median, the 95th percentile and the extremes of the launches, keeping the samples", () => {
    const samples = [150, 120, 400, 130, 140];
    expect(startupSummary(samples)).toEqual({ samples, median: 140, p95: 400, min: 120, max: 400 });
  });

  it("has no figures without a launch", () => {
    expect(startupSummary([])).toMatchObject({ median: Number.NaN, p95: Number.NaN, min: Number.NaN });
  });
});

describe("countRequests", () => {
  it("counts the window's requests by action, with 429s and 5xx apart", () => {
    const requests: LoggedRequest[] = [
      describe_(10, undefined),
      describe_(20, undefined, 429),
      { receivedAtMs: 30, action: "AttachNetworkInterface", status: 500, body: {} },
      { receivedAtMs: 40, action: null, status: 404, body: {} },
      describe_(500, undefined),
    ];
    expect(countRequests(requests, { startMs: 0, endMs: 100 })).toEqual({
      byAction: { DescribeNetworkInterfaces: 2, AttachNetworkInterface: 1, "(none)": 1 },
      total: 4,
      throttled: 1,
      serverErrors: 1,
    });
  });
});

describe("statusCountsOverTime", () => {
  it("steps the counts of the given NICs at each of their transitions", () => {
    const transitions: LoggedTransition[] = [
      { atMs: 10, resource: "nic", id: "a", from: "AVAILABLE", to: "ATTACHING", cause: "api" },
      { atMs: 15, resource: "nic", id: "other", from: "AVAILABLE", to: "ATTACHING", cause: "api" },
      settled(20, "a", "USED"),
    ];
    const points = statusCountsOverTime(transitions, new Set(["a", "b"]), 0);
    expect(
      points.map((p) => [p.atMs, p.counts["AVAILABLE"], p.counts["ATTACHING"], p.counts["USED"]]),
    ).toEqual([
      [0, 2, 0, 0],
      [10, 1, 1, 0],
      [20, 1, 0, 1],
    ]);
  });
});
