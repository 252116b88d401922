import type { ChildProcess } from "node:child_process";
import { spawnCollecting } from "./collectedProcess";

/** One attachment the driver's inline program declares (see driver.js). */
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

/** What the driver is asked to do (see {@link DriverRequest} for the rest). */
export interface DriverCommand {
  readonly op: "up" | "preview" | "refresh" | "destroy" | "cancel" | "setConfig";
  readonly stackName: string;
  readonly attachments?: readonly AttachmentSpec[];
  /** That many dynamic resources that make no API call, to time Pulumi's dynamic-provider host. */
  readonly noops?: number;
  /** Set on the stack before the operation; `setConfig` sets only this. */
  readonly config?: Readonly<Record<string, ConfigEntry>>;
  readonly refresh?: boolean;
  readonly clearPendingCreates?: boolean;
  /** The engine's `--parallel`; undefined for the CLI's default. */
  readonly parallel?: number | undefined;
  /** The driver outlives a SIGINT, so one sent to its process group acts on the CLI alone (see `driver.js`). */
  readonly ignoreInterrupt?: boolean;
  /** A file to append the operation's engine events to, one JSON line each, as they arrive. */
  readonly eventLog?: string;
  /**
   * Run the on-disk program in this folder (its Pulumi.yaml says the project and the runtime)
   * instead of the inline one; `attachments` and `noops` are then not used.
   */
  readonly programDir?: string;
}

/** A command with where it runs: the CLI's root and the Pulumi project name. */
export interface DriverRequest extends DriverCommand {
  readonly pulumiRoot: string;
  readonly projectName: string;
}

/** One resource step the engine reported done, dated when the driver received the event. */
export interface StepCompletion {
  readonly name: string;
  readonly op: string;
  readonly atMs: number;
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
  /** The Node.js and `@pulumi/pulumi` versions the driver ran on. */
  readonly runtime?: { readonly node: string; readonly pulumiSdk: string };
  /** When the Automation API call began and ended (0 when the driver never got there). */
  readonly startedAtMs: number;
  readonly finishedAtMs: number;
  readonly failedSteps: number;
  readonly errorDiagnostics: number;
  readonly completions?: readonly StepCompletion[];
}

/** How to start the driver: which copy, which node, in which environment. */
export interface DriverLaunch {
  /** The project the driver runs in (its working directory). */
  readonly cwd: string;
  /** The driver.js copied into that project. */
  readonly driver: string;
  readonly env: NodeJS.ProcessEnv;
  /** Default: the Node.js running this process. */
  readonly nodeBinary?: string;
  /** In its own process group, so the driver and the CLI can be killed together. */
  readonly detached?: boolean;
}

/** A started driver: its process, and its result once it exits. */
export interface RunningDriver {
  readonly child: ChildProcess;
  readonly result: Promise<DriverResult>;
}

function parseResult(op: string, stdout: string, stderr: string, exit: string): DriverResult {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(last) as DriverResult;
  } catch {
    return {
      ok: false,
      op,
      output: stderr,
      error: `driver ended (${exit}) without a result line`,
      startedAtMs: 0,
      finishedAtMs: 0,
      failedSteps: 0,
      errorDiagnostics: 0,
    };
  }
}

/** Starts the driver with one command on its stdin. */
export function startDriver(launch: DriverLaunch, command: DriverRequest): RunningDriver {
  const { child, exited } = spawnCollecting(launch.nodeBinary ?? process.execPath, [launch.driver], {
    cwd: launch.cwd,
    env: launch.env,
    stdin: JSON.stringify(command),
    ...(launch.detached === undefined ? {} : { detached: launch.detached }),
  });
  const result = exited.then(({ code, signal, stdout, stderr }) =>
    parseResult(command.op, stdout, stderr, signal ?? `exit code ${code}`),
  );
  return { child, result };
}

/** Throws, with the CLI output, unless the driver reported success; returns the result. */
export function expectSuccess(result: DriverResult): DriverResult {
  if (!result.ok) {
    throw new Error(`pulumi ${result.op} failed: ${result.error ?? ""}\n--- output ---\n${result.output}`);
  }
  return result;
}
