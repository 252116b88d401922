import { DEFAULT_ACCESS_KEY } from "../../../simulator/index";
import type { CommandName } from "../plan";
import type {
  AttachmentSpec,
  ConfigEntry,
  DriverCommand,
  DriverResult,
} from "../../../scripts/lib/driverRunner";
import { driverEnv, startOperation, succeed } from "../../e2e/support/e2eWorld";
import type { E2eWorld } from "../../e2e/support/e2eWorld";
import { initStack, setConfig } from "../../e2e/support/onDiskStack";
import type { OnDiskStack } from "../../e2e/support/onDiskStack";
import { startPulumi } from "../../e2e/support/pulumiCliRunner";
import type { CliContext, CliResult } from "../../e2e/support/pulumiCliRunner";
import { exportStoredState } from "../../e2e/support/rawExport";

/** How a command ended, whichever way it ran. */
export interface CommandOutcome {
  readonly ok: boolean;
  /** "exit code N", or the signal that ended the process the harness started. */
  readonly exit: string;
  /** Everything the CLI printed. */
  readonly output: string;
  /** The error's first line. */
  readonly error?: string;
}

/** A started command: the process group to signal (its leader's pid), and how it ends. */
export interface StartedCommand {
  readonly groupLeader: number | undefined;
  readonly outcome: Promise<CommandOutcome>;
}

/** One stack of one program, driven the way its user does it. */
export interface StackCommands {
  /** Creates the stack and sets its config (the program's attachments, and credentials if so planned). */
  setUp(): Promise<void>;
  /** Starts `pulumi <name>` in its own process group, writing engine events to `eventLog`. */
  start(name: CommandName, eventLog: string): StartedCommand;
  /** `pulumi stack export`, without `--show-secrets`: the state as stored. */
  exportPlain(): Promise<string>;
}

/** What both ways of running need to know. */
export interface StackSetup {
  readonly world: E2eWorld;
  readonly stackName: string;
  readonly attachments: readonly AttachmentSpec[];
  readonly credentials: "env" | "secret-config";
}

/** The credentials as stack config, the password a secret (stored as ciphertext). */
function credentialConfig(world: E2eWorld): Record<string, ConfigEntry> {
  return {
    "zenlayer:accessKeyId": { value: DEFAULT_ACCESS_KEY.accessKeyId },
    "zenlayer:accessKeyPassword": { value: DEFAULT_ACCESS_KEY.accessKeyPassword, secret: true },
    "zenlayer:domain": { value: world.sim.domain },
    "zenlayer:scheme": { value: "HTTP" },
  };
}

function firstLine(text: string | undefined): string | undefined {
  return text
    ?.split("\n")
    .map((line) => line.trim())
    .find((line) => line !== "");
}

/**
 * The driver's result as an outcome. The Automation API puts what the CLI printed on stderr (e.g.
 * "the stack is currently locked") into its error, so the output is the progress plus that error;
 * a killed driver prints no result line and says so.
 */
function fromDriver(result: DriverResult): CommandOutcome {
  const ended = /driver ended \((.+?)\)/.exec(result.error ?? "")?.[1];
  const exit = result.ok ? "exit code 0" : (ended ?? "exit code 1");
  const output = result.error === undefined ? result.output : `${result.output}\n${result.error}`;
  const error = result.ok ? undefined : cliError(output, result.error ?? "");
  return { ok: result.ok, exit, output, ...(error === undefined ? {} : { error }) };
}

/** The CLI's closing line when resources failed; the resources' own errors say more. */
const GENERIC = /^error: (update|destroy|refresh) (failed|canceled)$/;

/**
 * The CLI's last specific `error:` line (for "error: 1 error occurred:", the error listed under
 * it), else its last generic one ("error: update failed"), else the first line of `fallback`.
 */
