/**
 * examples/gitops/pipeline.sh on a stand-in `pulumi` that records its arguments and prints what the
 * test gives it (trimmed from real CLI 3.248 runs of examples/yaml), so that each verdict, exit
 * status, report and step output is checked in milliseconds. The real CLI runs the same script in
 * test/e2e/gitops/pipeline.test.ts.
 */
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const SCRIPT = path.resolve(__dirname, "..", "..", "..", "examples", "gitops", "pipeline.sh");

const ATTACHMENT_URN = "urn:pulumi:dev::zenlayer-yaml::zenlayer:zec:NetworkInterfaceAttachment::attachment";
const STACK_URN = "urn:pulumi:dev::zenlayer-yaml::pulumi:pulumi:Stack::zenlayer-yaml-dev";

/** A drift check after the NIC was detached in the console: refreshed away, then planned again. */
const DRIFTED = `Previewing update (dev):
~ pulumi:pulumi:Stack: (refresh)
    [urn=${STACK_URN}]
    ~ zenlayer:zec:NetworkInterfaceAttachment: (refresh)
        [id=5729796881979533368:8472479689930187811]
        [urn=${ATTACHMENT_URN}]
        --outputs:--
      - status       : "USED"
  pulumi:pulumi:Stack: (same)
    [urn=${STACK_URN}]
    + zenlayer:zec:NetworkInterfaceAttachment: (create)
        [urn=${ATTACHMENT_URN}]
        instanceId: "8472479689930187811"
        nicId     : "5729796881979533368"
Resources:
    + 1 to create
    2 unchanged
error: no changes were expected for preview but changes were proposed`;

/** A drift check that finds only outputs refreshed: no step is planned. */
const CLEAN = `Previewing update (dev):
~ pulumi:pulumi:Stack: (refresh)
    [urn=${STACK_URN}]
    ~ zenlayer:zec:NetworkInterface: (refresh)
        [id=5729796881979533368]
        [urn=urn:pulumi:dev::zenlayer-yaml::zenlayer:zec:NetworkInterface::nic]
        --outputs:--
      ~ status           : "AVAILABLE" => "USED"
  pulumi:pulumi:Stack: (same)
    [urn=${STACK_URN}]
Resources:
    3 unchanged`;

/** A first preview: the stack and two resources to create. */
const FIRST_PREVIEW = `Previewing update (dev):
+ pulumi:pulumi:Stack: (create)
    [urn=${STACK_URN}]
    + zenlayer:zec:NetworkInterface: (create)
        [urn=urn:pulumi:dev::zenlayer-yaml::zenlayer:zec:NetworkInterface::nic]
        name    : "app-nic"
    + zenlayer:zec:NetworkInterfaceAttachment: (create)
        [urn=${ATTACHMENT_URN}]
        nicId     : [unknown]
Resources:
    + 3 to create`;

interface Run {
  readonly status: number;
  readonly stderr: string;
  readonly report: string;
  readonly args: string;
}

