/** The times `npm test` prints at the end: each tier's, jest's, and the steps before jest. */
const { tierTimes, timeLines } = require("../../support/tierTimes") as {
  tierTimes: (results: unknown) => Array<Record<string, unknown>>;
  timeLines: (results: unknown, nowMs: number, pretest?: unknown) => string[];
};

/** A test file's result as jest reports it: its project, its tests, and when it ran. */
function file(tier: string, start: number, end: number, tests = 1) {
  return {
    displayName: { name: tier, color: "white" },
    perfStats: { start, end },
    testResults: Array.from({ length: tests }, () => ({ status: "passed" })),
  };
}

const RESULTS = {
  startTime: 1_000,
  testResults: [
    file("e2e", 1_500, 61_500, 2),
    file("unit", 1_200, 2_200, 10),
    file("e2e", 2_000, 42_000),
    file("unit", 2_200, 2_700, 5),
  ],
};

describe("tierTimes", () => {
  it("gives each tier its span from first start to last end, and the sum of its files' times", () => {
    expect(tierTimes(RESULTS)).toEqual([
      { name: "e2e", files: 2, tests: 3, wallMs: 60_000, fileMs: 100_000 },
      { name: "unit", files: 2, tests: 15, wallMs: 1_500, fileMs: 1_500 },
    ]);
  });

  it("leaves a file that never ran (a failed setup, no times) out of the times but counts it", () => {
    const results = { startTime: 0, testResults: [file("unit", 0, 0, 0), file("unit", 10, 30)] };
    expect(tierTimes(results)).toEqual([{ name: "unit", files: 2, tests: 1, wallMs: 20, fileMs: 20 }]);
  });
});

describe("timeLines", () => {
  const pretest = {
    finishedAtMs: 500,
    steps: [
      { name: "typecheck", ms: 12_000 },
      { name: "lint", ms: 8_000 },
    ],
  };

  it("lists the tiers in their order, then jest's own time and the pretest steps of the same run", () => {
    expect(timeLines(RESULTS, 63_000, pretest)).toEqual([
      "",
      "times (wall; sum of file times):",
      "  unit            1.5 s  (files 1.5 s; 2 files, 15 tests)",
      "  e2e            60.0 s  (files 100.0 s; 2 files, 3 tests)",
      "  jest           62.0 s",
      "  pretest        20.0 s  (typecheck 12.0 s, lint 8.0 s)",
    ]);
  });

  it("leaves out pretest times from an earlier run, or from after jest started", () => {
    const earlier = { ...pretest, finishedAtMs: RESULTS.startTime - 61_000 };
    const later = { ...pretest, finishedAtMs: RESULTS.startTime + 1 };
    for (const stale of [earlier, later, undefined]) {
      expect(timeLines(RESULTS, 63_000, stale).some((line) => line.includes("pretest"))).toBe(false);
    }
  });
});
