import type { AttachmentInputs } from "../../provider/index";
import {
  asOutputs,
  initFailure,
  propsOf,
  recordOp,
  settleCall,
  storedInstance,
  timeoutOf,
} from "./operations";
import type { OpContext } from "./operations";
import type { OpRecord, ResourceSpec } from "./trace";
import { programInputs } from "./world";

/**
 * The four handler calls the engine makes, each applied to the engine state exactly as the
 * engine applies it (see EngineState) and recorded with its timing and outcome.
 */

/** `up` for a resource not in state. */
export async function callCreate(ctx: OpContext, spec: ResourceSpec): Promise<OpRecord> {
  const inputs: AttachmentInputs = programInputs(spec);
  const settled = await settleCall(() => ctx.world.provider.create(inputs));
  let outcome: OpRecord["outcome"] = "failed";
  if (settled.ok) {
    ctx.state.store(spec.name, {
      id: settled.value.id,
      props: propsOf(settled.value.outs),
      initErrors: false,
    });
    outcome = "ok";
  } else {
    const partial = initFailure(settled.error);
    if (partial !== undefined) {
      ctx.state.store(spec.name, { id: partial.id, props: partial.properties, initErrors: true });
      outcome = "partial";
    }
  }
  const done = {
    kind: "create",
    target: inputs.instanceId,
    timeoutMs: timeoutOf(inputs, "create"),
    outcome,
  } as const;
  return recordOp(ctx, spec, done, settled);
}

/** `up` for a resource kept with init errors (or with changed inputs that need no replacement). */
export async function callUpdate(ctx: OpContext, spec: ResourceSpec): Promise<OpRecord | undefined> {
  const old = ctx.state.get(spec.name);
  const update = ctx.world.provider.update;
  if (old === undefined || update === undefined) return undefined;
  const news = programInputs(spec);
  const settled = await settleCall(() => update(old.id, asOutputs(old.props), news));
  let outcome: OpRecord["outcome"] = "failed";
  if (settled.ok) {
    ctx.state.store(spec.name, { id: old.id, props: propsOf(settled.value.outs), initErrors: false });
    outcome = "ok";
  } else {
    const partial = initFailure(settled.error);
    if (partial !== undefined) {
      ctx.state.store(spec.name, { id: old.id, props: partial.properties, initErrors: true });
      outcome = "partial";
    }
  }
  const done = {
    kind: "update",
    target: news.instanceId,
    timeoutMs: timeoutOf(news, "create"),
    outcome,
  } as const;
  return recordOp(ctx, spec, done, settled);
}

/** `refresh` of a resource in state. */
export async function callRead(ctx: OpContext, spec: ResourceSpec): Promise<OpRecord | undefined> {
  const old = ctx.state.get(spec.name);
  const read = ctx.world.provider.read;
  if (old === undefined || read === undefined) return undefined;
  const settled = await settleCall(() => read(old.id, asOutputs(old.props)));
  let outcome: OpRecord["outcome"] = "failed";
  if (settled.ok && !settled.value.id) {
    ctx.state.drop(spec.name);
    outcome = "dropped";
  } else if (settled.ok) {
    ctx.state.store(spec.name, { id: old.id, props: propsOf(settled.value.props), initErrors: false });
    outcome = "ok";
  }
  return recordOp(ctx, spec, { kind: "read", target: storedInstance(old), outcome }, settled);
}

/** `destroy`, a removal from the program, or the first half of a delete-before-replace. */
export async function callDelete(ctx: OpContext, spec: ResourceSpec): Promise<OpRecord | undefined> {
  const old = ctx.state.get(spec.name);
  const remove = ctx.world.provider.delete;
  if (old === undefined || remove === undefined) return undefined;
  const settled = await settleCall(() => remove(old.id, asOutputs(old.props)));
  if (settled.ok) ctx.state.drop(spec.name);
  const outcome = settled.ok ? "ok" : "failed";
  const done = {
    kind: "delete",
    target: storedInstance(old),
    timeoutMs: timeoutOf(old.props, "delete"),
    outcome,
  } as const;
  return recordOp(ctx, spec, done, settled);
}
