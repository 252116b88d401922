/**
 * The GitOps pipeline (examples/gitops/pipeline.sh, the steps of examples/gitops/pulumi.yml) run
 * through the real CLI on the program it deploys, examples/yaml, with the plugin installed as its
 * README says, against the simulator: a pull request's preview, a merge's `up`, a clean drift check,
 * a NIC detached in the "console" that the next drift check names and changes nothing about, the
 * `up` that heals it, and a drift check that passes again. No run prints the access key password.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { REPO_ROOT } from "../../../scripts/lib/pulumiCli";
import { DEFAULT_ACCESS_KEY } from "../../../simulator/index";
import { pulumiCliSkipReason } from "../support/cliAvailability";
import { languageSkipReason } from "../support/languageAvailability";
import { startPluginStack, SUBNET, writesTo } from "../native/support/pluginStack";
import type { PluginStack } from "../native/support/pluginStack";

const PIPELINE = path.join(REPO_ROOT, "examples", "gitops", "pipeline.sh");
const SETUP_TIMEOUT_MS = 300_000;
const RUN_TIMEOUT_MS = 240_000;
const ATTACHMENT_TYPE = "zenlayer:zec:NetworkInterfaceAttachment";

/** What one run of the pipeline did: its exit status, what it printed, and its Markdown report. */
interface PipelineRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly report: string;
}

/** Decided when the file loads: no CLI, or no YAML language host, skips with the reason. */
const skipReason = pulumiCliSkipReason() ?? languageSkipReason("yaml");
const describeRunnable =
  skipReason === undefined
    ? describe
    : (name: string, body: () => void) => describe.skip(`${name} (skipped: ${skipReason})`, body);

/** The environment of a CI job on `stack`: no GitHub step files, so nothing outside the stack is written. */
function jobEnv(stack: PluginStack, report: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...stack.env };
  delete env["GITHUB_OUTPUT"];
  delete env["GITHUB_STEP_SUMMARY"];
  return { ...env, STACK: "dev", PROGRAM_DIR: stack.dir, PIPELINE_REPORT: report };
}

/** Runs `pipeline.sh <command>` as the workflow's step does (asynchronously: the simulator is in this process). */
function runPipeline(stack: PluginStack, command: string): Promise<PipelineRun> {
  const report = path.join(stack.dir, "..", `pulumi-${command}.md`);
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [PIPELINE, command], {
      cwd: stack.dir,
      env: jobEnv(stack, report),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGTERM"), RUN_TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      readFile(report, "utf8")
        .catch(() => "")
        .then((text) => resolve({ status, stdout, stderr, report: text }), reject);
    });
  });
}

describeRunnable("the GitOps pipeline on examples/yaml", () => {
  let stack: PluginStack;
  let instanceId: string;
  const runs: PipelineRun[] = [];

  const pipeline = async (command: string): Promise<PipelineRun> => {
    const run = await runPipeline(stack, command);
    runs.push(run);
    return run;
  };
  const appNic = () => stack.sim.control.snapshot().nics.find((nic) => nic.name === "app-nic");

  beforeAll(async () => {
    stack = await startPluginStack("examples/yaml");
    instanceId = stack.sim.control.addInstance({ regionId: "asia-east-1" }).instanceId;
    // The stack's config, as a repository commits it in Pulumi.<stack>.yaml (quoted: see examples/yaml).
    await stack.mustRun(["config", "set", "subnetId", `"${SUBNET}"`]);
    await stack.mustRun(["config", "set", "instanceId", `"${instanceId}"`]);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
  });

  it("a pull request's preview lists the NIC and the attachment to create, and creates nothing", async () => {
    const run = await pipeline("preview");
    expect(run.stderr).toContain("Merging this would change 2 resource(s).");
    expect(run.status).toBe(0);
    expect(run.report).toContain("- **create** `nic` (zenlayer:zec:NetworkInterface)");
    expect(run.report).toContain(`- **create** \`attachment\` (${ATTACHMENT_TYPE})`);
    expect(run.report).toContain("```diff\n");
    expect(appNic()).toBeUndefined();
  });

  it("a merge's up makes the NIC and attaches it", async () => {
    const run = await pipeline("up");
    expect(run.status).toBe(0);
    expect(run.report).toContain("Applied: 2 resource(s) changed.");
    expect(appNic()).toMatchObject({ status: "USED", instanceId });
  });

  it("the drift check passes on a clean stack", async () => {
    const run = await pipeline("drift");
    expect(run.stderr).toContain("No drift: the cloud matches the stack.");
    expect(run.status).toBe(0);
  });

  it("fails once the NIC is detached in the console, naming the attachment, and changes nothing", async () => {
    const nicId = appNic()?.nicId ?? "";
    stack.sim.control.outOfBand.detachNic(nicId);
    const writesBefore = writesTo(stack.sim, nicId);

    const run = await pipeline("drift");

    expect(run.status).toBe(7);
    expect(run.stderr).toContain(
      "DRIFT in stack dev: the cloud no longer matches the stack. `pulumi up` would:",
    );
    expect(run.stderr).toMatch(new RegExp(`create +attachment \\(${ATTACHMENT_TYPE}\\)`));
    expect(run.report).toContain(
      "Drift: the cloud no longer matches the stack; `pulumi up` would change 1 resource(s).",
    );
    expect(run.report).toContain(`- **create** \`attachment\` (${ATTACHMENT_TYPE})`);
    // The diff itself: the attachment the refresh found gone, planned again, under its URN.
    expect(run.report).toMatch(
      new RegExp(
        `\\+ +${ATTACHMENT_TYPE}: \\(create\\)\\n +\\[urn=urn:pulumi:dev::zenlayer-yaml::${ATTACHMENT_TYPE}::attachment\\]`,
      ),
    );
    expect(run.report).toContain(`NIC ${nicId} is not attached: the attachment is dropped from the stack`);
    expect(writesTo(stack.sim, nicId)).toEqual(writesBefore);
    expect(appNic()).toMatchObject({ status: "AVAILABLE", instanceId: null });
  });

  it("up heals it with one attach, and the next drift check passes", async () => {
    const nicId = appNic()?.nicId ?? "";
    const attachesBefore = writesTo(stack.sim, nicId).filter(
      (write) => write === "AttachNetworkInterface 200",
    );

    const healed = await pipeline("up");
    expect(healed.status).toBe(0);
    expect(healed.report).toContain(`- **create** \`attachment\` (${ATTACHMENT_TYPE})`);
    expect(appNic()).toMatchObject({ status: "USED", instanceId });
    const attaches = writesTo(stack.sim, nicId).filter((write) => write === "AttachNetworkInterface 200");
    expect(attaches).toHaveLength(attachesBefore.length + 1);

    const again = await pipeline("drift");
    expect(again.stderr).toContain("No drift: the cloud matches the stack.");
    expect(again.status).toBe(0);
  });

  it("no run printed or reported the access key password", () => {
    expect(runs.length).toBeGreaterThanOrEqual(6);
    for (const run of runs) {
      expect(`${run.stdout}${run.stderr}${run.report}`).not.toContain(DEFAULT_ACCESS_KEY.accessKeyPassword);
    }
  });
});
