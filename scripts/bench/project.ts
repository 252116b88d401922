import { execFile, spawn } from "node:child_process";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { promisify } from "node:util";
import { DEFAULT_ACCESS_KEY } from "../../simulator/index";
import { createLocalWorkspaceEnv, REPO_ROOT } from "../lib/pulumiCli";
import type { PulumiCli } from "../lib/pulumiCli";
import type { BenchRoot } from "./benchRoot";

const execFileAsync = promisify(execFile);

/** The `@pulumi/pulumi` the package is developed and tested against (the repository's devDependency). */
const PULUMI_SDK = "3.248.0";
const PROJECT_NAME = "zenlayer-bench";

/** One attachment the driver's program declares. */
export interface AttachmentSpec {
  readonly name: string;
  readonly nicId: string;
  readonly instanceId: string;
}

/** One timed operation, as the driver runs it (see driver.js). */
export interface DriverCommand {
  readonly op: "up" | "destroy";
  readonly stackName: string;
  readonly attachments: readonly AttachmentSpec[];
  readonly noops?: number;
  /** The engine's `--parallel`; undefined for the CLI's default. */
  readonly parallel?: number | undefined;
  readonly config?: Readonly<Record<string, string>>;
}

/** One resource step the engine reported done, dated when the driver received the event. */
export interface StepCompletion {
  readonly name: string;
  readonly op: string;
  readonly atMs: number;
}

/** The driver's answer. */
export interface DriverResult {
  readonly ok: boolean;
  readonly op: string;
  readonly startedAtMs: number;
  readonly finishedAtMs: number;
  readonly failedSteps: number;
  readonly errorDiagnostics: number;
  readonly completions?: readonly StepCompletion[];
  readonly changes?: Record<string, number>;
  readonly error?: string;
  /** The CLI's output, kept for a failed run. */
  readonly output: string;
}

/** A temporary project with the packed package installed, a private backend, and the driver. */
export interface BenchProject {
  readonly dir: string;
  readonly root: BenchRoot;
  readonly cli: PulumiCli;
  readonly workspaceEnv: Readonly<Record<string, string>>;
}

/** Runs one step in the bench folder; an interruption of the run (`stopped`) kills it. */
async function run(
  file: string,
  args: readonly string[],
  cwd: string,
  stopped: AbortSignal,
): Promise<string> {
  const options = { cwd, maxBuffer: 64 * 1024 * 1024, signal: stopped };
  const { stdout } = await execFileAsync(file, [...args], options);
  return stdout;
}

/**
 * Packs the repository as `npm publish` would (its `dist/` must be built: `npm run bench` builds it)
 * and installs the tarball with the pinned `@pulumi/pulumi` into a new project in `root`, as a user
 * would have it, with a private file backend and Pulumi home beside it.
 */
export async function createBenchProject(cli: PulumiCli, root: BenchRoot): Promise<BenchProject> {
  const packArgs = ["pack", "--pack-destination", root.path, "--json", "--loglevel=error"];
  const packed = await run("npm", packArgs, REPO_ROOT, root.stopped);
  const [tarball] = JSON.parse(packed) as Array<{ filename: string }>;
  if (tarball === undefined) throw new Error("npm pack reported no tarball");
  const dir = path.join(root.path, "project");
  await mkdir(dir, { recursive: true });
  const dependencies = {
    "pulumi-zenlayer": `file:${path.join(root.path, tarball.filename)}`,
    "@pulumi/pulumi": PULUMI_SDK,
  };
  const manifest = { name: "zenlayer-bench", version: "0.0.0", private: true, dependencies };
  await writeFile(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const installArgs = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];
  await run("npm", installArgs, dir, root.stopped);
  await copyFile(path.join(REPO_ROOT, "scripts", "bench", "driver.js"), path.join(dir, "driver.js"));
  const workspaceEnv = await createLocalWorkspaceEnv(path.join(root.path, "pulumi"));
  return { dir, root, cli, workspaceEnv };
}

/**
 * The environment of a run: this process's without any Zenlayer or Pulumi variable, plus the
 * private backend and the simulator's endpoint and credentials. The provider's own settings
 * (poll interval, read consistency, request rate) stay at their defaults.
 */
function driverEnv(project: BenchProject, domain: string): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !/^(ZENLAYER|PULUMI_)/.test(key));
  return {
    ...Object.fromEntries(inherited),
    ...project.workspaceEnv,
    ZENLAYERCLOUD_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY.accessKeyId,
    ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: DEFAULT_ACCESS_KEY.accessKeyPassword,
    ZENLAYERCLOUD_DOMAIN: domain,
    ZENLAYERCLOUD_SCHEME: "HTTP",
  };
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
  const child = spawn(process.execPath, ["driver.js"], {
    cwd: project.dir,
    env: driverEnv(project, domain),
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
  });
  project.root.runs(child);
  let stdout = "";
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(JSON.stringify({ ...command, pulumiRoot: project.cli.root, projectName: PROJECT_NAME }));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const last = stdout.trim().split("\n").at(-1) ?? "";
      try {
        resolve({ ...(JSON.parse(last) as Omit<DriverResult, "output">), output });
      } catch {
        const error = `driver ended (exit code ${String(code)}) without a result line`;
        resolve({
          ok: false,
          op: command.op,
          startedAtMs: 0,
          finishedAtMs: 0,
          failedSteps: 0,
          errorDiagnostics: 0,
          error,
          output,
        });
      }
    });
  });
}
