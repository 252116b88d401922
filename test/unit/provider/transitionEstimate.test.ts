import { TransitionEstimate } from "../../../provider/core/transitionEstimate";

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
  estimate.learn(wroteAt, lastPending, look, INTERVAL_MS);
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

  it("learns the middle of the bracket in which the transition ended, not when it was noticed", () => {
    const estimate = new TransitionEstimate();
    for (let op = 0; op < 50; op++) estimate.learn(0, 1900, 4000, INTERVAL_MS);
    expect(estimate.firstLookAfterMs(INTERVAL_MS)).toBeCloseTo(2950, 0);
    const seenAtOnce = new TransitionEstimate();
    for (let op = 0; op < 50; op++) seenAtOnce.learn(0, undefined, 2000, INTERVAL_MS);
    expect(seenAtOnce.firstLookAfterMs(INTERVAL_MS)).toBeCloseTo(1000, 0);
  });

  it("is not inflated by looks spread out by retries after lost answers", () => {
    const estimate = new TransitionEstimate();
    for (let op = 0; op < 20; op++) estimate.learn(0, 500, 1500, INTERVAL_MS);
    const before = estimate.firstLookAfterMs(INTERVAL_MS);
    for (let op = 0; op < 20; op++) estimate.learn(0, 500, 4600, INTERVAL_MS);
    expect(estimate.firstLookAfterMs(INTERVAL_MS)).toBe(before);
  });

  it("starts at two intervals and stays within half an interval and ten", () => {
    const estimate = new TransitionEstimate();
    expect(estimate.firstLookAfterMs(INTERVAL_MS)).toBe(2000);
    estimate.learn(0, undefined, 0, INTERVAL_MS);
    for (let op = 0; op < 30; op++) estimate.learn(0, undefined, 0, INTERVAL_MS);
    expect(estimate.firstLookAfterMs(INTERVAL_MS)).toBe(500);
    for (let op = 0; op < 30; op++) estimate.learn(0, 60_000, 61_000, INTERVAL_MS);
    expect(estimate.firstLookAfterMs(INTERVAL_MS)).toBe(10_000);
  });
});
