import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import * as path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./testProject";

const execFileAsync = promisify(execFile);

/** Where a run of the repository's own program could write: its root and the program's folder. */
const PROGRAM_FOLDERS = [REPO_ROOT, path.join(REPO_ROOT, "examples", "nic-attachment")];

/** Whether a `git status --porcelain` line is about a top-level entry or something in `examples/`. */
function isProgramLocation(line: string): boolean {
  const entry = line.slice(3);
  return !entry.replace(/\/$/, "").includes("/") || entry.startsWith("examples/");
}

/**
 * `git status` lines for the repository's top-level files and folders (a new folder shows as one
 * line) and for `examples/`: where a `pulumi up` in the root could leave something. Other folders
 * are left out, since people may be editing them while the test runs.
 */
export async function repositoryStatus(): Promise<string[]> {
  const { stdout } = await execFileAsync("git", ["status", "--porcelain", "--untracked-files=normal"], {
    cwd: REPO_ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.split("\n").filter((line) => line !== "" && isProgramLocation(line));
}

/** Stack config files (`Pulumi.<stack>.yaml`) in the repository root or the program's folder. */
export async function stackConfigFilesInRepository(): Promise<string[]> {
  const found: string[] = [];
  for (const folder of PROGRAM_FOLDERS) {
    const names = await readdir(folder);
    found.push(
      ...names.filter((name) => /^Pulumi\..+\.ya?ml$/.test(name)).map((name) => path.join(folder, name)),
    );
  }
  return found;
}
