import type { RequestLogEntry } from "../../simulator/index";
import type { CommandName, Executor, KillSignal, Phase } from "./plan";

/**
 * The record of one chaos run, whichever executor ran it: the commands, each resource's operations
 * in them, the simulator's request log (with the effect of every executed NIC write), the
 * out-of-band events and every text that must hold no credential. Plain data, so the checker is a
 * pure function and its tests feed it hand-made runs.
 */

/** One attachment of the program, with the NIC that belongs to it alone. */
export interface ResourceSpec {
  readonly name: string;
  readonly nicId: string;
  /** The instance the program attaches the NIC to: the only one the resource may take it from. */
  readonly instanceId: string;
  readonly createTimeoutMs: number;
  readonly deleteTimeoutMs: number;
}

/** A NIC as the simulator's true state has it (never stale); null when it is gone. */
export interface NicView {
  readonly instanceId: string | null;
  readonly status: string;
}

/** A change behind the provider's back (by the chaos agent or the user), or a scripted burst. */
export interface ChaosEvent {
  readonly atMs: number;
  readonly kind: string;
  readonly nicId?: string;
  readonly instanceId?: string;
}

export interface KillRecord {
  readonly signal: KillSignal;
  readonly atMs: number;
  /** NIC writes the simulator had received during the command by then. */
  readonly writesSeen: number;
  /** What a "SIGKILL, plugin left running" left running in the project folder. */
  readonly orphans: readonly string[];
}

/** One step the engine reported for one attachment (from its engine events). */
export interface StepRecord {
  readonly resource: string;
  /** The engine's step: create, delete, refresh, update, same, create-replacement, delete-replaced, ... */
  readonly op: string;
  readonly outcome: "ok" | "failed" | "unfinished";
  readonly oldInstanceId?: string;
  readonly newInstanceId?: string;
  readonly error?: string;
}

/** The stack as stored: attachments with the instance they record, and pending operations (`creating a3`). */
export interface StackView {
  readonly attachments: readonly {
    readonly resource: string;
    readonly id: string;
    readonly instanceId: string | undefined;
  }[];
  readonly pending: readonly string[];
}

export interface CommandRecord {
  readonly index: number;
  readonly name: CommandName;
  readonly phase: Phase;
  readonly startMs: number;
  readonly endMs: number;
  readonly ok: boolean;
  /** The error's first line; engine runs: the CLI's, handler runs: the first failed operation's. */
  readonly error?: string;
  /** Engine runs: "exit code N" or the signal, what the CLI printed, its kill, its steps and the stack after it. */
  readonly exit?: string;
  readonly output?: string;
  readonly kill?: KillRecord;
  /** A kill was planned, but the command ended before its kill point. */
  readonly killMissed?: KillSignal;
  readonly steps?: readonly StepRecord[];
  readonly stateAfter?: StackView;
  readonly exportText?: string;
  /** Each resource's NIC right after the command. */
  readonly nicsAfter: Readonly<Record<string, NicView | null>>;
}

export type OpKind = "create" | "read" | "update" | "delete";
/** `partial`: threw with an `id` (kept with init errors); `failed`: threw without; `dropped`: a read with no id. */
export type OpOutcome = "ok" | "partial" | "failed" | "dropped";

/**
 * One resource's part in one command, the unit writes are attributed to and violations blamed on:
 * a handler call (timed, with its own timeout), or in an engine run the resource's steps in the
 * command (timed as the command).
 */
export interface OpRecord {
  readonly index: number;
  readonly command: number;
  readonly resource: string;
  readonly kind: OpKind;
  readonly startMs: number;
  readonly endMs: number;
  /** The instance the call was about: the inputs' for create/update, the stored state's for read/delete. */
  readonly targetInstanceId: string;
  readonly timeoutMs?: number;
  readonly outcome: OpOutcome;
  /** Handler runs: whether the engine still holds the resource after the call. */
  readonly inStateAfter?: boolean;
  readonly error?: string;
  /** The error in full (message, stack, own fields, causes), for the credential scan. */
  readonly errorText?: string;
  readonly storedProps?: Readonly<Record<string, unknown>>;
  readonly nicAfter: NicView | null;
}

