import type { AttachmentOutputs } from "../../provider/index";
import { parseAttachmentId, parseDuration } from "../../provider/index";
import type { EngineState, StoredResource } from "./engineState";
import { errorHeadline, errorText } from "./errorText";
import type { OpKind, OpOutcome, OpRecord, NicView, ResourceSpec } from "./trace";
import type { World } from "./world";

/** The provider's own default when a stored timeout is missing or unreadable. */
const DEFAULT_TIMEOUT_MS = 600_000;

/** Where one run's operations are issued and recorded. */
export interface OpContext {
  readonly world: World;
  readonly state: EngineState;
  readonly ops: OpRecord[];
  round: number;
}

/** How a handler call settled, and when (wall clock). */
export type Settled<T> = ({ ok: true; value: T } | { ok: false; error: unknown }) & {
  readonly startMs: number;
  readonly endMs: number;
};

/** What a handler call settled to and when, without letting its rejection escape. */
export async function settleCall<T>(work: () => Promise<T>): Promise<Settled<T>> {
  const startMs = Date.now();
  try {
    const value = await work();
    return { ok: true, value, startMs, endMs: Date.now() };
  } catch (error) {
    return { ok: false, error, startMs, endMs: Date.now() };
  }
}

function nicNow(world: World, nicId: string): NicView | null {
  const nic = world.sim.control.getNic(nicId);
  return nic === undefined ? null : { instanceId: nic.instanceId ?? null, status: nic.status };
}

/** The `id` and `properties` of a "created but not ready" error, when the error is one. */
export function initFailure(error: unknown): { id: string; properties: Record<string, unknown> } | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { id, properties } = error as { id?: unknown; properties?: unknown };
  if (typeof id !== "string" || id === "") return undefined;
  const props = typeof properties === "object" && properties !== null ? properties : {};
  return { id, properties: props as Record<string, unknown> };
}

/** The timeout a handler reads from its properties, in ms, as the provider parses it. */
export function timeoutOf(holder: { readonly timeouts?: unknown }, which: "create" | "delete"): number {
  const timeouts = holder.timeouts as Record<string, unknown> | undefined;
  const text = timeouts?.[which];
  return (typeof text === "string" ? parseDuration(text) : undefined) ?? DEFAULT_TIMEOUT_MS;
}

/** The instance a stored resource refers to, the way the provider's read and delete work it out: its id first. */
export function storedInstance(record: StoredResource): string {
  const fromProps = record.props["instanceId"];
  return parseAttachmentId(record.id)?.instanceId ?? (typeof fromProps === "string" ? fromProps : "");
}

/** How the caller classified a call it has already applied to the engine state. */
export interface Finished {
  readonly kind: OpKind;
  readonly target: string;
  readonly timeoutMs?: number;
  readonly outcome: OpOutcome;
}

/**
 * Records a finished call, with the properties the engine now keeps and the NIC's true state at
 * this very moment (nothing is awaited between the handler returning and this snapshot).
 */
export function recordOp(
  ctx: OpContext,
  spec: ResourceSpec,
  done: Finished,
  settled: Settled<unknown>,
): OpRecord {
  const stored = ctx.state.get(spec.name);
  const op: OpRecord = {
    index: ctx.ops.length,
    resource: spec.name,
    kind: done.kind,
    round: ctx.round,
    startMs: settled.startMs,
    endMs: settled.endMs,
    targetInstanceId: done.target,
    ...(done.timeoutMs === undefined ? {} : { timeoutMs: done.timeoutMs }),
    outcome: done.outcome,
    ...(settled.ok ? {} : { error: errorHeadline(settled.error), errorText: errorText(settled.error) }),
    ...(stored === undefined ? {} : { storedProps: stored.props }),
    nicAfter: nicNow(ctx.world, spec.nicId),
  };
  ctx.ops.push(op);
  return op;
}

/** Handler outputs as the engine stores them: a plain property bag. */
export function propsOf(outs: AttachmentOutputs | undefined): Readonly<Record<string, unknown>> {
  return { ...outs };
}

/** The stored properties, typed as the handlers take them; the engine passes them untyped. */
export function asOutputs(props: Readonly<Record<string, unknown>>): AttachmentOutputs {
  return props as unknown as AttachmentOutputs;
}
