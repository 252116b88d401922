/**
 * A virtual environment holding the generated Python SDK, installed as a user installs it: the
 * package built into a wheel from `sdk/python` (`pip wheel`), then `pip install --find-links` of a
 * program's requirements.txt, which names that wheel and `pulumi` from PyPI (sdk/python/README.md).
 * Making one takes about half a minute of pip, so it is kept under the CLI cache, keyed by what
 * goes into it: the SDK's files, the requirements and the Python. A changed SDK makes a new one.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "../../../../scripts/lib/pulumiCli";
import { filesUnder, gitIgnoredNames, hashFiles } from "../../../../scripts/lib/sdkFiles";

const execFileAsync = promisify(execFile);
const SDK_DIR = path.join(REPO_ROOT, "sdk", "python");
/** Written last into a finished environment: one without it was interrupted and is made again. */
const COMPLETE_MARK = ".pulumi-zenlayer-complete";
const PIP_TIMEOUT_MS = 600_000;

/** How long each step of making the environment took, for the test's report. */
export interface VenvTimings {
  readonly createMs: number;
  readonly wheelMs: number;
  readonly installMs: number;
}

/** A virtual environment for a program; `timings` when this call made it, undefined when cached. */
export interface PythonVenv {
  readonly dir: string;
  readonly timings?: VenvTimings;
}

/** Where scripts/ensure-pulumi keeps its builds (its `CACHE_BASE`). */
function cacheBase(env: NodeJS.ProcessEnv): string {
  const base = env["XDG_CACHE_HOME"] ?? path.join(homedir(), ".cache");
  return env["PULUMI_ZENLAYER_CLI_CACHE"] ?? path.join(base, "pulumi-zenlayer");
}

/** The Python that makes the environment, as the host looks for one: its path and version. */
async function python(): Promise<{ command: string; version: string }> {
  const command = process.env["PULUMI_PYTHON_CMD"] ?? "python3";
  const { stdout } = await execFileAsync(command, ["-c", "import sys; print(sys.executable, sys.version)"]);
  return { command, version: stdout.trim() };
}

/** The cache key: the SDK's files (names and contents), the requirements and the Python. */
async function venvKey(requirements: string, pythonVersion: string): Promise<string> {
  const files = await filesUnder(SDK_DIR, await gitIgnoredNames(SDK_DIR));
  const hash = await hashFiles(createHash("sha256"), SDK_DIR, files);
  hash.update(await readFile(requirements)).update(pythonVersion);
  return hash.digest("hex").slice(0, 12);
}

async function timed(step: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await step();
  return Date.now() - started;
}

/**
 * Makes the environment in `work`: a venv, the SDK's wheel built from a copy of `sdk/python` (a
 * build in place would leave `build/` there), and the requirements installed with the wheel's
 * folder as a place pip finds packages.
 */
async function makeVenv(work: string, requirements: string, command: string): Promise<VenvTimings> {
  const venv = path.join(work, "venv");
  const pip = (args: readonly string[]) =>
    execFileAsync(path.join(venv, "bin", "python"), ["-m", "pip", "--disable-pip-version-check", ...args], {
      timeout: PIP_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
  const createMs = await timed(() => execFileAsync(command, ["-m", "venv", venv]));
  // What building the SDK in its folder left there (its .gitignore) is not copied.
  const leftover = await gitIgnoredNames(SDK_DIR);
  await cp(SDK_DIR, path.join(work, "sdk"), {
    recursive: true,
    filter: (source) => !leftover(path.basename(source)),
  });
  const wheels = path.join(work, "wheels");
  const wheelMs = await timed(() =>
    pip(["wheel", "--no-deps", "--wheel-dir", wheels, path.join(work, "sdk")]),
  );
  const installMs = await timed(() => pip(["install", "--find-links", wheels, "-r", requirements]));
  await writeFile(path.join(venv, COMPLETE_MARK), "");
  return { createMs, wheelMs, installMs };
}

/**
 * The environment for the program whose requirements are `requirements`: the cached one, or one
 * made now and moved into the cache by a rename (a concurrent run that was first wins; ours is
 * dropped). Only `bin/python` is used from it, which finds its environment wherever it sits, so
 * the move is safe although pip's own launcher scripts keep the old path.
 */
export async function pythonSdkVenv(requirements: string): Promise<PythonVenv> {
  const { command, version } = await python();
  const cache = cacheBase(process.env);
  const dir = path.join(cache, `python-sdk-venv-${await venvKey(requirements, version)}`);
  if (existsSync(path.join(dir, COMPLETE_MARK))) return { dir };
  await mkdir(cache, { recursive: true });
  const work = await mkdtemp(path.join(cache, ".python-sdk-venv-"));
  try {
    const timings = await makeVenv(work, requirements, command);
    if (!existsSync(path.join(dir, COMPLETE_MARK))) await rm(dir, { recursive: true, force: true });
    await rename(path.join(work, "venv"), dir).catch((error: unknown) => {
      if (!existsSync(path.join(dir, COMPLETE_MARK))) throw error;
    });
    return { dir, timings };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
