import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation";
import type { Stack } from "@pulumi/pulumi/automation";
import { nicAttachmentProgram } from "../../examples/nic-attachment/program";
import { DEFAULT_ACCESS_KEY, startSimulator } from "../../simulator/index";
import type { Simulator } from "../../simulator/index";
import { createLocalWorkspaceEnv, ensurePulumiCli, REPO_ROOT } from "../lib/pulumiCli";
import { heading, indented, printApiCalls, printNics } from "./report";

const SCRATCH = join(REPO_ROOT, ".demo");
const INSTANCE_ID = "1478001766933994003";
const NIC_ID = "1475945014486896967";
const PRIMARY_NIC_ID = "1475945014486896001";

async function startSeededSimulator(): Promise<Simulator> {
  return startSimulator({
    transitionDelayMs: 1500,
    seed: {
      instances: [
        {
          instanceId: INSTANCE_ID,
          instanceName: "web-1",
          regionId: "asia-east-1",
          primaryNicId: PRIMARY_NIC_ID,
        },
      ],
      nics: [{ nicId: NIC_ID, name: "app-nic", regionId: "asia-east-1" }],
    },
  });
}

async function openStack(sim: Simulator): Promise<Stack> {
  const cli = await ensurePulumiCli();
  process.stdout.write(`   Pulumi CLI ${cli.version} at ${cli.root}\n`);
  await rm(SCRATCH, { recursive: true, force: true });
  await mkdir(join(SCRATCH, "project"), { recursive: true });
  const envVars = {
    ...(await createLocalWorkspaceEnv(SCRATCH)),
    PULUMI_ZENLAYER_POLL_INTERVAL_MS: "500",
  };
  const stack = await LocalWorkspace.createOrSelectStack(
    {
      stackName: "demo",
      projectName: "zenlayer-nic-attachment",
      program: async () => nicAttachmentProgram(),
    },
    {
      workDir: join(SCRATCH, "project"),
      // The provider process runs here, so it finds this package and @pulumi/pulumi.
      projectSettings: { name: "zenlayer-nic-attachment", runtime: "nodejs", main: REPO_ROOT },
      pulumiCommand: await PulumiCommand.get({ root: cli.root }),
      envVars,
    },
  );
  await stack.setAllConfig({
    nicId: { value: NIC_ID },
    instanceId: { value: INSTANCE_ID },
    "zenlayer:domain": { value: sim.domain },
    "zenlayer:scheme": { value: "HTTP" },
    "zenlayer:accessKeyId": { value: DEFAULT_ACCESS_KEY.accessKeyId },
    "zenlayer:accessKeyPassword": { value: DEFAULT_ACCESS_KEY.accessKeyPassword, secret: true },
  });
  return stack;
}

async function runDemo(sim: Simulator): Promise<void> {
  heading("Local Zenlayer Cloud API simulator");
  process.stdout.write(`   listening on ${sim.url}; seeded with instance ${INSTANCE_ID} and a free NIC:\n`);
  printNics(sim, [NIC_ID]);

  heading("Pulumi CLI and stack (local file backend in .demo/)");
  const stack = await openStack(sim);

  heading("pulumi up: attach the NIC and wait until Zenlayer reports it USED");
  const up = await stack.up({ onOutput: indented });
  for (const [name, output] of Object.entries(up.outputs)) {
    process.stdout.write(`   output ${name} = ${JSON.stringify(output.value)}\n`);
  }
  printNics(sim, [NIC_ID]);

  heading("pulumi refresh: read the attachment back from the cloud");
  await stack.refresh({ onOutput: indented });

  heading("pulumi destroy: detach safely, polling until the NIC is AVAILABLE");
  await stack.destroy({ onOutput: indented });
  printNics(sim, [NIC_ID]);

  heading("Summary: API calls the simulator received");
  printApiCalls(sim);
  await stack.workspace.removeStack("demo");
  process.stdout.write("\nDemo finished: attached, refreshed and detached; nothing left behind.\n");
}

async function main(): Promise<void> {
  const sim = await startSeededSimulator();
  try {
    await runDemo(sim);
  } finally {
    await sim.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
