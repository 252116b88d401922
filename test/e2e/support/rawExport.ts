import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import type { E2eWorld } from "./e2eWorld";
import { driverEnv } from "./e2eWorld";

const execFileAsync = promisify(execFile);

/**
 * `pulumi stack export` WITHOUT `--show-secrets`, i.e. the state as stored (secrets as
 * ciphertext). The Automation API's `exportStack` always decrypts, so this calls the CLI directly.
 */
export async function exportStoredState(world: E2eWorld, stackName: string): Promise<string> {
  const { stdout } = await execFileAsync(
    path.join(world.cli.root, "bin", "pulumi"),
    ["stack", "export", "--stack", stackName, "--non-interactive"],
    { cwd: world.project.dir, env: driverEnv(world, { credentials: false }), maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}
