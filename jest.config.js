/**
 * Three tiers, as jest projects chosen by folder, so each can run alone:
 * - unit (test/unit): no network, no build, seconds (`npm run test:unit`, the inner loop);
 * - integration (test/integration): real HTTP on 127.0.0.1 against the simulator or a scripted
 *   server, and the handler chaos runs (`npm run test:integration`; one test runs the built dist/);
 * - e2e (test/e2e): the real Pulumi engine on the packed package, and the chaos runs through it
 *   (`npm run test:e2e`; needs `npm run build`).
 * `npm test` runs all three after the type check, lint, build and API report check, and prints
 * each tier's time at the end (test/support/summaryReporter.js).
 *
 * The files of all tiers share one pool of worker processes. An end-to-end file spends most of its
 * time waiting for the Pulumi CLI, its plugins and the simulator's transitions, and each has its
 * own simulator, backend, Pulumi home and project folder, so several run side by side even on two
 * cores (`PULUMI_ZENLAYER_TEST_WORKERS` sets how many; see test/e2e/README.md for the budget). They
 * start first (test/support/tierSequencer.js), so the short files fill the workers at the end.
 *
 * ts-jest runs in transpile-only mode (`npm run typecheck` does the type checking once, much faster
 * than per file). p-retry and its dependency are ESM-only, so they are transformed to CommonJS too.
 * @type {import('jest').Config}
 */
const shared = {
  testEnvironment: "node",
  transform: { "^.+\\.[tj]s$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  transformIgnorePatterns: ["/node_modules/(?!(p-retry|is-network-error)/)"],
};

/** A tier: the test files under test/<name>/. */
function tier(name) {
  return { ...shared, displayName: name, testMatch: [`<rootDir>/test/${name}/**/*.test.ts`] };
}

module.exports = {
  testTimeout: 60000,
  maxWorkers: Number(process.env["PULUMI_ZENLAYER_TEST_WORKERS"] ?? 3),
  testSequencer: "<rootDir>/test/support/tierSequencer.js",
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
  projects: [tier("unit"), tier("integration"), tier("e2e")],
};
