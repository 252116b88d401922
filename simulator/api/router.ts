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
import type { ActionHandler, ActionResult, ActionRuntime } from "./actionContext";
import { commonError } from "./errorCodes";
import { parseParams } from "./validate";

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
  runtime: ActionRuntime,
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
