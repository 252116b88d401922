const { mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const path = require("node:path");

/** Where `npm test`'s steps before jest (see timedSteps.js) leave their times for the summary. */
const PRETEST_TIMES = path.join(
  __dirname,
  "..",
  "..",
  "node_modules",
  ".cache",
  "pulumi-zenlayer-test-times.json",
);

/** The pretest's times count for a jest run that started at most this long after they ended. */
const SAME_RUN_MS = 60_000;

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The tiers in the order they are listed; any other project after them. */
const TIER_ORDER = ["unit", "integration", "e2e"];

function tierRank(name) {
  const rank = TIER_ORDER.indexOf(name);
  return rank === -1 ? TIER_ORDER.length : rank;
}

function tierName(file) {
  const name = file.displayName?.name ?? file.displayName;
  return typeof name === "string" ? name : "(no project)";
}

/**
 * Each tier's (jest project's) files, tests and times: `wallMs` from its first file's start to its
 * last file's end (files of all tiers run side by side), and `fileMs` the sum of its files' times.
 */
function tierTimes(results) {
  const tiers = new Map();
  for (const file of results.testResults) {
    const tier = tiers.get(tierName(file)) ?? { files: 0, tests: 0, startMs: Infinity, endMs: 0, fileMs: 0 };
    const { start, end } = file.perfStats;
    tier.files += 1;
    tier.tests += file.testResults.length;
    if (start > 0 && end >= start) {
      tier.startMs = Math.min(tier.startMs, start);
      tier.endMs = Math.max(tier.endMs, end);
      tier.fileMs += end - start;
    }
    tiers.set(tierName(file), tier);
  }
  return [...tiers].map(([name, tier]) => ({
    name,
    files: tier.files,
    tests: tier.tests,
    wallMs: tier.endMs > tier.startMs ? tier.endMs - tier.startMs : 0,
    fileMs: tier.fileMs,
  }));
}

/** The lines that give each tier's time, jest's own, and the pretest steps' when this run followed them. */
function timeLines(results, nowMs, pretest) {
  const lines = ["", "times (wall; sum of file times):"];
  for (const tier of tierTimes(results).sort((a, b) => tierRank(a.name) - tierRank(b.name))) {
    const counts = `${tier.files} files, ${tier.tests} tests`;
    lines.push(
      `  ${tier.name.padEnd(12)} ${seconds(tier.wallMs).padStart(8)}  (files ${seconds(tier.fileMs)}; ${counts})`,
    );
  }
  lines.push(`  ${"jest".padEnd(12)} ${seconds(nowMs - results.startTime).padStart(8)}`);
  const before = results.startTime - (pretest?.finishedAtMs ?? -Infinity);
  if (pretest !== undefined && before >= 0 && before <= SAME_RUN_MS) {
    const steps = pretest.steps.map((step) => `${step.name} ${seconds(step.ms)}`).join(", ");
    const total = pretest.steps.reduce((sum, step) => sum + step.ms, 0);
    lines.push(`  ${"pretest".padEnd(12)} ${seconds(total).padStart(8)}  (${steps})`);
  }
  return lines;
}

function readPretestTimes() {
  try {
    return JSON.parse(readFileSync(PRETEST_TIMES, "utf8"));
  } catch {
    return undefined;
  }
}

function writePretestTimes(times) {
  mkdirSync(path.dirname(PRETEST_TIMES), { recursive: true });
  writeFileSync(PRETEST_TIMES, `${JSON.stringify(times)}\n`);
}

module.exports = { readPretestTimes, tierTimes, timeLines, writePretestTimes };
