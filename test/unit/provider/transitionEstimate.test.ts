import { TransitionEstimate } from "../../../provider/shared/operation";

const INTERVAL_MS = 1000;
const GRID_MS = INTERVAL_MS / 2;

/**
 * One operation as `Operation` schedules its looks, on a model clock: the first look at the
 * estimate (rounded up to the shared grid), then one every interval until the transition, which
 * takes `transitionMs`, has ended. Returns the lag: how long after the end the change was seen.
 */
function runOperation(estimate: TransitionEstimate, wroteAt: number, transitionMs: number): number {
  const endsAt = wroteAt + transitionMs;
  let look = Math.ceil((wroteAt + estimate.firstLookAfterMs(INTERVAL_MS)) / GRID_MS) * GRID_MS;
  let lastPending: number | undefined;
  while (look < endsAt) {
    lastPending = look;
    look = Math.ceil((look + INTERVAL_MS) / GRID_MS) * GRID_MS;
  }
  estimate.learn(wroteAt, lastPending, look);
  return look - endsAt;
}

describe("TransitionEstimate", () => {
  it.each([600, 2000, 3300])(
    "keeps the lag under one interval over a fleet of %i ms transitions",
    (transitionMs) => {
      const estimate = new TransitionEstimate();
      const lags: number[] = [];
      for (let op = 0; op < 100; op++) lags.push(runOperation(estimate, op * 7919, transitionMs));
      expect(Math.max(...lags.slice(10))).toBeLessThanOrEqual(INTERVAL_MS);
      expect(estimate.firstLookAfterMs(INTERVAL_MS)).toBeLessThan(transitionMs + INTERVAL_MS);
    },
  );

  it("does not grow when the change is seen late: only the bracket around the end is learned", () => {
    const estimate = new TransitionEstimate();
    for (let op = 0; op < 50; op++) estimate.learn(0, 1900, 5000);
    expect(estimate.firstLookAfterMs(INTERVAL_MS)).toBe(3450);
    const seenAtOnce = new TransitionEstimate();
    for (let op = 0; op < 50; op++) seenAtOnce.learn(0, undefined, 2000);
    expect(seenAtOnce.firstLookAfterMs(INTERVAL_MS)).toBeCloseTo(1000, 0);
  });

  it("starts at two intervals and stays within half an interval and ten", () => {
    const estimate = new TransitionEstimate();
    expect(estimate.firstLookAfterMs(INTERVAL_MS)).toBe(2000);
    estimate.learn(0, undefined, 0);
    for (let op = 0; op < 30; op++) estimate.learn(0, undefined, 0);
    expect(estimate.firstLookAfterMs(INTERVAL_MS)).toBe(500);
    for (let op = 0; op < 30; op++) estimate.learn(0, 60_000, 61_000);
    expect(estimate.firstLookAfterMs(INTERVAL_MS)).toBe(10_000);
  });
});
