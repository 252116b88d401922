/**
 * The generated Node.js SDK (`sdk/nodejs`, `@pulumi-zenlayer/zenlayer`) installed into a program as
 * a user installs it: compiled with tsc and packed from its `bin/` folder as sdk/nodejs/README.md
 * says, then `npm install`ed from that tarball, beside `@pulumi/pulumi` and the packed main package
 * (whose `pulumi-zenlayer-plugin` installs the plugin). Both steps are shared: the tarball is made
 * once per SDK (its files and the TypeScript that compiles it), the install once per build and SDK
 * (scripts/lib/packedPackage.ts), and each program gets a copy of the installed `node_modules`.
 */
import { execFile } from "node:child_process";
import { copyFile, cp, readFile, rename, rm, symlink } from "node:fs/promises";
import * as path from "node:path";
import { promisify } from "node:util";
import { SDK_PACKAGE_NAMES } from "../../../../provider/core/schema/packageSchema";
import { ensureCacheEntry, pruneCache } from "../../../../scripts/lib/cacheEntry";
import {
  createPackedProject,
  npm,
  onlyTarballIn,
  packageCacheDir,
  PINNED_PULUMI_SDK,
  projectDependencies,
  STALE_BUILD_MS,
} from "../../../../scripts/lib/packedPackage";
import { REPO_ROOT } from "../../../../scripts/lib/pulumiCli";
import { gitIgnoredNames, sdkKey } from "../../../../scripts/lib/sdkFiles";

const execFileAsync = promisify(execFile);
const SDK_DIR = path.join(REPO_ROOT, "sdk", "nodejs");
const TYPESCRIPT = path.join(REPO_ROOT, "node_modules", "typescript");

/**
 * Compiles a copy of the SDK (a build in place would leave `bin/` there) and packs its `bin/`
 * with the manifest and README beside the code, into `folder`. It compiles against the
 * repository's `@pulumi/pulumi`, `@types/node` and TypeScript (5.9), which `npm install` in the
 * SDK's folder would fetch (with its devDependency TypeScript 4.x) and this machine may not have.
 */
async function packSdk(folder: string): Promise<void> {
  const source = path.join(folder, "sdk");
  const leftover = await gitIgnoredNames(SDK_DIR);
  await cp(SDK_DIR, source, { recursive: true, filter: (file) => !leftover(path.basename(file)) });
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(source, "node_modules"), "dir");
  await execFileAsync(process.execPath, [path.join(TYPESCRIPT, "bin", "tsc"), "-p", source]);
  for (const file of ["package.json", "README.md"]) {
    await copyFile(path.join(source, file), path.join(source, "bin", file));
  }
  await npm(["pack", path.join(source, "bin"), "--pack-destination", folder, "--loglevel=error"], folder);
  await rm(source, { recursive: true, force: true });
}

/** The packed SDK, made now or earlier (by any process) from the same SDK files and TypeScript. */
export async function nodeSdkTarball(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(TYPESCRIPT, "package.json"), "utf8")) as {
    version: string;
  };
  const key = await sdkKey(SDK_DIR, [`typescript ${manifest.version}`]);
  const packs = path.join(packageCacheDir(), "node-sdk");
  const entry = await ensureCacheEntry(path.join(packs, key), packSdk);
  await pruneCache(packs, (name) => name === key, STALE_BUILD_MS);
  return onlyTarballIn(entry);
}

/**
 * Gives the program in `programDir` a `node_modules` with the packed SDK, `@pulumi/pulumi` (the
 * pinned version, which the examples' `^3.216.0` admits) and the TypeScript toolchain, and the
 * packed main package. `scratch` is a folder of the test's to install into; the program keeps its
 * own package.json.
 */
export async function installNodeSdkProgram(programDir: string, scratch: string): Promise<void> {
  const sdk = await nodeSdkTarball();
  const dependencies = projectDependencies(PINNED_PULUMI_SDK, { [SDK_PACKAGE_NAMES.nodejs]: `file:${sdk}` });
  const { dir } = await createPackedProject(scratch, dependencies);
  await rename(path.join(dir, "node_modules"), path.join(programDir, "node_modules"));
}