function cliError(output: string, fallback: string): string | undefined {
  const lines = output.split("\n").map((line) => line.trim());
  const specific = lines.findLastIndex((line) => line.startsWith("error: ") && !GENERIC.test(line));
  const at = specific === -1 ? lines.findLastIndex((line) => line.startsWith("error: ")) : specific;
  if (at === -1) return firstLine(fallback);
  const own = lines[at] ?? "";
  if (!/^error: \d+ errors? occurred:?$/.test(own)) return own;
  const listed = lines.slice(at + 1).find((line) => line !== "");
  return listed === undefined ? own : `error: ${listed.replace(/^\*\s*/, "")}`;
}

/** Inline, through the end-to-end driver and the Automation API (see scripts/lib/driver.js). */
export function inlineStack(setup: StackSetup): StackCommands {
  const { world, stackName } = setup;
  const envCredentials = setup.credentials === "env";
  const run = (command: DriverCommand): StartedCommand => {
    const started = startOperation(world, command, { credentials: envCredentials, detached: true });
    return { groupLeader: started.child.pid, outcome: started.result.then(fromDriver) };
  };
  return {
    async setUp() {
      if (!envCredentials) {
        await succeed(
          world,
          { op: "setConfig", stackName, config: credentialConfig(world) },
          { credentials: false },
        );
      }
    },
    start(name, eventLog) {
      if (name === "cancel") return run({ op: "cancel", stackName });
      const [op] = name.split(" ") as ["up" | "refresh" | "destroy"];
      return run({
        op,
        stackName,
        attachments: setup.attachments,
        refresh: name === "up --refresh",
        clearPendingCreates: name === "refresh --clear-pending-creates",
        ignoreInterrupt: true,
        eventLog,
      });
    },
    exportPlain: () => exportStoredState(world, stackName),
  };
}

/** The `pulumi` arguments of a command, as a user types them. */
function cliArgs(name: CommandName, stack: OnDiskStack, eventLog: string): string[] {
  const common = ["--stack", stack.name, "--non-interactive"];
  if (name === "cancel") return ["cancel", "--yes", ...common];
  const [verb, ...flags] = name.split(" ");
  return [verb ?? name, "--yes", ...flags, ...common, "--event-log", eventLog];
}

function fromCli(result: CliResult): CommandOutcome {
  const output = `${result.stdout}${result.stderr}`;
  const error = result.ok ? undefined : cliError(output, result.exit);
  return { ok: result.ok, exit: result.exit, output, ...(error === undefined ? {} : { error }) };
}

/**
 * On disk, through `pulumi` itself and the Node.js language host, on the program in
 * test/chaos/engine/program (its config key `attachments` lists what it declares).
 */
export function onDiskStack(setup: StackSetup): StackCommands {
  const { world, stackName } = setup;
  // `--event-log` is a hidden flag that PULUMI_DEBUG_COMMANDS makes available; the Automation API
  // sets that variable for every command it runs, for the same flag.
  const context: CliContext = {
    cli: world.cli,
    cwd: world.project.dir,
    env: { ...driverEnv(world, { credentials: setup.credentials === "env" }), PULUMI_DEBUG_COMMANDS: "true" },
  };
  let stack: OnDiskStack = { name: stackName, context };
  return {
    async setUp() {
      stack = await initStack(context, stackName);
      await setConfig(stack, "attachments", JSON.stringify(setup.attachments));
      if (setup.credentials === "secret-config") {
        for (const [key, entry] of Object.entries(credentialConfig(world))) {
          await setConfig(stack, key, entry.value, { secret: entry.secret === true });
        }
      }
    },
    start(name, eventLog) {
      const started = startPulumi(context, cliArgs(name, stack, eventLog), { detached: true });
      if (started.child.pid !== undefined) world.detachedPids.add(started.child.pid);
      return { groupLeader: started.child.pid, outcome: started.result.then(fromCli) };
    },
    exportPlain: () => exportStoredState(world, stackName),
  };
}
