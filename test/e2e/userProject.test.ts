/**
 * End-to-end: a user's own TypeScript project (Pulumi.yaml, package.json, index.ts, tsconfig.json)
 * with the packed package installed, run with the `pulumi` binary exactly as a user runs it:
 * `stack init`, `config set [--secret]`, `up`, `refresh`, `destroy`. Credentials come from the
 * environment, or only from secret stack config, which must then stay ciphertext everywhere.
 */
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { DEFAULT_ACCESS_KEY } from "../../simulator/index";
import type { E2eWorld } from "./support/e2eWorld";
import { driverEnv, e2eTest } from "./support/e2eWorld";
import { describeLanguage } from "./support/languageAvailability";
import { allOutput, runAttachLifecycle } from "./support/onDiskLifecycle";
import { initStack, setConfig } from "./support/onDiskStack";
import type { OnDiskStack } from "./support/onDiskStack";
import { runPulumi } from "./support/pulumiCliRunner";
import { storedDeployment } from "./support/rawExport";
import { filesContaining, pulumiDataDirs } from "./support/secretScan";
import { newInstanceAndNic } from "./support/simulatorQueries";
import { defaultProvidersIn, secretCiphertext } from "./support/stackState";
import { PINNED_PULUMI_SDK } from "./support/testProject";
import { USER_PROJECT_NAME, userProjectWorld } from "./support/userProject";
import { useWorld } from "./support/useWorld";

const CASE_TIMEOUT_MS = 300_000;
const PASSWORD = DEFAULT_ACCESS_KEY.accessKeyPassword;

/** Gives the stack its credentials and endpoint as stack config, the password as a secret. */
async function setCredentialConfig(stack: OnDiskStack, domain: string): Promise<void> {
  await setConfig(stack, "zenlayer:accessKeyId", DEFAULT_ACCESS_KEY.accessKeyId);
  await setConfig(stack, "zenlayer:accessKeyPassword", PASSWORD, { secret: true });
  await setConfig(stack, "zenlayer:domain", domain);
  await setConfig(stack, "zenlayer:scheme", "HTTP");
}

/** Files of the world (stack config, state, history, Pulumi home) that hold the password in clear. */
async function passwordLeaks(world: E2eWorld): Promise<string[]> {
  return filesContaining([world.project.dir, ...pulumiDataDirs(world)], PASSWORD);
}

/** The engine copies the stack config into the state (default provider): only as ciphertext. */
async function expectPasswordStoredEncrypted(world: E2eWorld, stackName: string): Promise<void> {
  const deployment = await storedDeployment(world, USER_PROJECT_NAME, stackName);
  const [provider] = defaultProvidersIn(deployment);
  expect(provider?.inputs?.["zenlayer:accessKeyPassword"]).toEqual(secretCiphertext());
  expect(await passwordLeaks(world)).toEqual([]);
}

describeLanguage(
  "nodejs",
  `a user's TypeScript project on @pulumi/pulumi ${PINNED_PULUMI_SDK}, run with \`pulumi\``,
  () => {
    const w = useWorld(userProjectWorld("user-project", PINNED_PULUMI_SDK));

    e2eTest(
      "with credentials in the environment: up attaches, refresh keeps, destroy detaches",
      w,
      async () => {
        const { sim, cli, project } = w();
        const stack = await initStack({ cli, cwd: project.dir, env: driverEnv(w()) }, "env-credentials");

        const output = await runAttachLifecycle(stack, sim, newInstanceAndNic(sim));

        expect(allOutput(output).includes(PASSWORD)).toBe(false);
      },
      CASE_TIMEOUT_MS,
    );

    e2eTest(
      "with credentials only in secret stack config: the same, and the password is stored only as ciphertext",
      w,
      async () => {
        const { sim, cli, project } = w();
        const env = driverEnv(w(), { credentials: false });
        expect(Object.keys(env).filter((name) => name.startsWith("ZENLAYER"))).toEqual([]);
        const stack = await initStack({ cli, cwd: project.dir, env }, "config-credentials");
        const ids = newInstanceAndNic(sim);
        await setConfig(stack, "nicId", ids.nicId);
        await setConfig(stack, "instanceId", ids.instanceId);
        const withoutCredentials = await runPulumi(stack.context, [
          "up",
          "--yes",
          "--stack",
          stack.name,
          "--non-interactive",
        ]);
        expect(withoutCredentials.ok).toBe(false);
        expect(withoutCredentials.stdout + withoutCredentials.stderr).toContain(
          "No Zenlayer Cloud credentials were found",
        );

        await setCredentialConfig(stack, sim.domain);
        const stackFile = await readFile(path.join(project.dir, `Pulumi.${stack.name}.yaml`), "utf8");
        expect(stackFile).toMatch(/zenlayer:accessKeyPassword:\s*\n\s+secure: v1:/);
        const output = await runAttachLifecycle(stack, sim, ids, {
          afterUp: () => expectPasswordStoredEncrypted(w(), stack.name),
        });

        expect(allOutput(output).includes(PASSWORD)).toBe(false);
        expect(await passwordLeaks(w())).toEqual([]);
      },
      CASE_TIMEOUT_MS,
    );
  },
);
