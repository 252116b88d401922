import { execFile, spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import * as path from "node:path";
import { promisify } from "node:util";
import { findPackageRoot } from "../../sdk/client/requestHeaders";
import { languageHostFor, withSharedHostSources } from "./languageHost";

const execFileAsync = promisify(execFile);

/** The repository root, from the sources (scripts/lib) or the build (dist/scripts/lib). */
export const REPO_ROOT = findPackageRoot(__dirname) ?? path.resolve(__dirname, "..", "..");
/** Finds or builds the CLI and its language hosts, and prints the CLI's root as its last stdout line. */
export const ENSURE_PULUMI_SCRIPT = path.join(REPO_ROOT, "scripts", "ensure-pulumi");

/**
 * How long a `beforeAll` that calls {@link ensurePulumiCli} should be allowed to take. The first run
 * on a machine builds the CLI from source (10–25 minutes on 2 cores); later runs take under a second.
 */
export const ENSURE_PULUMI_TIMEOUT_MS = 40 * 60 * 1000;

/**
 * Passphrase for the throwaway stacks of the demo and the end-to-end tests. It protects nothing
 * real: the state lives in a scratch directory and the simulator's credentials are fake.
 */
export const LOCAL_STACK_PASSPHRASE = "pulumi-zenlayer-e2e-not-a-secret";

/** A usable Pulumi CLI: pass `root` to `PulumiCommand.get({ root })` from `@pulumi/pulumi/automation`. */
export interface PulumiCli {
  /** Directory whose `bin/` holds `pulumi` and the `pulumi-resource-pulumi-nodejs` plugin script. */
  readonly root: string;
  /** Version the CLI reports, without the leading "v" (e.g. "3.248.0"). */
  readonly version: string;
  /**
   * The Node.js language host the CLI runs on-disk programs with; undefined when there is none,
   * and then only inline Automation API programs work.
   */
  readonly languageHost?: string;
}

interface ScriptResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a script, echoing its progress (stderr) live while also keeping it for error messages. */
function runScript(file: string, env: NodeJS.ProcessEnv): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The root is the last stdout line by the script's contract; anything before it is ignored. */
export function lastLine(text: string): string {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return lines.at(-1)?.trim() ?? "";
}

/**
 * The environment to run {@link ENSURE_PULUMI_SCRIPT} in: this process's, with each
 * `PULUMI_LANGUAGE_<LANG>_SOURCE` that is unset pointing at `../shared/tools/pulumi-language-<lang>`
 * when that folder exists, so that a checkout beside it gets a CLI that runs on-disk programs of
 * those languages too.
 */
export function ensurePulumiEnv(): NodeJS.ProcessEnv {
  return withSharedHostSources(REPO_ROOT, process.env);
}

/**
 * Finds or builds the Pulumi CLI (via `scripts/ensure-pulumi`) so end-to-end tests can drive real
 * `pulumi up/refresh/destroy` runs, with the Node.js language host when one can be had. It throws,
 * with the script's output, when no CLI can be had (or a requested host cannot be built): the
 * end-to-end tests must fail rather than silently skip on a machine without Pulumi.
 */
export async function ensurePulumiCli(): Promise<PulumiCli> {
  const result = await runScript(ENSURE_PULUMI_SCRIPT, ensurePulumiEnv());
  const root = lastLine(result.stdout);
  if (result.code !== 0 || root === "") {
    throw new Error(
      `scripts/ensure-pulumi failed (exit code ${String(result.code)}); the end-to-end tests need ` +
        `the Pulumi CLI. Script output:\n${result.stderr}${result.stdout}`,
    );
  }
  const { stdout } = await execFileAsync(path.join(root, "bin", "pulumi"), ["version"], {
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  });
  const languageHost = languageHostFor(root);
  return {
    root,
    version: stdout.trim().replace(/^v/, ""),
    ...(languageHost === undefined ? {} : { languageHost }),
  };
}

/**
 * Creates `<dir>/state` and `<dir>/home` and returns the environment for a fully local, offline,
 * isolated Pulumi run (pass it as `envVars` to `LocalWorkspace`). A file backend and a private
 * PULUMI_HOME keep tests away from the developer's logins, stacks and plugin cache; plugin
 * acquisition and update checks are disabled so that nothing reaches for the network.
 */
export async function createLocalWorkspaceEnv(dir: string): Promise<Record<string, string>> {
  const absolute = path.resolve(dir);
  const state = path.join(absolute, "state");
  const home = path.join(absolute, "home");
  await mkdir(state, { recursive: true });
  await mkdir(home, { recursive: true });
  return {
    PULUMI_BACKEND_URL: `file://${state}`,
    PULUMI_CONFIG_PASSPHRASE: LOCAL_STACK_PASSPHRASE,
    PULUMI_HOME: home,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
}
