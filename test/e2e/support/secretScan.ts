import { readdir, readFile } from "node:fs/promises";
import * as path from "node:path";
import { backendDirOf } from "./e2eWorld";
import type { WorldBase } from "./e2eWorld";

/**
 * Every file under `dir`, recursively, except installed packages: those are not data a Pulumi run
 * wrote (and this package's own simulator and README carry the simulator's default password).
 */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes("node_modules"));
}

/**
 * The files under `dirs` (installed packages left out) that contain `secret`, by path only: a
 * failing assertion must not print the contents, since it would then print the very secret.
 */
export async function filesContaining(dirs: readonly string[], secret: string): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const file of await filesUnder(dir)) {
      if ((await readFile(file, "utf8")).includes(secret)) {
        found.push(file);
      }
    }
  }
  return found;
}

/** The world's Pulumi data: the file backend (state, history, backups) and the private PULUMI_HOME. */
export function pulumiDataDirs(world: WorldBase): string[] {
  return [backendDirOf(world), world.workspaceEnv["PULUMI_HOME"]!];
}
