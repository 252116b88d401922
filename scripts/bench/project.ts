import { copyFile } from "node:fs/promises";
import * as path from "node:path";
import { DEFAULT_ACCESS_KEY } from "../../simulator/index";
import { startDriver } from "../lib/driverRunner";
import type { DriverCommand, DriverResult } from "../lib/driverRunner";
import { createPackedProject, projectDependencies } from "../lib/packedPackage";
import { installPluginFrom } from "../lib/pluginInstall";
import { createLocalWorkspaceEnv, REPO_ROOT } from "../lib/pulumiCli";
import type { PulumiCli } from "../lib/pulumiCli";
import type { BenchRoot } from "./benchRoot";

const PROJECT_NAME = "zenlayer-bench";

/** A temporary project with the packed package installed, a private backend, and the driver. */
export interface BenchProject {
  readonly dir: string;
  readonly root: BenchRoot;
  readonly cli: PulumiCli;
  readonly workspaceEnv: Readonly<Record<string, string>>;
}

/**
 * A new project in `root` with the packed package (its `dist/` must be built: `npm run bench` builds
 * it), the pinned `@pulumi/pulumi` and the TypeScript toolchain installed, as a user would have it (a copy of the install the
 * end-to-end tests share: see scripts/lib/packedPackage.ts), the driver, and a private file backend
 * and Pulumi home beside it.
 */
export async function createBenchProject(cli: PulumiCli, root: BenchRoot): Promise<BenchProject> {
  const { dir } = await createPackedProject(root.path, projectDependencies(), {}, { signal: root.stopped });
  await copyFile(path.join(REPO_ROOT, "scripts", "lib", "driver.js"), path.join(dir, "driver.js"));
  const workspaceEnv = await createLocalWorkspaceEnv(path.join(root.path, "pulumi"));
  return { dir, root, cli, workspaceEnv };
}

/**
 * This process's environment without any Zenlayer or Pulumi variable, plus the private backend and
 * Pulumi home: what every command of the bench runs in.
 */
function benchEnv(project: BenchProject): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !/^(ZENLAYER|PULUMI_)/.test(key));
  return { ...Object.fromEntries(inherited), ...project.workspaceEnv };
}

/**
 * The environment of a run: {@link benchEnv} plus the simulator's endpoint and credentials. The
 * provider's own settings (poll interval, read consistency, request rate) stay at their defaults.
 */
function driverEnv(project: BenchProject, domain: string): NodeJS.ProcessEnv {
  return {
    ...benchEnv(project),
    ZENLAYERCLOUD_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY.accessKeyId,
    ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: DEFAULT_ACCESS_KEY.accessKeyPassword,
    ZENLAYERCLOUD_DOMAIN: domain,
    ZENLAYERCLOUD_SCHEME: "HTTP",
  };
}

/**
 * Installs the provider plugin of the project's packed package into the bench's private Pulumi
 * home, as the README tells a user to, with the bench's CLI first on PATH.
 */
export async function installPlugin(project: BenchProject): Promise<void> {
  await installPluginFrom(
    project.dir,
    path.join(project.cli.root, "bin"),
    benchEnv(project),
    project.root.stopped,
  );
}

/** Runs one operation in its own `node driver.js` and returns its result, failed or not. */
export function runDriver(
  project: BenchProject,
  domain: string,
  command: DriverCommand,
): Promise<DriverResult> {
  project.root.stopped.throwIfAborted();
  // In a process group of its own, so that an interrupted run can end it with the Pulumi CLI and
  // the plugins it started, before it removes the folder they write in.
  const { child, result } = startDriver(
    {
      cwd: project.dir,
      driver: path.join(project.dir, "driver.js"),
      env: driverEnv(project, domain),
      detached: true,
    },
    { ...command, pulumiRoot: project.cli.root, projectName: PROJECT_NAME },
  );
  project.root.runs(child);
  return result;
}
