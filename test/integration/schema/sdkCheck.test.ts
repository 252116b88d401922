/**
 * `npm run sdk:check` (the built dist/scripts/sdkgen/generateSdks.js, as `npm test`'s pretest
 * leaves it): passes on the committed SDKs, so a change to the schema committed without
 * `npm run sdk:generate` fails the suite; and fails, naming the file, on a copy of `sdk/` with one
 * generated file out of date. Each language whose host this machine lacks is reported as skipped
 * by the script itself; the whole file is skipped, with the reason, where no CLI or no Node.js
 * language host (which the stale case needs) can be had.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ENSURE_PULUMI_TIMEOUT_MS, ensurePulumiCli, REPO_ROOT } from "../../../scripts/lib/pulumiCli";
import { genSdkSkipReason } from "../../e2e/support/cliAvailability";

const SCRIPT = path.join(REPO_ROOT, "dist", "scripts", "sdkgen", "generateSdks.js");
const CHECK_TIMEOUT_MS = 120_000;

/** What one run of the check printed, and its exit code. */
interface CheckRun {
  readonly code: number;
  readonly output: string;
}

function runCheck(args: readonly string[]): Promise<CheckRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT, "--check", ...args],
      { cwd: REPO_ROOT, timeout: CHECK_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), output: `${stdout}${stderr}` }),
    );
  });
}

const reason = genSdkSkipReason();
const describeWithCli = reason === undefined ? describe : describe.skip;

describeWithCli(`npm run sdk:check${reason === undefined ? "" : ` (skipped: ${reason})`}`, () => {
  let copy: string;

  beforeAll(async () => {
    if (!existsSync(SCRIPT))
      throw new Error(`${SCRIPT} is missing: run \`npm run build\` first (pretest does)`);
    // Builds or finds the CLI once, within the long timeout, so the checks' own runs are quick.
    await ensurePulumiCli();
    copy = await mkdtemp(path.join(tmpdir(), "zenlayer-sdk-check-"));
  }, ENSURE_PULUMI_TIMEOUT_MS);

  afterAll(async () => {
    if (copy !== undefined) await rm(copy, { recursive: true, force: true });
  });

  it(
    "passes on the committed SDKs, each language up to date or skipped with the reason",
    async () => {
      const run = await runCheck([]);
      const verdicts = run.output.split("\n").filter((line) => /^(nodejs|python|go|dotnet): /.test(line));
      // The whole output on a failure: it names each file that differs.
      expect({ code: run.code, output: run.output }).toEqual({
        code: 0,
        output: expect.any(String) as unknown,
      });
      expect(verdicts).toContain("nodejs: up to date");
      expect(verdicts).toHaveLength(4);
      for (const verdict of verdicts) expect(verdict).toMatch(/: (up to date|skipped: .+)$/);
    },
    CHECK_TIMEOUT_MS,
  );

  it(
    "fails, naming the file, when a generated file is out of date",
    async () => {
      await cp(path.join(REPO_ROOT, "sdk", "schema.json"), path.join(copy, "schema.json"));
      await cp(path.join(REPO_ROOT, "sdk", "nodejs"), path.join(copy, "nodejs"), { recursive: true });
      await appendFile(path.join(copy, "nodejs", "zec", "networkInterface.ts"), "// edited by hand\n");

      const run = await runCheck(["--languages", "nodejs", "--sdk-root", copy]);

      expect(run.code).toBe(1);
      expect(run.output).toContain(`nodejs: differs: ${path.join("zec", "networkInterface.ts")}`);
      expect(run.output).toContain("run `npm run sdk:generate` and commit the result");
    },
    CHECK_TIMEOUT_MS,
  );
});
