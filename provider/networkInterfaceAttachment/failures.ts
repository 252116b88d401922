import type { NicInfo, ZenlayerApiError } from "../../sdk/index";
import { outputsFromNic } from "./outputs";
import type { AttachmentInputs, AttachmentOutputs } from "./types";

/** The property under which the engine keeps a dynamic resource's serialized provider. */
const PROVIDER_KEY = "__provider";

/** Codes that mean "the NIC (or what it points to) no longer exists", in both code generations. */
export function isGone(error: ZenlayerApiError): boolean {
  return error.category === "not-found";
}

/** The older docs' answer to detaching a NIC that is not attached to anything. */
export const NOT_ATTACHED_CODE = "OPERATION_DENIED_NIC_NOT_EXIST_INSTANCE";

/** Answers that blame the instance's state: look at the instance to tell "not yet" from "never". */
export const INSTANCE_CONFLICT_CODES: ReadonlySet<string> = new Set([
  "OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT",
  "INVALID_INSTANCE_PRECHECK_ABNORMAL",
  "INVALID_INSTANCE_NOT_FOUND",
]);

/** What a user can do about each permanent answer; the API's own message is not meant for people. */
const ADVICE: Readonly<Record<string, string>> = {
  INVALID_NIC_PRIMARY_CANT_DETACH:
    "it is the instance's primary NIC, which can only be released together with the instance; remove this " +
    "resource from the program with `retainOnDelete: true` or `pulumi state delete <urn>`",
  INVALID_NIC_LB_ASSOCIATED:
    "an IP of this NIC is a load balancer backend; remove it from the load balancer, then run the command again",
  INVALID_NIC_INSTANCE_REGION_MISMATCH:
    "the NIC and the instance must be in the same region; pick a NIC there",
  INVALID_INSTANCE_NIC_LIMIT: "the instance has as many NICs as it can take; detach another NIC first",
  OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT:
    "the instance must be RUNNING; start it and run the command again, or use `deletedWith`/`retainOnDelete`",
};

/**
 * An error that tells a user what failed, where, which Zenlayer code and request id to quote to
 * support, and what to do next; the API error stays reachable as `cause`. An error that blames
 * the endpoint (unreachable, or not the Zenlayer API) says so, with the settings that chose it.
 * Never includes request headers or credentials.
 * @internal
 */
export function apiFailure(what: string, error: ZenlayerApiError): Error {
  if (error.blamesEndpoint) {
    return new Error(`${what}: ${error.message}`, { cause: error });
  }
  const advice =
    ADVICE[error.code] ?? "see the Zenlayer error code above; fix the cause and run the command again";
  const message = `${what}: Zenlayer answered ${error.code} (request id ${error.requestId ?? "none"}): ${advice}`;
  return new Error(message, { cause: error });
}

function outputsSoFar(inputs: AttachmentInputs, nic: NicInfo | undefined): AttachmentOutputs {
  if (nic !== undefined) {
    return outputsFromNic(inputs, nic);
  }
  const empty = { status: "UNKNOWN", nicType: "", nicName: "", regionId: "", vpcId: "", subnetId: "" };
  return { ...inputs, ...empty, primaryIpv4: "", privateIpList: [], macAddress: "" };
}

/**
 * An error the dynamic-provider host reports as "created, but not ready": the engine keeps the
 * resource in state and the next `up` continues it through `update`. The serialized provider
 * must be copied into the properties by hand, or a later `destroy` would have no code to run.
 * The original error stays reachable as `cause`.
 * @internal
 */
export function partialFailure(
  id: string,
  inputs: AttachmentInputs & Record<string, unknown>,
  nic: NicInfo | undefined,
  failure: Error,
): Error & { id: string; properties: Record<string, unknown>; reasons: string[] } {
  const properties: Record<string, unknown> = {
    ...outputsSoFar(inputs, nic),
    [PROVIDER_KEY]: inputs[PROVIDER_KEY],
  };
  const error = new Error(failure.message, { cause: failure.cause ?? failure });
  return Object.assign(error, { id, properties, reasons: [failure.message] });
}
