/**
 * Every GitHub Actions workflow in the repository (tracked or new, wherever it lives: the GitOps
 * example is in examples/gitops/, not .github/workflows/) passes actionlint at the version
 * scripts/ensure-actionlint pins. A finding fails the test, with actionlint's words. Skipped, saying
 * why, when no build is cached and there is no Go to install one.
 *
 * shellcheck and pyflakes are turned off: actionlint runs them only where they are installed, so
 * the same workflow would pass on one machine and fail on another.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../../../scripts/lib/pulumiCli";

const ENSURE_ACTIONLINT = path.join(REPO_ROOT, "scripts", "ensure-actionlint");
/** scripts/ensure-actionlint's exit status when nothing can install actionlint here. */
const UNAVAILABLE = 69;

/** One finding, as actionlint's `{{json .}}` format gives it. */
interface Finding {
  readonly message: string;
  readonly filepath: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

/** Runs scripts/ensure-actionlint once, when the file loads (jest decides what to skip then). */
function ensureActionlint(): { readonly binary?: string; readonly skip?: string; readonly failure?: string } {
  const started = Date.now();
  const run = spawnSync(ENSURE_ACTIONLINT, [], { cwd: REPO_ROOT, encoding: "utf8" });
  process.stderr.write(`[actionlint] scripts/ensure-actionlint took ${Date.now() - started} ms\n`);
  const lines = (run.stdout ?? "").trim().split("\n");
  if (run.status === 0) return { binary: lines.at(-1) ?? "" };
  const said = (run.stderr ?? "").trim();
  if (run.status === UNAVAILABLE)
    return {
      skip:
        said
          .split("\n")
          .at(-1)
          ?.replace(/^\[ensure-actionlint\] /, "") ?? said,
    };
  return { failure: `scripts/ensure-actionlint failed (exit ${String(run.status)}):\n${said}` };
}

/** Whether a YAML file is a GitHub Actions workflow: top-level `on:` and `jobs:` keys. */
function isWorkflow(text: string): boolean {
  return /^jobs:/m.test(text) && /^(on|"on"|'on'):/m.test(text);
}

/** The repository's workflow files, tracked or untracked-but-not-ignored, relative to its root. */
function workflowFiles(): string[] {
  const listed = spawnSync(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "*.yml", "*.yaml"],
    {
      cwd: REPO_ROOT,
      encoding: "utf8",
    },
  );
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  return [...new Set(listed.stdout.split("\n").filter((file) => file !== ""))]
    .filter((file) => isWorkflow(readFileSync(path.join(REPO_ROOT, file), "utf8")))
    .sort();
}

/** actionlint's findings in `files` (relative to `cwd`). */
function lint(binary: string, files: readonly string[], cwd: string): Promise<Finding[]> {
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      ["-format", "{{json .}}", "-shellcheck=", "-pyflakes=", ...files],
      { cwd },
      (error, stdout, stderr) => {
        // Exit 1 means "found problems"; anything else with no JSON is actionlint failing to run.
        if (error !== null && error.code !== 1) {
          reject(new Error(`actionlint failed (${String(error.code)}): ${stderr}${stdout}`));
          return;
        }
        resolve(stdout.trim() === "" ? [] : (JSON.parse(stdout) as Finding[]));
      },
    );
  });
}

function describeFinding(finding: Finding): string {
  return `${finding.filepath}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`;
}

const ensured = ensureActionlint();
const describeWithActionlint =
  ensured.skip === undefined
    ? describe
    : (name: string, body: () => void) => describe.skip(`${name} (skipped: ${ensured.skip ?? ""})`, body);

describeWithActionlint("actionlint on the repository's GitHub Actions workflows", () => {
  const binary = (): string => {
    if (ensured.binary === undefined) throw new Error(ensured.failure ?? "no actionlint");
    return ensured.binary;
  };

  it("finds the workflows wherever they are, the GitOps example among them", () => {
    const files = workflowFiles();
    expect(files).toContain("examples/gitops/pulumi.yml");
    expect(files).not.toContain("examples/yaml/Pulumi.yaml");
  });

  it("reports nothing in any of them", async () => {
    const started = Date.now();
    const findings = await lint(binary(), workflowFiles(), REPO_ROOT);
    process.stderr.write(
      `[actionlint] ${workflowFiles().length} workflow(s) in ${Date.now() - started} ms\n`,
    );
    expect(findings.map(describeFinding)).toEqual([]);
  });

  it("does report a mistake, so that a clean run means something", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "actionlint-"));
    try {
      const workflow = readFileSync(path.join(REPO_ROOT, "examples", "gitops", "pulumi.yml"), "utf8");
      writeFileSync(
        path.join(dir, "broken.yml"),
        workflow.replace("steps.preview.outputs.report", "steps.previw.outputs.report"),
      );
      const findings = await lint(binary(), ["broken.yml"], dir);
      expect(findings.map(describeFinding)).toEqual([
        expect.stringMatching(/^broken\.yml:\d+:\d+: property "previw" is not defined .* \[expression\]$/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
