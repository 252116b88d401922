import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { callCreate, callDelete, callRead, callUpdate } from "./handlerCalls";
import { asOutputs } from "./operations";
import type { OpContext } from "./operations";
import type { ResourceSpec } from "./trace";
import { programInputs } from "./world";

/**
 * The engine commands a run issues. Within a command the engine runs every resource's steps at
 * once (its default parallelism is unbounded), one resource's steps in order.
 */

async function diffOf(ctx: OpContext, spec: ResourceSpec): Promise<DiffResult> {
  const stored = ctx.state.get(spec.name);
  const diff = ctx.world.provider.diff;
  if (stored === undefined || diff === undefined) return {};
  return diff(stored.id, asOutputs(stored.props), programInputs(spec));
}

/** What `up` does for a declared resource: create, replace, update, or nothing. */
async function converge(ctx: OpContext, spec: ResourceSpec): Promise<void> {
  if (!ctx.state.has(spec.name)) {
    await callCreate(ctx, spec);
    return;
  }
  const diff = await diffOf(ctx, spec);
  if ((diff.replaces?.length ?? 0) > 0) {
    await replace(ctx, spec, diff.deleteBeforeReplace === true);
  } else if (ctx.state.get(spec.name)?.initErrors === true || diff.changes === true) {
    await callUpdate(ctx, spec);
  }
}

/**
 * A replacement (after a refresh recorded the NIC on another instance): delete first, and create
 * only once the delete succeeded. The provider's diff always asks for delete-first (a NIC can be
 * on one instance only); the model holds one record per resource, so it refuses anything else
 * rather than model create-first wrongly.
 */
async function replace(ctx: OpContext, spec: ResourceSpec, deleteFirst: boolean): Promise<void> {
  if (!deleteFirst) throw new Error(`chaos model: ${spec.name} needs a create-before-delete replacement`);
  const deleted = await callDelete(ctx, spec);
  if (deleted?.outcome === "ok") await callCreate(ctx, spec);
}

/**
 * `pulumi up`: creates, replacements and updates of declared resources in parallel, then the
 * deletes of resources the program no longer declares (the engine deletes last).
 */
export async function up(ctx: OpContext, specs: readonly ResourceSpec[]): Promise<void> {
  const declared = specs.filter((spec) => ctx.state.isDeclared(spec.name));
  await Promise.all(declared.map((spec) => converge(ctx, spec)));
  const removed = specs.filter((spec) => !ctx.state.isDeclared(spec.name) && ctx.state.has(spec.name));
  await Promise.all(removed.map((spec) => callDelete(ctx, spec)));
}

/** `pulumi refresh`: reads every resource in state. */
export async function refresh(ctx: OpContext, specs: readonly ResourceSpec[]): Promise<void> {
  await Promise.all(specs.filter((spec) => ctx.state.has(spec.name)).map((spec) => callRead(ctx, spec)));
}

/** `pulumi destroy`: deletes every resource in state; the program declares nothing any more. */
export async function destroy(ctx: OpContext, specs: readonly ResourceSpec[]): Promise<void> {
  for (const spec of specs) ctx.state.undeclare(spec.name);
  await Promise.all(specs.filter((spec) => ctx.state.has(spec.name)).map((spec) => callDelete(ctx, spec)));
}
