import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { promisify } from "node:util";
import { ensureCacheEntry, pruneCache } from "./cacheEntry";
import { REPO_ROOT } from "./pulumiCli";

const execFileAsync = promisify(execFile);

/** The `@pulumi/pulumi` the package is developed and tested against (the repository's devDependency). */
export const PINNED_PULUMI_SDK = "3.248.0";

/** What a project installs, given the path of the packed package (to use as `file:<tarball>`). */
export type ProjectDependencies = (tarball: string) => Readonly<Record<string, string>>;

/**
 * The TypeScript toolchain a user's project installs, as `pulumi new typescript` adds it (without
 * it the SDK falls back to its vendored TypeScript 3.8). The versions are this repository's own
 * devDependencies, so the install comes from the warm npm cache.
 */
function typescriptToolchain(repoRoot: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  const { typescript, "@types/node": typesNode } = manifest.devDependencies;
  return { typescript: typescript ?? "", "@types/node": typesNode ?? "" };
}

/**
 * What a project installs: the packed package, `pulumiSdk` and the TypeScript toolchain, plus
 * `extra` (e.g. the npm `node` package). The end-to-end tests, inline and on disk, and the bench
 * use it, so all of them on one SDK share one install.
 */
export function projectDependencies(
  pulumiSdk: string = PINNED_PULUMI_SDK,
  extra: Readonly<Record<string, string>> = {},
): ProjectDependencies {
  return (tarball) => ({
    "pulumi-zenlayer": `file:${tarball}`,
    "@pulumi/pulumi": pulumiSdk,
    ...typescriptToolchain(REPO_ROOT),
    ...extra,
  });
}

/** How the package is packed and installed; the repository and the cache are fixed in tests. */
export interface PackOptions {
  /** Stops npm and the waits when aborted (an interrupted bench run). */
  readonly signal?: AbortSignal;
  readonly repoRoot?: string;
}

/** A project with the packed package installed, as a user would have it. */
export interface PackedProject {
  /** The project folder: package.json, package-lock.json, node_modules. */
  readonly dir: string;
  /** The packed package the project depends on (`file:<tarball>`). */
  readonly tarball: string;
}

/** npm flags for installs that should come from the warm cache and stay quiet. */
export const NPM_INSTALL_FLAGS = [
  "install",
  "--prefer-offline",
  "--no-audit",
  "--no-fund",
  "--loglevel=error",
];

/** Builds of other versions of the package (or of an SDK) are removed once unused for this long. */
export const STALE_BUILD_MS = 60 * 60_000;

/** Runs npm in `cwd`; a failure carries npm's output. */
export async function npm(args: readonly string[], cwd: string, signal?: AbortSignal): Promise<string> {
  try {
    const options = { cwd, maxBuffer: 64 * 1024 * 1024, ...(signal ? { signal } : {}) };
    return (await execFileAsync("npm", [...args], options)).stdout;
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`npm ${args.join(" ")} failed in ${cwd}:\n${stderr ?? ""}${stdout ?? ""}`, {
      cause: error,
    });
  }
}

/**
 * Where packed tarballs and installed projects are kept between runs: under node_modules, so that
 * `npm ci` (CI's first step) starts from nothing.
 */
export function packageCacheDir(repoRoot: string = REPO_ROOT): string {
  return path.join(repoRoot, "node_modules", ".cache", "pulumi-zenlayer-packages");
}

function sha256(parts: readonly (string | Buffer)[]): string {
  const hash = createHash("sha256");
  parts.forEach((part) => hash.update(part).update("\0"));
  return hash.digest("hex").slice(0, 16);
}

/** The folders package.json's `files` leaves out of the package (its `!<folder>/` entries). */
async function excludedFolders(repoRoot: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as {
    files?: string[];
  };
  return (manifest.files ?? [])
    .filter((entry) => entry.startsWith("!") && entry.endsWith("/") && !entry.includes("*"))
    .map((entry) => path.normalize(entry.slice(1)));
}

/**
 * The build's identity: a hash of what `npm pack` can take (package.json, README.md and the files
 * of dist/ but the folders `files` leaves out, such as dist/scripts). A rebuild with the same
 * output, or a change to the scripts alone, keeps it, so the pack and the installs are reused.
 */
export async function buildKey(repoRoot: string = REPO_ROOT): Promise<string> {
  const dist = path.join(repoRoot, "dist");
  const built = await readdir(dist, { recursive: true, withFileTypes: true }).catch(() => {
    throw new Error(`${dist} is missing: run \`npm run build\` first (\`npm test\` does)`);
  });
  const excluded = await excludedFolders(repoRoot);
  const files = built
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)))
    .filter((file) => !excluded.some((folder) => file.startsWith(folder)))
    .sort();
  const parts: (string | Buffer)[] = [];
  for (const file of ["package.json", "README.md", ...files]) {
    parts.push(file, await readFile(path.join(repoRoot, file)));
  }
  return sha256(parts);
}

