#!/usr/bin/env node
/**
 * Runs npm scripts one after the other, as `npm run a && npm run b` would (the first failure ends
 * the run with its exit code), and records how long each took, so that `npm test` can print the
 * time of every step before jest with the tiers' times at the end (see summaryReporter.js).
 *
 * Usage: node test/support/timedSteps.js typecheck lint build api:check
 */
const { spawnSync } = require("node:child_process");
const { writePretestTimes } = require("./tierTimes");

function main(names) {
  const steps = [];
  for (const name of names) {
    const started = Date.now();
    const run = spawnSync("npm", ["run", name], { stdio: "inherit" });
    steps.push({ name, ms: Date.now() - started });
    if (run.status !== 0) {
      process.exitCode = run.status ?? 1;
      return;
    }
  }
  writePretestTimes({ finishedAtMs: Date.now(), steps });
}

main(process.argv.slice(2));
