import { spawnSync } from "node:child_process";
import { languageUnavailableReason, readLanguageReport } from "../../../scripts/lib/languageReport";
import type { ProgramLanguage } from "../../../scripts/lib/languageReport";
import { languageHostSource } from "../../../scripts/lib/languageHost";
import { ENSURE_PULUMI_SCRIPT, ensurePulumiEnv, lastLine, REPO_ROOT } from "../../../scripts/lib/pulumiCli";
import type { PulumiCli } from "../../../scripts/lib/pulumiCli";

/** The CLI root of this file's run of scripts/ensure-pulumi; null once that run has failed. */
let ensuredRoot: string | null | undefined;

/**
 * Runs scripts/ensure-pulumi once per test file, synchronously, because jest decides what to skip
 * while the file loads. On a machine where the CLI and hosts are built this takes one to two
 * seconds; on the first run it builds them, as the setup of any end-to-end test would. Its progress
 * and report go to stderr as they come.
 */
function cliRoot(): string | undefined {
  if (ensuredRoot === undefined) {
    const run = spawnSync(ENSURE_PULUMI_SCRIPT, [], {
      cwd: REPO_ROOT,
      env: ensurePulumiEnv(),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const root = lastLine(run.stdout ?? "");
    ensuredRoot = run.status === 0 && root !== "" ? root : null;
  }
  return ensuredRoot ?? undefined;
}

/**
 * Why this machine cannot run an on-disk program of `language` through the CLI, or undefined when
 * it can: by the report scripts/ensure-pulumi writes into the CLI's root (its host, and `go` or a
 * Python that makes virtual environments). When the script fails there is no reason to skip: the
 * tests run, and their setup fails with the script's output, as every end-to-end test does.
 */
export function languageSkipReason(language: ProgramLanguage): string | undefined {
  const root = cliRoot();
  return root === undefined ? undefined : languageUnavailableReason(readLanguageReport(root), language);
}

/**
 * A `describe` for tests of on-disk `language` programs: skipped, with the reason in its title (the
 * summary reporter prints it), when {@link languageSkipReason} gives one.
 */
export function describeLanguage(language: ProgramLanguage, name: string, body: () => void): void {
  const reason = languageSkipReason(language);
  if (reason === undefined) {
    describe(name, body);
  } else {
    describe.skip(`${name} (skipped: ${reason})`, body);
  }
}

/**
 * Fails a setup whose CLI (in `root`) cannot run `language` programs although the tests were not
 * skipped, e.g. because the script failed when the file loaded and worked later.
 */
export function requireLanguage(root: string, language: ProgramLanguage): void {
  const reason = languageUnavailableReason(readLanguageReport(root), language);
  if (reason !== undefined) {
    throw new Error(`${reason} (by ${root}/languages.json, written by scripts/ensure-pulumi)`);
  }
}

/**
 * Fails the setup when the CLI has no language host although one was expected (the tests were not
 * skipped): a host that cannot be built must fail the tests, not skip them.
 */
export function requireLanguageHost(cli: PulumiCli): void {
  if (cli.languageHost === undefined) {
    const source = languageHostSource(REPO_ROOT) ?? "none";
    throw new Error(
      `the on-disk program tests need pulumi-language-nodejs beside ${cli.root}/bin/pulumi or on PATH, ` +
        `and scripts/ensure-pulumi gave a CLI without one (source folder: ${source})`,
    );
  }
}