export interface RunTrace {
  readonly executor: Executor;
  readonly seed: number;
  readonly startMs: number;
  /** How the run was set up, for traces ("handlers", "inline program, env credentials"). */
  readonly setup: string;
  /** Handler runs: one HTTP attempt's limit, part of invariant 5's allowance. */
  readonly requestTimeoutMs?: number;
  /** Texts that must appear nowhere: the access key password. */
  readonly secrets: readonly string[];
  readonly resources: readonly ResourceSpec[];
  readonly instanceIds: readonly string[];
  readonly commands: readonly CommandRecord[];
  readonly ops: readonly OpRecord[];
  readonly requests: readonly RequestLogEntry[];
  readonly events: readonly ChaosEvent[];
  /** Provider log lines (handler runs). */
  readonly logs: readonly string[];
  /** Files of the project, backend, PULUMI_HOME and engine event logs (engine runs). */
  readonly files: readonly { readonly place: string; readonly text: string }[];
  /** Per resource, once late requests landed: in state (undefined: unknown) and its NIC. */
  readonly final: Readonly<Record<string, { readonly inState?: boolean; readonly nic: NicView | null }>>;
  /** Provider plugins a kill left running that were still running at the end. */
  readonly orphansAliveAtEnd: number;
}

export type InvariantId = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const INVARIANT_NAMES: Readonly<Record<InvariantId, string>> = {
  1: "detach of a NIC bound to another instance",
  2: "successful delete or destroy left the NIC attached",
  3: "NIC attached by the resource but missing from state",
  4: "more than one applied attach per create, update or up",
  5: "operation overran its timeout",
  6: "credential text in errors, logs, output, state or files",
  7: "up succeeded but state and cloud disagree",
};
/** What each executor records enough of to judge: engine runs time commands, not operations; handler runs export no stack. */
export const JUDGED: Readonly<Record<Executor, readonly InvariantId[]>> = {
  handlers: [1, 2, 3, 4, 5, 6],
  engine: [1, 2, 3, 4, 6, 7],
};

/** One broken invariant, blamed on an operation (and so its command), or on a command alone. */
export interface Violation {
  readonly invariant: InvariantId;
  readonly resource: string;
  readonly opIndex?: number;
  readonly commandIndex?: number;
  readonly detail: string;
}

/** True when the NIC is attached, or being attached, to the instance. */
export const boundTo = (nic: NicView | null | undefined, instanceId: string): boolean =>
  nic != null && nic.instanceId === instanceId && (nic.status === "USED" || nic.status === "ATTACHING");

export const nicText = (nic: NicView | null | undefined): string =>
  nic === undefined ? "?" : nic === null ? "gone" : `${nic.status}@${nic.instanceId ?? "-"}`;

export const isUp = (command: CommandRecord): boolean => command.name.startsWith("up");
/** Whether a command reads every resource, so the stack it leaves reflects the cloud. */
export const refreshes = (command: CommandRecord): boolean =>
  command.name === "up --refresh" || command.name.startsWith("refresh");

const KIND_OF_COMMAND: Partial<Record<CommandName, OpKind>> = { refresh: "read", destroy: "delete" };

/**
 * An engine run's operations: one per command that runs the provider (not `cancel`) and resource,
 * so that a write belongs to the command that was running when the server ran it. Its outcome is
 * the command's; its error, that of the resource's failed step.
 */
export function commandOps(
  commands: readonly CommandRecord[],
  resources: readonly ResourceSpec[],
): OpRecord[] {
  return commands
    .filter((command) => command.name !== "cancel")
    .flatMap((command) =>
      resources.map((spec) => ({
        command,
        spec,
        error: command.steps?.find((s) => s.resource === spec.name && s.error !== undefined)?.error,
      })),
    )
    .map(({ command, spec, error }, index) => ({
      index,
      command: command.index,
      resource: spec.name,
      kind: isUp(command) ? "create" : (KIND_OF_COMMAND[command.name] ?? "read"),
      startMs: command.startMs,
      endMs: command.endMs,
      targetInstanceId: spec.instanceId,
      outcome: command.ok ? "ok" : "failed",
      ...(error === undefined ? {} : { error }),
      nicAfter: command.nicsAfter[spec.name] ?? null,
    }));
}
