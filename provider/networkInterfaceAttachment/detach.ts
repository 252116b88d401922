import { isZenlayerApiError } from "../../sdk/index";
import type { NicInfo, WaitDecision, ZenlayerApiError } from "../../sdk/index";
import { withInstanceLock } from "../shared/instanceLocks";
import type { HandlerContext } from "../shared/handlerContext";
import { progressPrinter } from "../shared/progress";
import { describeApiFailure, isGone, NOT_ATTACHED_CODE, STATUS_CONFLICT_CODES } from "./apiFailure";
import { findInstance, findNic } from "./cloudState";
import { isPassingTrouble, pollUntil } from "./poll";
import { instanceDecision, waitForRunningInstance } from "./instanceReadiness";
import type { InstanceNeed } from "./instanceReadiness";

/** Why a delete needs no DetachNetworkInterface call, in words for the log; `undefined` if it does. */
function nothingToDetach(nic: NicInfo | undefined, nicId: string, instanceId: string): string | undefined {
  if (nic === undefined) {
    return `NIC ${nicId} no longer exists`;
  }
  if (!nic.instanceId) {
    return `NIC ${nicId} is not attached to any instance`;
  }
  if (nic.instanceId !== instanceId) {
    return `NIC ${nicId} is attached to instance ${nic.instanceId}, which this resource does not own; leaving it alone`;
  }
  return undefined;
}

/** Waits out an ATTACHING NIC: detaching it mid-way is refused, and its end state decides what to do. */
function settled(nic: NicInfo | undefined): WaitDecision<NicInfo | undefined> {
  return nic?.status === "ATTACHING"
    ? { kind: "pending", observed: "ATTACHING" }
    : { kind: "done", value: nic };
}

function detachNeed(nicId: string, instanceId: string): InstanceNeed {
  return { instanceId, purpose: "detach", action: `detach NIC ${nicId} from instance ${instanceId}` };
}

/** After a status conflict: done if the NIC moved on, fail if the instance stopped, else retry. */
async function conflictDecision(
  ctx: HandlerContext,
  nicId: string,
  instanceId: string,
  error: ZenlayerApiError,
): Promise<WaitDecision<void>> {
  const nic = await findNic(ctx.client, nicId);
  if (nothingToDetach(nic, nicId, instanceId) !== undefined || nic?.status === "DETACHING") {
    return { kind: "done", value: undefined };
  }
  const instance = await findInstance(ctx.client, instanceId);
  if (instanceDecision(instance?.status, detachNeed(nicId, instanceId)).kind === "failed") {
    const what = `cannot detach NIC ${nicId} from instance ${instanceId} (instance ${instance?.status ?? "gone"})`;
    return { kind: "failed", error: new Error(describeApiFailure(what, error)) };
  }
  return { kind: "pending", observed: `${nic?.status ?? "gone"} (${error.code})` };
}

/** Sends DetachNetworkInterface once and maps every documented answer to done, retry or fail. */
async function tryDetach(
  ctx: HandlerContext,
  nicId: string,
  instanceId: string,
): Promise<WaitDecision<void>> {
  try {
    await ctx.client.detachNetworkInterface({ nicId });
    return { kind: "done", value: undefined };
  } catch (error) {
    if (!isZenlayerApiError(error) || isPassingTrouble(error)) {
      throw error; // passing trouble: the poll tries again
    }
    if (isGone(error) || error.code === NOT_ATTACHED_CODE) {
      ctx.log(`nic ${nicId}: ${error.code}, nothing left to detach`);
      return { kind: "done", value: undefined };
    }
    if (STATUS_CONFLICT_CODES.has(error.code)) {
      return conflictDecision(ctx, nicId, instanceId, error);
    }
    const what = `cannot detach NIC ${nicId} from instance ${instanceId}`;
    return { kind: "failed", error: new Error(describeApiFailure(what, error)) };
  }
}

/** USED right after the call is the old status still being reported, so it counts as pending. */
function detachedDecision(nic: NicInfo | undefined, instanceId: string): WaitDecision<void> {
  if (nic === undefined || nic.instanceId !== instanceId || nic.status === "AVAILABLE") {
    return { kind: "done", value: undefined };
  }
  return { kind: "pending", observed: nic.status };
}

/**
 * Detaches the NIC from the instance and waits until Zenlayer reports it free. Idempotent: a NIC
 * that is gone, detached, or attached to an instance this resource does not own needs no call.
 * @internal
 */
export async function detachAndWait(
  ctx: HandlerContext,
  nicId: string,
  instanceId: string,
  deadline: number,
): Promise<void> {
  const say = progressPrinter((status) => `nic ${nicId} ${status} from ${instanceId}`, ctx.log);
  const nic = await pollUntil(ctx, deadline, say, async () => settled(await findNic(ctx.client, nicId)));
  const reason = nothingToDetach(nic, nicId, instanceId);
  if (reason !== undefined) {
    ctx.log(`${reason}: no detach needed`);
    return;
  }
  await waitForRunningInstance(ctx, detachNeed(nicId, instanceId), deadline);
  await withInstanceLock(instanceId, async () => {
    if (nic?.status !== "DETACHING") {
      await pollUntil(ctx, deadline, say, () => tryDetach(ctx, nicId, instanceId));
    }
    await pollUntil(ctx, deadline, say, async () =>
      detachedDecision(await findNic(ctx.client, nicId), instanceId),
    );
  });
}
