/**
 * Jest runs the TypeScript sources through ts-jest in transpile-only mode (`npm run typecheck`
 * does the type checking once, which is much faster than per-file checking). p-retry and its
 * dependency are ESM-only, so they are transformed to CommonJS too.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.[tj]s$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(p-retry|is-network-error)/)"],
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/support/summaryReporter.js"],
};
