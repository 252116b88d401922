import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { DEFAULT_ACCESS_KEY, startSimulator } from "../../../simulator/index";
import type { Simulator, SimulatorOptions } from "../../../simulator/index";
import type { DriverCommand, DriverResult, RunningDriver } from "../../../scripts/lib/driverRunner";
import { expectSuccess, startDriver } from "../../../scripts/lib/driverRunner";
import { killHard, killProcessesIn, killProcessesWithEnv } from "./processes";
import { createLocalWorkspaceEnv, ensurePulumiCli } from "../../../scripts/lib/pulumiCli";
import type { PulumiCli } from "../../../scripts/lib/pulumiCli";
import { requireLanguageHost } from "./languageAvailability";
import { createTestProject, projectDependencies } from "./testProject";
import type { ProjectDependencies, TestProject } from "./testProject";

/** The Pulumi project name every driver run uses (the state of each world is separate anyway). */
export const E2E_PROJECT_NAME = "zenlayer-e2e";

/**
 * What every end-to-end setup has: the CLI, a temporary directory, an isolated Pulumi backend and
 * home, and a simulator. Pulumi runs get their environment from it ({@link driverEnv}).
 */
export interface WorldBase {
  readonly cli: PulumiCli;
  readonly root: string;
  readonly sim: Simulator;
  /** Backend, passphrase and home of this world's stacks (see `createLocalWorkspaceEnv`). */
  readonly workspaceEnv: Readonly<Record<string, string>>;
  /** A Node.js binary to run the driver (and, through PATH, the language host and provider plugin) with. */
  readonly nodeBinary?: string;
  /** Set by {@link e2eTest} when a test fails, so teardown keeps the directory for inspection. */
  failed: boolean;
}

/**
 * Everything one end-to-end test file shares: the {@link WorldBase} plus the packed package and a
 * project with it installed.
 */
export interface E2eWorld extends WorldBase {
  readonly tarball: string;
  readonly project: TestProject;
  /** Drivers started in their own process group, killed at teardown if still running. */
  readonly detachedPids: Set<number>;
}

/** What every world needs to know. */
export interface WorldBaseOptions {
  /** Part of the temporary directory's name. */
  readonly label: string;
  readonly simulator?: SimulatorOptions;
  /** The tests run on-disk programs: a CLI without the Node.js language host fails the setup. */
  readonly requireLanguageHost?: boolean;
}

/** How a test file wants its world built. */
export interface WorldOptions extends WorldBaseOptions {
  /**
   * The project's dependencies; default: the packed package, the pinned `@pulumi/pulumi` and the
   * TypeScript toolchain ({@link projectDependencies}).
   */
  readonly dependencies?: ProjectDependencies;
  /** The Node.js binary to use, found in the installed project; default the one running jest. */
  readonly nodeBinary?: (project: TestProject) => string;
  /** Extra package.json fields of the project, e.g. `main` for an on-disk program. */
  readonly manifest?: Readonly<Record<string, unknown>>;
  /**
   * A folder whose files (an on-disk program: Pulumi.yaml, index.ts, ...) are copied into the
   * project, except its package.json.
   */
  readonly programFiles?: string;
}

/** A progress line on stderr, prefixed so it stands out in jest's output. */
export function note(line: string): void {
  process.stderr.write(`[e2e] ${line}\n`);
}

/** The folder of the world's file backend (its `PULUMI_BACKEND_URL`, a `file://` URL). */
export function backendDirOf(world: WorldBase): string {
  return new URL(world.workspaceEnv["PULUMI_BACKEND_URL"] ?? "").pathname;
}

/**
 * Finds or builds the CLI (the tests fail, never skip, without one; with `requireLanguageHost`
 * they fail without the language host too), makes a temporary directory with a private backend
 * and home in it, and starts a simulator.
 */
export async function createWorldBase(options: WorldBaseOptions): Promise<WorldBase> {
  const cli = await ensurePulumiCli();
  if (options.requireLanguageHost === true) {
    requireLanguageHost(cli);
  }
  const root = await mkdtemp(path.join(tmpdir(), `pulumi-zenlayer-e2e-${options.label}-`));
  note(`${options.label}: working in ${root}`);
  const workspaceEnv = await createLocalWorkspaceEnv(path.join(root, "pulumi"));
  const sim = await startSimulator({ transitionDelayMs: 200, requestLogLimit: 50_000, ...options.simulator });
  return { cli, root, sim, workspaceEnv, failed: false };
}

/**
 * Builds a world: the {@link createWorldBase} parts, then a project with the packed package
 * installed (a copy of the install shared by every world of the build with the same dependencies).
 * If that fails, the simulator is stopped and the directory kept.
 */
