import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { promisify } from "node:util";
import type { Deployment } from "./stackState";
import type { E2eWorld, WorldBase } from "./e2eWorld";
import { backendDirOf, driverEnv } from "./e2eWorld";

const execFileAsync = promisify(execFile);

/**
 * `pulumi stack export` of a stack of the world's project, run with the CLI itself: a Go command
 * that takes a fraction of a second, where the Automation API would start Node.js and load the SDK.
 */
async function stackExport(world: E2eWorld, stackName: string, showSecrets: boolean): Promise<string> {
  const { stdout } = await execFileAsync(
    path.join(world.cli.root, "bin", "pulumi"),
    [
      "stack",
      "export",
      "--stack",
      stackName,
      "--non-interactive",
      ...(showSecrets ? ["--show-secrets"] : []),
    ],
    { cwd: world.project.dir, env: driverEnv(world, { credentials: false }), maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

/** The stack's state as `pulumi stack export --show-secrets` gives it (secrets in plaintext). */
export async function exportedDeployment(world: E2eWorld, stackName: string): Promise<Deployment> {
  return (JSON.parse(await stackExport(world, stackName, true)) as { deployment: Deployment }).deployment;
}

/**
 * `pulumi stack export` WITHOUT `--show-secrets`, i.e. the state as stored (secrets as
 * ciphertext). The Automation API's `exportStack` always decrypts.
 */
export async function exportStoredState(world: E2eWorld, stackName: string): Promise<string> {
  return stackExport(world, stackName, false);
}

/**
 * The stack's latest deployment exactly as the file backend stores it (secrets as ciphertext), read
 * from `<backend>/.pulumi/stacks/<project>/<stack>.json` without going through the CLI.
 */
export async function storedDeployment(
  world: WorldBase,
  projectName: string,
  stackName: string,
): Promise<Deployment> {
  const file = path.join(backendDirOf(world), ".pulumi", "stacks", projectName, `${stackName}.json`);
  const checkpoint = JSON.parse(await readFile(file, "utf8")) as { checkpoint: { latest?: Deployment } };
  return checkpoint.checkpoint.latest ?? {};
}
