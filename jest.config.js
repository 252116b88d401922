/**
 * Three tiers, as jest projects, so each can run alone:
 * - unit: no network, no build, seconds (`npm run test:unit`, the inner loop);
 * - integration: real HTTP on 127.0.0.1 against the simulator or a scripted server, and the
 *   handler chaos runs (`npm run test:integration`; one test runs the built dist/);
 * - e2e: the real Pulumi engine on the packed package, and the chaos runs through it
 *   (`npm run test:e2e`; needs `npm run build`).
 * `npm test` runs all three after the type check, lint, build and API report check.
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

module.exports = {
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["<rootDir>/test/unit/**/*.test.ts"],
    },
    {
      ...shared,
      displayName: "integration",
      testMatch: ["<rootDir>/test/integration/**/*.test.ts"],
    },
    {
      ...shared,
      displayName: "e2e",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
    },
  ],
};
