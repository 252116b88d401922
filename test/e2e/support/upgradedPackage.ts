import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** The compiled file that holds the detach logic `delete` runs. */
const DETACH_MODULE = path.join("dist", "provider", "core", "attachment", "detach.js");
const DETACH_ENTRY = /async function detachAndWait\(op, nicId[^)]*\) \{\n/;

/** A release after `version`: the next patch number. */
export function nextPatchVersion(version: string): string {
  const [major, minor, patch] = version.split(/[.+-]/).map(Number);
  return `${major}.${minor}.${(patch ?? 0) + 1}`;
}

async function patchDetachLogic(packageDir: string, marker: string): Promise<void> {
  const file = path.join(packageDir, DETACH_MODULE);
  const source = await readFile(file, "utf8");
  if (!DETACH_ENTRY.test(source)) {
    throw new Error(
      `${DETACH_MODULE} no longer defines detachAndWait(op, nicId, ...); update this test helper`,
    );
  }
  const patched = source.replace(
    DETACH_ENTRY,
    (entry) => `${entry}    op.ctx.log(${JSON.stringify(marker)} + nicId);\n`,
  );
  await writeFile(file, patched);
}

async function bumpVersion(packageDir: string): Promise<string> {
  const file = path.join(packageDir, "package.json");
  const manifest = JSON.parse(await readFile(file, "utf8")) as { version: string };
  manifest.version = nextPatchVersion(manifest.version);
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest.version;
}

/** A repacked release whose delete logic prints a recognizable line. */
export interface UpgradedPackage {
  readonly tarball: string;
  readonly version: string;
}

/**
 * Makes an "upgraded" release from a packed tarball: unpacks it, bumps the version, makes the
 * detach logic print `marker` followed by the NIC id, and packs it again with `npm pack`. It stands
 * in for a real new release whose delete behaviour differs from the one that created a stack.
 */
export async function buildUpgradedPackage(
  tarball: string,
  workDir: string,
  marker: string,
): Promise<UpgradedPackage> {
  const unpacked = path.join(workDir, "unpacked");
  const output = path.join(workDir, "packed");
  await mkdir(unpacked, { recursive: true });
  await mkdir(output, { recursive: true });
  await execFileAsync("tar", ["-xzf", tarball, "-C", unpacked]);
  const packageDir = path.join(unpacked, "package");
  const version = await bumpVersion(packageDir);
  await patchDetachLogic(packageDir, marker);
  const { stdout } = await execFileAsync(
    "npm",
    ["pack", "--pack-destination", output, "--json", "--loglevel=error"],
    { cwd: packageDir },
  );
  const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
  return { tarball: path.join(output, packed!.filename), version };
}