/** The path of the one packed package (`.tgz`) in `folder`; fails when there is none or more. */
export async function onlyTarballIn(folder: string): Promise<string> {
  const [name, ...others] = (await readdir(folder)).filter((file) => file.endsWith(".tgz"));
  if (name === undefined || others.length > 0) throw new Error(`expected one .tgz in ${folder}`);
  return path.join(folder, name);
}

/**
 * The repository packed exactly as `npm publish` would (the `files` list, the built dist/), once
 * per build: later calls, from any process, get the same tarball. Returns it with the build key.
 */
export async function packedTarball(options: PackOptions = {}): Promise<{ key: string; tarball: string }> {
  const repoRoot = options.repoRoot ?? REPO_ROOT;
  const key = await buildKey(repoRoot);
  const packs = path.join(packageCacheDir(repoRoot), "packs");
  const entry = await ensureCacheEntry(
    path.join(packs, key),
    async (folder) => {
      await npm(
        ["pack", "--pack-destination", folder, "--json", "--loglevel=error"],
        repoRoot,
        options.signal,
      );
    },
    options,
  );
  await pruneOtherBuilds(repoRoot, key);
  return { key, tarball: await onlyTarballIn(entry) };
}

async function pruneOtherBuilds(repoRoot: string, key: string): Promise<void> {
  const cache = packageCacheDir(repoRoot);
  const ofThisBuild = (name: string) => name.startsWith(key);
  await pruneCache(path.join(cache, "packs"), ofThisBuild, STALE_BUILD_MS);
  await pruneCache(path.join(cache, "templates"), ofThisBuild, STALE_BUILD_MS);
}

/** Writes a project's package.json: its name, the extra fields, and the dependencies. */
async function writeManifest(
  dir: string,
  dependencies: Readonly<Record<string, string>>,
  extraManifest: Readonly<Record<string, unknown>>,
): Promise<void> {
  const manifest = {
    name: path.basename(dir),
    version: "0.0.0",
    private: true,
    ...extraManifest,
    dependencies,
  };
  await writeFile(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * A folder holding `packages/<tarball>` and `project/` with `dependencies` installed by npm, made
 * once per build and dependency set. The project's lock file names the tarball by the relative
 * path `../packages/<tarball>`, so a copy of both folders side by side is a complete install.
 */
async function installedTemplate(dependencies: ProjectDependencies, options: PackOptions): Promise<string> {
  const { key, tarball } = await packedTarball(options);
  const name = path.basename(tarball);
  const dependencyKey = sha256([JSON.stringify(dependencies(`<${name}>`))]);
  return ensureCacheEntry(
    path.join(packageCacheDir(options.repoRoot), "templates", `${key}-${dependencyKey}`),
    async (folder) => {
      const packed = path.join(folder, "packages", name);
      const project = path.join(folder, "project");
      await mkdir(path.dirname(packed), { recursive: true });
      await mkdir(project, { recursive: true });
      await copyFile(tarball, packed);
      await writeManifest(project, dependencies(packed), {});
      await npm(NPM_INSTALL_FLAGS, project, options.signal);
    },
    options,
  );
}

/**
 * The shared install of the packed package and `dependencies` (see {@link installedTemplate}),
 * to run the package's own commands from, as a user's project would; it must not be written to.
 */
export async function installedProject(
  dependencies: ProjectDependencies,
  options: PackOptions = {},
): Promise<string> {
  return path.join(await installedTemplate(dependencies, options), "project");
}

/**
 * Creates `<root>/project` with the packed package and `dependencies` installed, as `npm install`
 * would leave it, and `<root>/packages/<tarball>`. The install runs once per build and dependency
 * set (see {@link installedTemplate}); each project is a copy of it (under a second), where
 * `npm install` takes 10–30 s. The project's package.json is its own, with `extraManifest` fields.
 */
export async function createPackedProject(
  root: string,
  dependencies: ProjectDependencies,
  extraManifest: Readonly<Record<string, unknown>> = {},
  options: PackOptions = {},
): Promise<PackedProject> {
  const template = await installedTemplate(dependencies, options);
  const dir = path.join(root, "project");
  await mkdir(root, { recursive: true });
  // cp keeps node_modules/.bin's symlinks and the modification times npm's hidden lock file checks.
  await execFileAsync("cp", ["-a", path.join(template, "project"), dir]);
  await execFileAsync("cp", ["-a", path.join(template, "packages"), path.join(root, "packages")]);
  const tarball = await onlyTarballIn(path.join(root, "packages"));
  await writeManifest(dir, dependencies(tarball), extraManifest);
  return { dir, tarball };
}
