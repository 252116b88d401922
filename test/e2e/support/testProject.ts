import { copyFile, readFile } from "node:fs/promises";
import * as path from "node:path";
import {
  createPackedProject,
  npm,
  NPM_INSTALL_FLAGS,
  PINNED_PULUMI_SDK,
  projectDependencies,
} from "../../../scripts/lib/packedPackage";
import type { ProjectDependencies } from "../../../scripts/lib/packedPackage";
import { REPO_ROOT } from "../../../scripts/lib/pulumiCli";

export { PINNED_PULUMI_SDK, projectDependencies, REPO_ROOT };
export type { ProjectDependencies };

/** The one driver of inline Pulumi runs, shared with the bench (see its header). */
const DRIVER_SOURCE = path.join(REPO_ROOT, "scripts", "lib", "driver.js");

/** The newest `@pulumi/pulumi` on the registry when the compatibility tests were written; it needs Node >= 22. */
export const NEWEST_PULUMI_SDK = "3.270.0";

/** The npm `node` package whose Node.js 22 binary (node_modules/node/bin/node) runs the newest SDK. */
export const NODE_22_PACKAGE = "22.23.3";

/** Where the `node` package puts its binary in a project that depends on it. */
export function node22Binary(project: TestProject): string {
  return path.join(project.dir, "node_modules", "node", "bin", "node");
}

/** A temporary Pulumi project directory with the packed package installed, as a user would have it. */
export interface TestProject {
  readonly dir: string;
  /** The packed package it depends on (`file:<tarball>`). */
  readonly tarball: string;
  /** The script that runs one Pulumi operation there (see scripts/lib/driver.js). */
  readonly driver: string;
}

/**
 * Creates `<root>/project` with the packed package and `dependencies` installed (a copy of the
 * install made once per build and dependency set: see scripts/lib/packedPackage.ts), the
 * `extraManifest` fields in its package.json, and the driver.
 */
export async function createTestProject(
  root: string,
  dependencies: ProjectDependencies,
  extraManifest: Readonly<Record<string, unknown>> = {},
): Promise<TestProject> {
  const { dir, tarball } = await createPackedProject(root, dependencies, extraManifest);
  const driver = path.join(dir, "driver.js");
  await copyFile(DRIVER_SOURCE, driver);
  return { dir, tarball, driver };
}

/** Installs (or replaces) one package in the project, as `npm install <spec>` would. */
export async function installIntoProject(project: TestProject, spec: string): Promise<void> {
  await npm([...NPM_INSTALL_FLAGS, spec], project.dir);
}

/** The version of a package as installed in the project's node_modules. */
export async function installedVersion(project: TestProject, packageName: string): Promise<string> {
  const manifest = path.join(project.dir, "node_modules", packageName, "package.json");
  return (JSON.parse(await readFile(manifest, "utf8")) as { version: string }).version;
}
