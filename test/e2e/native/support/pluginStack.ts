/**
 * A world for programs that use the provider plugin, as a user runs them: the Pulumi CLI with its
 * language hosts, a private PULUMI_HOME into which the plugin is installed with the packed package's own
 * `pulumi-zenlayer-plugin install` (the documented command), a file backend, a simulator, and a
 * copy of a program folder to run `pulumi` in.
 */
import { execFile, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { installedProject, projectDependencies } from "../../../../scripts/lib/packedPackage";
import { installPluginFrom } from "../../../../scripts/lib/pluginInstall";
import { createLocalWorkspaceEnv, ensurePulumiCli, REPO_ROOT } from "../../../../scripts/lib/pulumiCli";
import { DEFAULT_ACCESS_KEY, startSimulator } from "../../../../simulator/index";
import type { Simulator, SimulatorOptions } from "../../../../simulator/index";

/** What one `pulumi` command did. */
export interface CommandResult {
  readonly code: number;
  readonly output: string;
  readonly ms: number;
}

/** A program folder with its own stack, simulator and plugin installation. */
export interface PluginStack {
  readonly sim: Simulator;
  readonly dir: string;
  readonly env: Readonly<Record<string, string>>;
  /** Runs `pulumi <args>` in the program's folder. */
  pulumi(args: readonly string[]): Promise<CommandResult>;
  /** Like {@link PluginStack.pulumi}, but fails the test unless the command succeeds. */
  mustRun(args: readonly string[]): Promise<CommandResult>;
  /** Starts `pulumi <args>` and returns the process, for a test that interrupts it. */
  start(args: readonly string[]): ChildProcess;
  stop(): Promise<void>;
}

const COMMAND_TIMEOUT_MS = 240_000;
/** The subnet every simulator here holds, for NICs the programs create. */
export const SUBNET = "3000000000000000001";

/**
 * Copies the program folder `program` (relative to the repository) into a temporary folder, starts
 * a simulator (with `options`), installs the plugin into a private PULUMI_HOME and creates stack
 * `dev`. Credentials and endpoint come from the environment, as `ZENLAYERCLOUD_*` variables.
 */
export async function startPluginStack(
  program: string,
  options: SimulatorOptions = {},
): Promise<PluginStack> {
  const cli = await ensurePulumiCli();
  const bin = path.join(cli.root, "bin");
  const work = await mkdtemp(path.join(tmpdir(), "zenlayer-plugin-e2e-"));
  const dir = path.join(work, "program");
  await cp(path.join(REPO_ROOT, program), dir, { recursive: true });
  const sim = await startSimulator({
    transitionDelayMs: 200,
    seed: { subnets: [{ subnetId: SUBNET, regionId: "asia-east-1" }] },
    ...options,
  });
  const env: Record<string, string> = {
    ...(await createLocalWorkspaceEnv(work)),
    PATH: `${bin}:${process.env["PATH"] ?? ""}`,
    ZENLAYERCLOUD_DOMAIN: sim.domain,
    ZENLAYERCLOUD_SCHEME: "HTTP",
    ZENLAYERCLOUD_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY.accessKeyId,
    ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: DEFAULT_ACCESS_KEY.accessKeyPassword,
    PULUMI_ZENLAYER_POLL_INTERVAL_MS: "100",
    // Makes `--event-log` available, as the Automation API does, for tests that read the engine's events.
    PULUMI_DEBUG_COMMANDS: "true",
  };
  // From the packed package, as `npm install pulumi-zenlayer` leaves it, the way the README says.
  await installPluginFrom(await installedProject(projectDependencies()), bin, { ...process.env, ...env });
  const start = (args: readonly string[]): ChildProcess =>
    spawn(path.join(bin, "pulumi"), [...args], {
      cwd: dir,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
  const pulumi = (args: readonly string[]): Promise<CommandResult> =>
    new Promise((resolve) => {
      const started = Date.now();
      execFile(
        path.join(bin, "pulumi"),
        [...args, "--non-interactive"],
        {
          cwd: dir,
          env: { ...process.env, ...env },
          timeout: COMMAND_TIMEOUT_MS,
          maxBuffer: 32 * 1024 * 1024,
        },
        (error, stdout, stderr) =>
          resolve({
            code: error === null ? 0 : Number(error.code ?? 1),
            output: `${stdout}${stderr}`,
            ms: Date.now() - started,
          }),
      );
    });
  const mustRun = async (args: readonly string[]): Promise<CommandResult> => {
    const result = await pulumi(args);
    if (result.code !== 0)
      throw new Error(`pulumi ${args.join(" ")} failed (${String(result.code)}):\n${result.output}`);
    return result;
  };
  await mustRun(["stack", "init", "dev"]);
  return {
    sim,
    dir,
    env,
    pulumi,
    mustRun,
    start,
    stop: async () => {
      sim.control.releaseStalls();
      await sim.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** The actions the simulator received, in order, for the NIC `nicId` (writes) or any (reads). */
export function writesTo(sim: Simulator, nicId: string): string[] {
  return sim.control
    .requestLog()
    .filter(
      (entry) =>
        !(entry.action ?? "").startsWith("Describe") && JSON.stringify(entry.body ?? {}).includes(nicId),
    )
    .map((entry) => `${entry.action ?? "?"} ${String(entry.status)}`);
}

/** The events of a `--event-log` file, parsed. */
export async function eventsIn(file: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(file, "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