export async function createWorld(options: WorldOptions): Promise<E2eWorld> {
  const base = await createWorldBase(options);
  try {
    const started = Date.now();
    const dependencies = options.dependencies ?? projectDependencies();
    const project = await createTestProject(base.root, dependencies, options.manifest);
    if (options.programFiles !== undefined) {
      // The project's own package.json (the packed package, pinned versions) stays.
      const notManifest = (source: string) => path.basename(source) !== "package.json";
      await cp(options.programFiles, project.dir, { recursive: true, filter: notManifest });
    }
    note(`${options.label}: project ready in ${Date.now() - started} ms`);
    const nodeBinary = options.nodeBinary?.(project);
    return {
      ...base,
      tarball: project.tarball,
      project,
      ...(nodeBinary === undefined ? {} : { nodeBinary }),
      detachedPids: new Set(),
    };
  } catch (error) {
    base.failed = true;
    await closeWorldBase(base);
    throw error;
  }
}

/** Stops everything the world started; removes its directory unless a test failed. */
export async function destroyWorld(world: E2eWorld | undefined): Promise<void> {
  if (world === undefined) {
    return;
  }
  world.detachedPids.forEach((pid) => killHard(-pid));
  killProcessesIn(world.project.dir);
  await closeWorldBase(world);
}

/**
 * Kills what is left of the world's Pulumi runs (every process carrying its private PULUMI_HOME:
 * CLI, language host, program, provider plugin, wherever they run), stops the simulator, and
 * removes the directory unless a test failed.
 */
export async function closeWorldBase(world: WorldBase): Promise<void> {
  killProcessesWithEnv("PULUMI_HOME", world.workspaceEnv["PULUMI_HOME"] ?? "");
  await world.sim.stop();
  if (world.failed) {
    note(`a test failed; keeping ${world.root} for inspection`);
  } else {
    await rm(world.root, { recursive: true, force: true });
  }
}

/** Which credentials the driver's environment carries. */
export interface EnvOptions {
  /** Default true: the simulator's credentials and endpoint as ZENLAYERCLOUD_* variables. */
  readonly credentials?: boolean;
}

/**
 * The environment of a Pulumi run (the driver's, or the CLI's for an on-disk program): this
 * process's, minus every Zenlayer and Pulumi variable, plus the world's backend, fast polling for
 * the provider, the world's Node.js first on PATH and, unless turned off, the credentials.
 */
export function driverEnv(world: WorldBase, options: EnvOptions = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !/^(ZENLAYER|PULUMI_)/.test(key));
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(inherited),
    ...world.workspaceEnv,
    PULUMI_ZENLAYER_POLL_INTERVAL_MS: "100",
  };
  if (options.credentials ?? true) {
    Object.assign(env, {
      ZENLAYERCLOUD_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY.accessKeyId,
      ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: DEFAULT_ACCESS_KEY.accessKeyPassword,
      ZENLAYERCLOUD_DOMAIN: world.sim.domain,
      ZENLAYERCLOUD_SCHEME: "HTTP",
    });
  }
  if (world.nodeBinary !== undefined) {
    env["PATH"] = `${path.dirname(world.nodeBinary)}${path.delimiter}${env["PATH"] ?? ""}`;
  }
  return env;
}

/** Starts one driver run in the world (see `driver.js` for the command). */
export function startOperation(
  world: E2eWorld,
  command: DriverCommand,
  options: EnvOptions & { readonly detached?: boolean } = {},
): RunningDriver {
  const running = startDriver(
    {
      cwd: world.project.dir,
      driver: world.project.driver,
      env: driverEnv(world, options),
      ...(world.nodeBinary === undefined ? {} : { nodeBinary: world.nodeBinary }),
      ...(options.detached === undefined ? {} : { detached: options.detached }),
    },
    { ...command, pulumiRoot: world.cli.root, projectName: E2E_PROJECT_NAME },
  );
  if (options.detached === true && running.child.pid !== undefined) {
    world.detachedPids.add(running.child.pid);
  }
  return running;
}

/** Runs one operation and returns its result, failed or not. */
export function runOperation(
  world: E2eWorld,
  command: DriverCommand,
  options?: EnvOptions,
): Promise<DriverResult> {
  return startOperation(world, command, options).result;
}

/** Runs one operation that must succeed. */
export async function succeed(
  world: E2eWorld,
  command: DriverCommand,
  options?: EnvOptions,
): Promise<DriverResult> {
  return expectSuccess(await runOperation(world, command, options));
}

/**
 * Declares a jest test that records its failure on the world, so the world's directory (project,
 * state, Pulumi home) is kept for inspection.
 */
export function e2eTest(
  name: string,
  world: () => WorldBase,
  body: () => Promise<void>,
  timeoutMs: number,
): void {
  it(
    name,
    async () => {
      try {
        await body();
      } catch (error) {
        markFailed(world);
        throw error;
      }
    },
    timeoutMs,
  );
}

function markFailed(world: () => WorldBase): void {
  try {
    world().failed = true;
  } catch {
    // No world was set up; the beforeAll failure already explains why.
  }
}
