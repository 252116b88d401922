import type { SimulatorRuntime } from "../simulator";
import type { InstanceRecord, NicRecord } from "../state/records";
import type { ApiVersion } from "../types/wire";
import { SUPPORTED_VERSIONS } from "../types/wire";
import {
  attachNetworkInterface,
  createNetworkInterface,
  deleteNetworkInterface,
  describeNetworkInterfaces,
  detachNetworkInterface,
  modifyNetworkInterfaceAttribute,
} from "./actions/nics";
import { describeInstances, startInstances, stopInstances } from "./actions/instances";
import type { BusinessErrorKey } from "./errorCodes";
import { businessError, commonError } from "./errorCodes";
import type { Params } from "./validate";
import { parseParams } from "./validate";

/** What an action sees besides its parameters. @internal */
export interface ActionContext {
  readonly runtime: SimulatorRuntime;
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

/** The `zec` actions the simulator implements, by their `X-ZC-Action` name. */
const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  CreateNetworkInterface: createNetworkInterface,
  ModifyNetworkInterfaceAttribute: modifyNetworkInterfaceAttribute,
  DeleteNetworkInterface: deleteNetworkInterface,
  AttachNetworkInterface: attachNetworkInterface,
  DetachNetworkInterface: detachNetworkInterface,
  DescribeInstances: describeInstances,
  StartInstances: startInstances,
  StopInstances: stopInstances,
};

/** Names of the implemented actions (for documentation and the CLI banner). @internal */
export const SUPPORTED_ACTIONS: readonly string[] = Object.keys(ACTIONS);

function supportedVersion(version: string | null): ApiVersion | undefined {
  return SUPPORTED_VERSIONS.find((candidate) => candidate === version);
}

/**
 * Finds and runs the action. An unknown action, or an unknown or missing version, answers
 * AUTHFAILURE_UNAUTHORIZED_OPERATION (403): the gateway routes by (version, action), and the
 * CSI driver glosses that code as "the interface does not exist or no permission".
 * @internal
 */
export function dispatch(
  action: string | null,
  version: string | null,
  rawBody: string,
  runtime: SimulatorRuntime,
): ActionResult {
  const handler = action !== null && Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  const apiVersion = supportedVersion(version);
  if (handler === undefined || apiVersion === undefined) {
    throw commonError(
      "AUTHFAILURE_UNAUTHORIZED_OPERATION",
      `The action ${action ?? "(none)"} does not exist in version ${version ?? "(none)"} or is not permitted.`,
    );
  }
  return handler(parseParams(rawBody), { runtime, version: apiVersion });
}
