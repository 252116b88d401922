import type { SimulatorRuntime } from "../runtime";
import type { ApiVersion } from "../types/wire";
import type { Params } from "./validate";

/** What an action sees besides its parameters. */
export interface ActionContext {
  readonly runtime: SimulatorRuntime;
  readonly version: ApiVersion;
}

/** The action-specific fields of `response` (the pipeline adds `requestId`). */
export type ActionResult = Readonly<Record<string, unknown>>;

/** One API action: validate, check the rules against the true state, apply. Synchronous, hence atomic. */
export type ActionHandler = (params: Params, context: ActionContext) => ActionResult;
