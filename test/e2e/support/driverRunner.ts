import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import type { TestProject } from "./testProject";

/** One attachment the driver's inline program declares (see `driver.js`). */
export interface AttachmentSpec {
  readonly name: string;
  readonly nicId: string;
  readonly instanceId: string;
  readonly timeouts?: { readonly create?: string; readonly delete?: string };
  /** Route the nicId through another resource's output, so it is unknown during a preview. */
  readonly nicIdFromOutput?: boolean;
}

/** A stack config value as `Stack.setAllConfig` takes it. */
export interface ConfigEntry {
  readonly value: string;
  readonly secret?: boolean;
}

/** What the driver is asked to do; `pulumiRoot` and `projectName` are filled in by the world. */
export interface DriverCommand {
  readonly op: "up" | "preview" | "refresh" | "destroy" | "cancel" | "export" | "setConfig";
  readonly stackName: string;
  readonly attachments?: readonly AttachmentSpec[];
  readonly config?: Readonly<Record<string, ConfigEntry>>;
  readonly refresh?: boolean;
  readonly clearPendingCreates?: boolean;
  /** The driver outlives a SIGINT, so one sent to its process group acts on the CLI alone (see `driver.js`). */
  readonly ignoreInterrupt?: boolean;
  /** A file to append the operation's engine events to, one JSON line each, as they arrive. */
  readonly eventLog?: string;
}

/** The driver's final JSON line. */
export interface DriverResult {
  readonly ok: boolean;
  readonly op: string;
  /** The CLI's output (progress, diagnostics, summary). */
  readonly output: string;
  readonly error?: string;
  readonly outputs?: Record<string, Record<string, unknown>>;
  readonly changes?: Record<string, number>;
  readonly deployment?: Deployment;
  /** The Node.js and `@pulumi/pulumi` versions the driver ran on. */
  readonly runtime?: { readonly node: string; readonly pulumiSdk: string };
}

/** The parts of `pulumi stack export` the tests read. */
export interface Deployment {
  readonly resources?: ReadonlyArray<DeployedResource>;
  readonly pending_operations?: ReadonlyArray<{ readonly type: string; readonly resource: DeployedResource }>;
}

/** One resource in a stack export. */
export interface DeployedResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}

/** How to start the driver: which node, in which environment. */
export interface DriverLaunch {
  readonly project: TestProject;
  readonly env: NodeJS.ProcessEnv;
  /** Default: the Node.js running the tests. */
  readonly nodeBinary?: string;
  /** In its own process group, so a test can kill the driver and the CLI together. */
  readonly detached?: boolean;
}

/** A started driver: its process, and its result once it exits. */
export interface RunningDriver {
  readonly child: ChildProcess;
  readonly result: Promise<DriverResult>;
}

function parseResult(stdout: string, stderr: string, exit: string): DriverResult {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(last) as DriverResult;
  } catch {
    return { ok: false, op: "?", output: stderr, error: `driver ended (${exit}) without a result line` };
  }
}

/** Starts the driver with one command on its stdin. */
export function startDriver(launch: DriverLaunch, command: object): RunningDriver {
  const child = spawn(launch.nodeBinary ?? process.execPath, [launch.project.driver], {
    cwd: launch.project.dir,
    env: launch.env,
    stdio: ["pipe", "pipe", "pipe"],
    detached: launch.detached ?? false,
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const result = new Promise<DriverResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve(parseResult(stdout, stderr, signal === null ? `exit code ${code}` : signal)),
    );
  });
  child.stdin!.end(JSON.stringify(command));
  return { child, result };
}

/** Throws, with the CLI output, unless the driver reported success; returns the result. */
export function expectSuccess(result: DriverResult): DriverResult {
  if (!result.ok) {
    throw new Error(`pulumi ${result.op} failed: ${result.error ?? ""}\n--- output ---\n${result.output}`);
  }
  return result;
}
