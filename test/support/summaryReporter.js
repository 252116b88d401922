const path = require("node:path");
const { readPretestTimes, timeLines } = require("./tierTimes");

/** A skipped block names its reason at the end of its title, as "(skipped: <reason>)". */
const SKIP_REASON = /\s*\(skipped: (.+)\)$/;

/**
 * The skipped tests of a run grouped by reason: the reason from the nearest title that gives one
 * (see test/e2e/support/onDiskAvailability.ts), or a plain note for a bare `it.skip`.
 */
function skippedByReason(results) {
  const groups = new Map();
  for (const file of results.testResults) {
    for (const test of file.testResults) {
      if (test.status !== "pending" && test.status !== "todo") {
        continue;
      }
      const titles = [...test.ancestorTitles, test.title];
      const reason = titles.map((title) => SKIP_REASON.exec(title)?.[1]).find(Boolean) ?? "no reason given";
      const name = titles.map((title) => title.replace(SKIP_REASON, "")).join(" › ");
      const entries = groups.get(reason) ?? [];
      entries.push(`${path.relative(process.cwd(), file.testFilePath)}: ${name}`);
      groups.set(reason, entries);
    }
  }
  return groups;
}

/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, after Jest's own summary,
 * so CI and people reading logs see the counts in the conventional form; then, for skipped tests,
 * why they were skipped and which they are, since a skip must never pass for a success unnoticed;
 * then each tier's time (and the steps before jest, when `npm test` ran them), to keep the test
 * budget in sight (see test/e2e/README.md).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    timeLines(results, Date.now(), readPretestTimes()).forEach((line) => process.stdout.write(`${line}\n`));
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
    for (const [reason, tests] of skippedByReason(results)) {
      process.stdout.write(`skipped ${tests.length} because ${reason}:\n`);
      tests.forEach((test) => process.stdout.write(`  - ${test}\n`));
    }
  }
}

module.exports = SummaryReporter;
