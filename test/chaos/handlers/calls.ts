import type { AttachmentOutputs } from "../../../provider/index";
import { parseAttachmentId, parseDuration } from "../../../provider/index";
import { errorHeadline, errorText } from "../errorText";
import { nicView } from "../cloud";
import type { CommandName } from "../plan";
import type { OpKind, OpOutcome, OpRecord, ResourceSpec } from "../trace";
import { programInputs } from "./world";
import type { World } from "./world";

/**
 * The handler executor's model of the Pulumi engine: what it stores per resource, and the four
 * handler calls applied to it exactly as the engine applies them:
 * - create: success stores `outs`; an error with an `id` stores the error's `properties` with init
 *   errors (so the next `up` calls `update`); an error without one stores nothing;
 * - update: the same, keeping the id; any other error keeps the old record;
 * - read: an empty id drops the record; else it stores what was read; an error changes nothing;
 * - delete: success drops the record; an error keeps it.
 * Within a command the engine runs every resource's steps at once, one resource's steps in order.
 */
export interface StoredResource {
  readonly id: string;
  readonly props: Readonly<Record<string, unknown>>;
  readonly initErrors: boolean;
}

/** One run's engine state, the resources the program declares, and the operations so far. */
export interface Model {
  readonly world: World;
  readonly stored: Map<string, StoredResource>;
  readonly declared: Set<string>;
  readonly ops: OpRecord[];
  command: number;
}

/** The instance a stored resource refers to, as the provider's read and delete work it out: its id first. */
export function storedInstance(record: StoredResource): string {
  const fromProps = record.props["instanceId"];
  return parseAttachmentId(record.id)?.instanceId ?? (typeof fromProps === "string" ? fromProps : "");
}

/** The timeout a handler reads from its properties, as the provider parses it (its default: 10 minutes). */
function timeoutOf(holder: { readonly timeouts?: unknown }, which: "create" | "delete"): number {
  const text = (holder.timeouts as Record<string, unknown> | undefined)?.[which];
  return (typeof text === "string" ? parseDuration(text) : undefined) ?? 600_000;
}

const asOutputs = (props: Readonly<Record<string, unknown>>): AttachmentOutputs =>
  props as unknown as AttachmentOutputs;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The `id` and `properties` of a "created but not ready" error, when the error is one. */
function initFailure(error: unknown): { id: string; properties: Record<string, unknown> } | undefined {
  const { id, properties } = (typeof error === "object" && error !== null ? error : {}) as Record<
    string,
    unknown
  >;
  if (typeof id !== "string" || id === "") return undefined;
  return {
    id,
    properties:
      typeof properties === "object" && properties !== null ? (properties as Record<string, unknown>) : {},
  };
}

/**
 * Makes one handler call, applies its result to the engine state (`apply`), and records it with
 * the NIC's true state the moment it returned (nothing is awaited in between).
 */
async function call<T>(
  m: Model,
  spec: ResourceSpec,
  what: { kind: OpKind; target: string; timeoutMs?: number },
  work: () => Promise<T>,
  apply: (settled: Settled<T>) => OpOutcome,
): Promise<OpRecord> {
  const startMs = Date.now();
  const settled: Settled<T> = await work().then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
  const endMs = Date.now();
  const outcome = apply(settled);
  const stored = m.stored.get(spec.name);
  const op: OpRecord = {
    index: m.ops.length,
    command: m.command,
    resource: spec.name,
    kind: what.kind,
    startMs,
    endMs,
    targetInstanceId: what.target,
    ...(what.timeoutMs === undefined ? {} : { timeoutMs: what.timeoutMs }),
    outcome,
    inStateAfter: stored !== undefined,
    ...(settled.ok ? {} : { error: errorHeadline(settled.error), errorText: errorText(settled.error) }),
    ...(stored === undefined ? {} : { storedProps: stored.props }),
    nicAfter: nicView(m.world.sim, spec.nicId),
  };
  m.ops.push(op);
  return op;
}