describe("examples/gitops/pipeline.sh", () => {
  let base: string;
  let program: string;

  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), "gitops-pipeline-"));
    program = path.join(base, "program");
    mkdirSync(program);
    writeFileSync(path.join(program, "Pulumi.yaml"), "name: p\nruntime: yaml\n");
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  /** Runs `pipeline.sh <args>` with a stand-in pulumi that prints `output` and exits `status`. */
  function run(args: string[], output: string, status = 0, env: Record<string, string> = {}): Promise<Run> {
    writeFileSync(path.join(base, "output.txt"), `${output}\n`);
    const pulumi = path.join(base, "pulumi");
    writeFileSync(pulumi, `#!/bin/sh\necho "$@" >"${base}/args"\ncat "${base}/output.txt"\nexit ${status}\n`);
    chmodSync(pulumi, 0o755);
    const report = path.join(base, "report.md");
    const fullEnv = {
      PATH: "/usr/bin:/bin",
      PULUMI: pulumi,
      STACK: "dev",
      PROGRAM_DIR: program,
      PIPELINE_REPORT: report,
      ...env,
    };
    return new Promise((resolve) => {
      execFile("bash", [SCRIPT, ...args], { env: fullEnv }, (error, _stdout, stderr) => {
        const read = (file: string): string => {
          try {
            return readFileSync(file, "utf8");
          } catch {
            return "";
          }
        };
        resolve({
          status: error === null ? 0 : Number(error.code),
          stderr,
          report: read(report),
          args: read(path.join(base, "args")).trim(),
        });
      });
    });
  }

  it("drift: exits 7 and names each drifted resource by what `up` would do, its name and its type", async () => {
    const result = await run(["drift"], DRIFTED, 7);
    expect(result.args).toBe(
      `preview --refresh --expect-no-changes --diff --stack dev --cwd ${program} --non-interactive --color never`,
    );
    expect(result.status).toBe(7);
    expect(result.stderr).toContain("DRIFT in stack dev: the cloud no longer matches the stack.");
    expect(result.stderr).toMatch(/create {3}attachment \(zenlayer:zec:NetworkInterfaceAttachment\)/);
    expect(result.report).toContain("### Pulumi drift check of stack `dev`");
    expect(result.report).toContain("would change 1 resource(s).");
    expect(result.report).toContain("- **create** `attachment` (zenlayer:zec:NetworkInterfaceAttachment)\n");
    expect(result.report).toContain("Resources: + 1 to create, 2 unchanged");
    // The diff, with the markers moved to the start of the line for GitHub's colours.
    expect(result.report).toContain("```diff\n");
    expect(result.report).toContain(
      `+     zenlayer:zec:NetworkInterfaceAttachment: (create)\n        [urn=${ATTACHMENT_URN}]`,
    );
  });

  it("drift: a CLI without the exit-code taxonomy (status 255 and the words) is drift too", async () => {
    const result = await run(["drift"], DRIFTED, 255);
    expect(result.status).toBe(7);
    expect(result.stderr).toContain("DRIFT in stack dev");
  });

  it("drift: passes when only outputs were refreshed, listing nothing", async () => {
    const result = await run(["drift"], CLEAN);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("No drift: the cloud matches the stack.");
    expect(result.stderr).not.toContain("DRIFT");
    expect(result.report).not.toContain("- **");
    expect(result.report).toContain("<details><summary>Diff</summary>");
  });

  it("drift: a failed check keeps pulumi's status and says nothing was checked, listing no partial plan", async () => {
    const result = await run(["drift"], `${FIRST_PREVIEW}\nerror: failed to decrypt the stack's config`, 3);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("`pulumi drift` failed (exit status 3): nothing was checked or applied");
    expect(result.stderr).not.toContain("DRIFT");
    expect(result.report).not.toContain("- **");
  });

  it("preview: refreshes, lists the planned resources without the stack itself, for the pull request comment", async () => {
    const result = await run(["preview"], FIRST_PREVIEW);
    expect(result.args).toMatch(/^preview --refresh --diff --stack dev /);
    expect(result.status).toBe(0);
    expect(result.report).toContain(
      "### Pulumi preview of stack `dev`\n\nMerging this would change 2 resource(s).",
    );
    expect(result.report).toContain(
      "- **create** `nic` (zenlayer:zec:NetworkInterface)\n- **create** `attachment` (zenlayer:zec:NetworkInterfaceAttachment)\n",
    );
    expect(result.report).not.toContain("pulumi:pulumi:Stack)");
  });

  it("up: refreshes and applies without a prompt, and reports the last summary of the run", async () => {
    const applied = `${FIRST_PREVIEW}\nUpdating (dev):\nResources:\n    + 3 created\nDuration: 2s`;
    const result = await run(["up"], applied);
    expect(result.args).toMatch(/^up --refresh --yes --diff --stack dev /);
    expect(result.report).toContain("Applied: 2 resource(s) changed.");
    expect(result.report).toContain("Resources: + 3 created\n");
  });

  it("writes the step outputs and the job summary when GitHub Actions gives their files", async () => {
    const outputs = path.join(base, "outputs");
    const summary = path.join(base, "summary.md");
    await run(["drift"], DRIFTED, 7, { GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: summary });
    expect(readFileSync(outputs, "utf8")).toBe(`report=${path.join(base, "report.md")}\nchanges=1\n`);
    expect(readFileSync(summary, "utf8")).toBe(readFileSync(path.join(base, "report.md"), "utf8"));
  });

  it("cuts a diff too long for a GitHub comment, saying where the rest is", async () => {
    const long = `${FIRST_PREVIEW}\n${"        x: 1\n".repeat(8000)}`;
    const result = await run(["preview"], long);
    expect(result.report.length).toBeLessThan(65536);
    expect(result.report).toContain("(cut at 60000 characters: the whole diff is in the job's log)");
  });

  it.each([
    [[] as string[], {}, "expected one command, got 0."],
    [["apply"], {}, "unknown command 'apply'."],
    [["drift"], { STACK: "" }, "STACK is not set"],
    [["drift"], { PROGRAM_DIR: "/nonexistent" }, "no Pulumi.yaml in PROGRAM_DIR '/nonexistent'."],
    [["drift"], { PULUMI: "/nonexistent/pulumi" }, "no '/nonexistent/pulumi' found"],
  ])("refuses %j with %j: exit 64, saying why, without running pulumi", async (args, env, message) => {
    const result = await run(args, CLEAN, 0, env);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("usage: STACK=<stack>");
    expect(result.args).toBe("");
  });
});
