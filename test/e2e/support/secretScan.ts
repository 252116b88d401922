import { existsSync } from "node:fs";
import { lstat, readFile } from "node:fs/promises";
import * as path from "node:path";
import { filesUnder as relativeFilesUnder } from "../../../scripts/lib/sdkFiles";
import { backendDirOf } from "./e2eWorld";
import type { WorldBase } from "./e2eWorld";

/**
 * Every regular file under `dir`, recursively, except installed packages (not descended into):
 * those are not data a Pulumi run wrote (and this package's own simulator and README carry the
 * simulator's default password). A missing `dir` fails: a scan of nothing would prove nothing.
 */
export async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) throw new Error(`no folder ${dir} to scan`);
  const files = (await relativeFilesUnder(dir, (name) => name === "node_modules")).map((file) =>
    path.join(dir, file),
  );
  const regular = await Promise.all(files.map(async (file) => (await lstat(file)).isFile()));
  return files.filter((_, index) => regular[index]);
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