/** How the engine keeps a create's or update's result: `id` is the old one for an update. */
function keep(m: Model, spec: ResourceSpec, id?: string) {
  return (settled: Settled<{ id?: string; outs?: AttachmentOutputs }>): OpOutcome => {
    if (settled.ok) {
      m.stored.set(spec.name, {
        id: id ?? settled.value.id ?? "",
        props: { ...settled.value.outs },
        initErrors: false,
      });
      return "ok";
    }
    const partial = initFailure(settled.error);
    if (partial === undefined) return "failed";
    m.stored.set(spec.name, { id: id ?? partial.id, props: partial.properties, initErrors: true });
    return "partial";
  };
}

function create(m: Model, spec: ResourceSpec): Promise<OpRecord> {
  const inputs = programInputs(spec);
  const what = { kind: "create", target: spec.instanceId, timeoutMs: timeoutOf(inputs, "create") } as const;
  return call(m, spec, what, () => m.world.provider.create(inputs), keep(m, spec));
}

function update(m: Model, spec: ResourceSpec, old: StoredResource): Promise<OpRecord> | undefined {
  const { update } = m.world.provider;
  const news = programInputs(spec);
  const what = { kind: "update", target: spec.instanceId, timeoutMs: timeoutOf(news, "create") } as const;
  return (
    update && call(m, spec, what, () => update(old.id, asOutputs(old.props), news), keep(m, spec, old.id))
  );
}

function read(m: Model, spec: ResourceSpec, old: StoredResource): Promise<OpRecord> | undefined {
  const { read } = m.world.provider;
  return (
    read &&
    call(
      m,
      spec,
      { kind: "read", target: storedInstance(old) },
      () => read(old.id, asOutputs(old.props)),
      (s) => {
        if (s.ok && !s.value.id) m.stored.delete(spec.name);
        else if (s.ok)
          m.stored.set(spec.name, { id: old.id, props: { ...s.value.props }, initErrors: false });
        return !s.ok ? "failed" : s.value.id ? "ok" : "dropped";
      },
    )
  );
}

function remove(m: Model, spec: ResourceSpec, old: StoredResource): Promise<OpRecord> | undefined {
  const { delete: del } = m.world.provider;
  const what = {
    kind: "delete",
    target: storedInstance(old),
    timeoutMs: timeoutOf(old.props, "delete"),
  } as const;
  return (
    del &&
    call(
      m,
      spec,
      what,
      () => del(old.id, asOutputs(old.props)),
      (s) => {
        if (s.ok) m.stored.delete(spec.name);
        return s.ok ? "ok" : "failed";
      },
    )
  );
}

/**
 * What `up` does for a declared resource: create it, replace it (delete first, then create once
 * the delete succeeded: a NIC can be on one instance only, so the provider's diff always asks for
 * delete-first, and anything else is refused rather than modelled wrongly), update it (kept with
 * init errors, or changed inputs), or nothing.
 */
async function converge(m: Model, spec: ResourceSpec): Promise<void> {
  const old = m.stored.get(spec.name);
  if (old === undefined) {
    await create(m, spec);
    return;
  }
  const diff = (await m.world.provider.diff?.(old.id, asOutputs(old.props), programInputs(spec))) ?? {};
  if ((diff.replaces?.length ?? 0) > 0) {
    if (diff.deleteBeforeReplace !== true)
      throw new Error(`chaos model: ${spec.name} needs create-before-delete`);
    if ((await remove(m, spec, old))?.outcome === "ok") await create(m, spec);
  } else if (old.initErrors || diff.changes === true) await update(m, spec, old);
}

/** Runs a command: `refresh`, `destroy`, or an `up` (the deletes of resources no longer declared run last). */
export async function runCommand(m: Model, name: CommandName): Promise<void> {
  const stored = (specs: readonly ResourceSpec[]): { spec: ResourceSpec; old: StoredResource }[] =>
    specs.flatMap((spec) => [m.stored.get(spec.name)].flatMap((old) => (old ? [{ spec, old }] : [])));
  if (name === "refresh") {
    await Promise.all(stored(m.world.specs).map(({ spec, old }) => read(m, spec, old)));
    return;
  }
  if (name === "destroy") m.declared.clear();
  await Promise.all(
    m.world.specs.filter((spec) => m.declared.has(spec.name)).map((spec) => converge(m, spec)),
  );
  const removed = stored(m.world.specs.filter((spec) => !m.declared.has(spec.name)));
  await Promise.all(removed.map(({ spec, old }) => remove(m, spec, old)));
}
