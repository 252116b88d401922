import { isWaitTimeoutError } from "../../sdk/index";
import type { NicInfo } from "../../sdk/index";
import { outputsFromNic } from "./outputs";
import type { AttachmentInputs, AttachmentOutputs } from "./types";

/** The property under which the engine keeps a dynamic resource's serialized provider. */
const PROVIDER_KEY = "__provider";

/**
 * Adds the operation, its timeout and what to do to a waiter's timeout; other errors pass
 * unchanged. The operation's deadline is the timeout, so the time waited is the timeout itself.
 * @internal
 */
export function explainTimeout(error: unknown, operation: string, timeout: string, advice: string): unknown {
  if (!isWaitTimeoutError(error)) {
    return error;
  }
  const seen = `last status ${error.lastObserved ?? "unknown"}`;
  return new Error(`${operation} did not finish within its ${timeout} timeout (${seen}). ${advice}`, {
    cause: error,
  });
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
 * @internal
 */
export function partialFailure(
  id: string,
  inputs: AttachmentInputs & Record<string, unknown>,
  nic: NicInfo | undefined,
  cause: unknown,
): Error & { id: string; properties: Record<string, unknown>; reasons: string[] } {
  const message = cause instanceof Error ? cause.message : String(cause);
  const properties: Record<string, unknown> = {
    ...outputsSoFar(inputs, nic),
    [PROVIDER_KEY]: inputs[PROVIDER_KEY],
  };
  return Object.assign(new Error(message), { id, properties, reasons: [message] });
}
