import type { RequestLogEntry } from "../../../simulator/index";
import type { ChaosEvent, NicView, ResourceSpec } from "../trace";

/**
 * The record of one chaos run through the real Pulumi engine: the commands a user ran (with how
 * they ended, their output, the steps the engine reported and the stack right after each), the
 * kills, the simulator's request log and the out-of-band events. Plain data, so the checker is a
 * pure function and its tests feed it hand-made runs.
 */

/** The `pulumi` commands a run issues, as a user types them (`--yes`, `--stack` left out). */
export type CommandName =
  "up" | "up --refresh" | "refresh" | "refresh --clear-pending-creates" | "destroy" | "cancel";

/** How a command was interrupted: Ctrl-C (once: graceful cancel; twice: stop at once) or kill -9. */
export type KillSignal = "SIGINT" | "SIGINT twice" | "SIGKILL" | "SIGKILL, plugin left running";

/** The part of a run a command belongs to: out-of-band chaos, the user's recovery, the final destroy. */
export type Phase = "chaos" | "recovery" | "destroy";

/** A kill sent to a command's process group while its writes were in flight. */
export interface KillRecord {
  readonly signal: KillSignal;
  /** When the (first) signal went out. */
  readonly atMs: number;
  /** NIC writes (Attach/Detach) the simulator had received during the command by then. */
  readonly writesSeen: number;
  /**
   * Processes a "SIGKILL, plugin left running" left in the project folder, by what they run (e.g.
   * `node .../dynamic-provider/index.js`): the provider plugin, and whatever else outlived the group.
   */
  readonly orphans: readonly string[];
}

/** One step the engine reported for one attachment (from its engine events). */
export interface StepRecord {
  readonly resource: string;
  /** The engine's step kind: create, delete, refresh, update, same, replace, delete-replaced, ... */
  readonly op: string;
  /** `unfinished`: the step started and neither succeeded nor failed before the command ended. */
  readonly outcome: "ok" | "failed" | "unfinished";
  /** The instance in the state the engine handed the provider (delete, refresh, update). */
  readonly oldInstanceId?: string;
  /** The instance of the step's result (create, update) or of what a refresh read. */
  readonly newInstanceId?: string;
  /** The first line of the error the engine printed for the resource, if any. */
  readonly error?: string;
}

/** An attachment as the stack holds it. */
export interface StackAttachment {
  readonly resource: string;
  readonly id: string;
  /** The instance its outputs (or inputs) record. */
  readonly instanceId: string | undefined;
}

/** The stack as `pulumi stack export` (without `--show-secrets`) showed it. */
export interface StackView {
  readonly attachments: readonly StackAttachment[];
  /** Operations an interrupted command left behind, as `type resource` (e.g. `creating a3`). */
  readonly pending: readonly string[];
}

/** One `pulumi` command of the run, timed by wall clock. */
export interface CommandRecord {
  readonly index: number;
  readonly name: CommandName;
  readonly phase: Phase;
  readonly startMs: number;
  readonly endMs: number;
  readonly ok: boolean;
  /** "exit code N", or the signal that ended the process the harness started. */
  readonly exit: string;
  /** The error's first line, as the CLI (or the Automation API) put it. */
  readonly error?: string;
  /** Everything the CLI printed. */
  readonly output: string;
  readonly kill?: KillRecord;
  /** A kill was planned, but the command ended before its kill point. */
  readonly killMissed?: KillSignal;
  readonly steps: readonly StepRecord[];
  /** The stack right after the command; undefined when the export failed. */
  readonly stateAfter?: StackView;
  /** The plain export's text, for the credential scan. */
  readonly exportText?: string;
  /** The true state of each resource's NIC right after the command, by resource name. */
  readonly nicsAfter: Readonly<Record<string, NicView | null>>;
}

/** A text a run produced that must hold no credential: a file, an export, an output. */
export interface ScannedText {
  readonly place: string;
  readonly text: string;
}

export interface EngineRunTrace {
  readonly seed: number;
  readonly startMs: number;
  /** How the program ran: inline through the Automation API, or on disk through `pulumi` and the language host. */
  readonly mode: "inline" | "on-disk";
  /** Where the provider found its credentials. */
  readonly credentials: "env" | "secret-config";
  readonly resources: readonly ResourceSpec[];
  /** Every instance the program attaches NICs to. */
  readonly instanceIds: readonly string[];
  readonly commands: readonly CommandRecord[];
  readonly requests: readonly RequestLogEntry[];
  readonly events: readonly ChaosEvent[];
  /** Texts that must appear nowhere: the simulator's access key password. */
  readonly secrets: readonly string[];
  /** Files of the project, the backend and PULUMI_HOME, and engine event logs, at the end of the run. */
  readonly files: readonly ScannedText[];
  /** Each NIC's true state at the very end, after late requests had time to land. */
  readonly finalNics: Readonly<Record<string, NicView | null>>;
  /** Provider plugins a kill left running that were still running at the end. */
  readonly orphansAliveAtEnd: number;
}

export type EngineInvariantId = 1 | 2 | 3 | 4 | 5;

/** One broken invariant, blamed on a command when there is one. */
export interface EngineViolation {
  readonly invariant: EngineInvariantId;
  readonly resource: string;
  readonly commandIndex?: number;
  readonly detail: string;
}

export const ENGINE_INVARIANTS: readonly EngineInvariantId[] = [1, 2, 3, 4, 5];

export const ENGINE_INVARIANT_NAMES: Readonly<Record<EngineInvariantId, string>> = {
  1: "detach of a NIC bound to another instance",
  2: "destroy succeeded but left an attachment",
  3: "up succeeded but state and cloud disagree",
  4: "more than one applied attach per NIC per up",
  5: "credential text in output, state or files",
};

/** The commands that run the provider (and so may write), in order. */
export function providerCommands(trace: EngineRunTrace): CommandRecord[] {
  return trace.commands.filter((command) => command.name !== "cancel");
}

/** Whether a command runs `up` (with or without a refresh first). */
export function isUp(command: CommandRecord): boolean {
  return command.name === "up" || command.name === "up --refresh";
}

/** Whether a command reads every resource first, so the state it leaves reflects the cloud. */
export function refreshes(command: CommandRecord): boolean {
  return command.name === "up --refresh" || command.name.startsWith("refresh");
}
