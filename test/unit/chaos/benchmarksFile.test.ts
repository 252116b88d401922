/**
 * The chaos runs add their figures to the repository's BENCHMARKS.md and label them with the
 * repository's commit, whatever directory they were started from.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..", "..");

describe("chaos BENCHMARKS.md", () => {
  const started = process.cwd();
  let elsewhere: string;
  beforeEach(() => {
    elsewhere = mkdtempSync(path.join(tmpdir(), "chaos-cwd-"));
    process.chdir(elsewhere);
  });
  afterEach(() => {
    process.chdir(started);
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it("is the file at the repository root, not one in the current directory", () => {
    jest.isolateModules(() => {
      const { BENCHMARKS_FILE } = require("../../chaos/benchmarks") as { BENCHMARKS_FILE: string };
      expect(BENCHMARKS_FILE).toBe(path.join(REPO, "BENCHMARKS.md"));
    });
  });

  it("names the repository's commit, not that of the current directory", () => {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: REPO,
      encoding: "utf8",
    }).trim();
    jest.isolateModules(() => {
      const { codeLabel } = require("../../chaos/benchmarks") as {
        codeLabel: (env: Record<string, string>) => string;
      };
      expect(codeLabel({})).toMatch(new RegExp(`^${head}`));
    });
  });
});
