import type { RequestLogEntry } from "../../simulator/index";

/**
 * The record of one chaos run: everything the invariant checker judges. It is plain data, so the
 * checker is a pure function and its own tests can feed it hand-made violations.
 */

/** One attachment resource of the program, with the NIC that belongs to it alone. */
export interface ResourceSpec {
  readonly name: string;
  readonly nicId: string;
  /** The instance the program attaches the NIC to; every Attach this resource sends targets it. */
  readonly instanceId: string;
  readonly createTimeoutMs: number;
  readonly deleteTimeoutMs: number;
}

export type OpKind = "create" | "read" | "update" | "delete";

/**
 * How a handler call ended, as the engine sees it: `partial` threw with an `id` (kept with init
 * errors), `failed` threw without one, `dropped` is a read that returned no id.
 */
export type OpOutcome = "ok" | "partial" | "failed" | "dropped";

/** A NIC as the simulator's true state has it (never stale). */
export interface NicView {
  readonly instanceId: string | null;
  readonly status: string;
}

/** One handler call, timed by wall clock, with the true state of its NIC when it returned. */
export interface OpRecord {
  readonly index: number;
  readonly resource: string;
  readonly kind: OpKind;
  readonly round: number;
  readonly startMs: number;
  readonly endMs: number;
  /** The instance the call was about: the inputs' for create/update, the stored state's for read/delete. */
  readonly targetInstanceId: string;
  /** The resource's own timeout for create/update/delete; reads have none. */
  readonly timeoutMs?: number;
  readonly outcome: OpOutcome;
  /** First line of the error message, for traces. */
  readonly error?: string;
  /** The error serialized in full (message, stack, own fields, cause chain), for the secret scan. */
  readonly errorText?: string;
  /** The properties the engine keeps after this call, if any. */
  readonly storedProps?: Readonly<Record<string, unknown>>;
  readonly nicAfter: NicView | null;
}

/** A change made behind the provider's back, or a scripted burst, for traces. */
export interface ChaosEvent {
  readonly atMs: number;
  readonly kind: string;
  readonly nicId?: string;
  readonly instanceId?: string;
}

export interface RunTrace {
  readonly seed: number;
  readonly startMs: number;
  readonly requestTimeoutMs: number;
  /** Texts that must appear nowhere: the run's access key password. */
  readonly secrets: readonly string[];
  readonly resources: readonly ResourceSpec[];
  readonly ops: readonly OpRecord[];
  readonly requests: readonly RequestLogEntry[];
  readonly logs: readonly string[];
  readonly events: readonly ChaosEvent[];
  /** Per resource name: still in the engine's state at the end, and its NIC then. */
  readonly final: Readonly<Record<string, { readonly inState: boolean; readonly nic: NicView | null }>>;
}

export type InvariantId = 1 | 2 | 3 | 4 | 5 | 6;

/** One broken invariant; `opIndex` points at the operation it is blamed on, when there is one. */
export interface Violation {
  readonly invariant: InvariantId;
  readonly resource: string;
  readonly opIndex?: number;
  readonly detail: string;
}

/** Short names, for reports and messages. */
export const INVARIANT_NAMES: Readonly<Record<InvariantId, string>> = {
  1: "detach of a NIC bound to another instance",
  2: "successful delete left the NIC attached",
  3: "NIC attached by the resource but missing from state",
  4: "more than one applied attach per create/update",
  5: "operation overran its timeout",
  6: "credential text in errors, logs or state",
};

/** True when the NIC is attached, or being attached, to the instance. */
export function boundTo(nic: NicView | null, instanceId: string): boolean {
  return (
    nic !== null && nic.instanceId === instanceId && (nic.status === "USED" || nic.status === "ATTACHING")
  );
}
