/**
 * The contract between the router and the actions: what an action receives, what it returns, and
 * the lookups and rule checks every action shares. Both import it, so an action never needs the
 * router that calls it.
 * @packageDocumentation
 */
import type { Engine } from "../state/engine";
import type { InstanceRecord, NicRecord } from "../state/records";
import type { ErrorCodeGeneration } from "../types/options";
import type { ApiVersion } from "../types/wire";
import type { BusinessErrorKey } from "./errorCodes";
import { businessError } from "./errorCodes";
import type { Params } from "./validate";

/** Settings the control surface may change while the simulator runs; the actions answer by them. @internal */
export interface MutableSettings {
  errorCodes: ErrorCodeGeneration;
  nicLimitPerInstance: number;
}

/**
 * The part of a simulator's runtime that actions use: the state they act on and the settings
 * they answer by. Narrower than the whole runtime, so the actions know nothing of the server,
 * the log or authentication. @internal
 */
export interface ActionRuntime {
  readonly engine: Engine;
  readonly settings: MutableSettings;
}

/** What an action sees besides its parameters. @internal */
export interface ActionContext {
  readonly runtime: ActionRuntime;
  readonly version: ApiVersion;
}

/** The action-specific fields of `response` (the pipeline adds `requestId`). @internal */
export type ActionResult = Readonly<Record<string, unknown>>;

/**
 * One API action: validate, check the rules against the true state, apply. Synchronous, hence
 * atomic: Node never interleaves another request between an action's check and its write.
 * @internal
 */
export type ActionHandler = (params: Params, context: ActionContext) => ActionResult;

/** The true NIC record, or the generation's not-found error. @internal */
export function requireNic(context: ActionContext, nicId: string): NicRecord {
  const nic = context.runtime.engine.store.nics.get(nicId);
  if (nic === undefined)
    throw businessError("nicNotFound", context.runtime.settings.errorCodes, `nicId ${nicId}`);
  return nic;
}

/** The true instance record, or the generation's not-found error. @internal */
export function requireInstance(context: ActionContext, instanceId: string): InstanceRecord {
  const instance = context.runtime.engine.store.instances.get(instanceId);
  if (instance === undefined) {
    throw businessError("instanceNotFound", context.runtime.settings.errorCodes, `instanceId ${instanceId}`);
  }
  return instance;
}

/** Throws the error for a violated rule, if any, in the configured generation. @internal */
export function rejectViolation(
  context: ActionContext,
  violation: BusinessErrorKey | null,
  subject: string,
): void {
  if (violation !== null) throw businessError(violation, context.runtime.settings.errorCodes, subject);
}
