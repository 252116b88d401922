import { execFile } from "node:child_process";
import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** The repository root, whose `npm pack` output is the package under test. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

const DRIVER_SOURCE = path.join(__dirname, "driver.js");

/** The `@pulumi/pulumi` the package is developed and tested against (the repo's devDependency). */
export const PINNED_PULUMI_SDK = "3.248.0";

/** The newest `@pulumi/pulumi` on the registry when the compatibility tests were written; it needs Node >= 22. */
export const NEWEST_PULUMI_SDK = "3.270.0";

/** The npm `node` package whose Node.js 22 binary (node_modules/node/bin/node) runs the newest SDK. */
export const NODE_22_PACKAGE = "22.23.3";

/** Where the `node` package puts its binary in a project that depends on it. */
export function node22Binary(project: TestProject): string {
  return path.join(project.dir, "node_modules", "node", "bin", "node");
}

/** npm flags for installs that should come from the warm cache and stay quiet. */
const NPM_INSTALL_FLAGS = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];

/** A temporary Pulumi project directory with the packed package installed, as a user would have it. */
export interface TestProject {
  readonly dir: string;
  /** The script that runs one Pulumi operation there (see `driver.js`). */
  readonly driver: string;
}

async function npm(args: readonly string[], cwd: string): Promise<void> {
  try {
    await execFileAsync("npm", [...args], { cwd, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`npm ${args.join(" ")} failed in ${cwd}:\n${stderr ?? ""}${stdout ?? ""}`, {
      cause: error,
    });
  }
}

/**
 * Packs the repository exactly as `npm publish` would (the `files` list, the built `dist/`) into
 * `destination` and returns the tarball's path. `npm test` builds `dist/` first; a missing build
 * is reported instead of packing a tarball without code.
 */
export async function packRepository(destination: string): Promise<string> {
  await stat(path.join(REPO_ROOT, "dist", "provider", "index.js")).catch(() => {
    throw new Error(`${REPO_ROOT}/dist is missing: run \`npm run build\` before the end-to-end tests`);
  });
  await mkdir(destination, { recursive: true });
  const { stdout } = await execFileAsync(
    "npm",
    ["pack", "--pack-destination", destination, "--json", "--loglevel=error"],
    { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
  return path.join(destination, packed!.filename);
}

/**
 * Creates a Pulumi project directory whose package.json depends on `dependencies` (e.g. the packed
 * tarball as `file:<tgz>` and a pinned `@pulumi/pulumi`) and has the `extraManifest` fields,
 * installs them, and copies the driver in.
 */
export async function createTestProject(
  dir: string,
  dependencies: Readonly<Record<string, string>>,
  extraManifest: Readonly<Record<string, unknown>> = {},
): Promise<TestProject> {
  await mkdir(dir, { recursive: true });
  const manifest = {
    name: path.basename(dir),
    version: "0.0.0",
    private: true,
    ...extraManifest,
    dependencies,
  };
  await writeFile(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await npm(NPM_INSTALL_FLAGS, dir);
  const driver = path.join(dir, "driver.js");
  await copyFile(DRIVER_SOURCE, driver);
  return { dir, driver };
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
