import { isZenlayerApiError } from "../../sdk/index";
import type { NicInfo, WaitDecision } from "../../sdk/index";
import { withInstanceLock } from "../shared/instanceLocks";
import type { HandlerContext } from "../shared/handlerContext";
import { progressPrinter } from "../shared/progress";
import { describeApiFailure, STATUS_CONFLICT_CODES } from "./apiFailure";
import { findNic, isBoundTo } from "./cloudState";
import { isPassingTrouble, pollUntil } from "./poll";
import { waitForRunningInstance } from "./instanceReadiness";

/** Where an attach stands; `bound` means the attachment exists, finished or not. */
export interface AttachProgress {
  bound: boolean;
  lastNic: NicInfo | undefined;
}

function attachedElsewhere(nicId: string, other: string, instanceId: string): Error {
  return new Error(
    `NIC ${nicId} is attached to instance ${other}, not ${instanceId}. Detach it there first (or remove the ` +
      "attachment resource that owns it), then run `pulumi up` again",
  );
}

/** Decides, from one read, whether the NIC can be attached now, is already ours, or never will be. */
function readiness(nic: NicInfo | undefined, nicId: string, instanceId: string): WaitDecision<NicInfo> {
  if (nic === undefined) {
    return { kind: "failed", error: new Error(`NIC ${nicId} does not exist in Zenlayer Cloud`) };
  }
  if (isBoundTo(nic, instanceId) || nic.status === "AVAILABLE") {
    return { kind: "done", value: nic };
  }
  if (nic.status === "PENDING" || nic.status === "DETACHING") {
    return { kind: "pending", observed: nic.status };
  }
  if (nic.instanceId && nic.instanceId !== instanceId) {
    return { kind: "failed", error: attachedElsewhere(nicId, nic.instanceId, instanceId) };
  }
  return { kind: "failed", error: new Error(`NIC ${nicId} is ${nic.status} and cannot be attached`) };
}

/** Sends AttachNetworkInterface once; status conflicts become "try again", not failures. */
async function tryAttach(
  ctx: HandlerContext,
  nicId: string,
  instanceId: string,
): Promise<WaitDecision<void>> {
  try {
    await ctx.client.attachNetworkInterface({ nicId, instanceId });
    return { kind: "done", value: undefined };
  } catch (error) {
    if (!isZenlayerApiError(error) || isPassingTrouble(error)) {
      throw error; // passing trouble: the poll tries again
    }
    const nic = await findNic(ctx.client, nicId);
    if (nic && isBoundTo(nic, instanceId)) {
      return { kind: "done", value: undefined }; // an earlier, ambiguous attempt went through
    }
    if (error.code === "INVALID_NIC_ATTACHED" && nic?.instanceId) {
      return { kind: "failed", error: attachedElsewhere(nicId, nic.instanceId, instanceId) };
    }
    if (STATUS_CONFLICT_CODES.has(error.code)) {
      return { kind: "pending", observed: `${nic?.status ?? "gone"} (${error.code})` };
    }
    return {
      kind: "failed",
      error: new Error(describeApiFailure(`cannot attach NIC ${nicId} to instance ${instanceId}`, error)),
    };
  }
}

function attachedDecision(
  nic: NicInfo | undefined,
  nicId: string,
  instanceId: string,
): WaitDecision<NicInfo> {
  if (nic === undefined) {
    return { kind: "failed", error: new Error(`NIC ${nicId} disappeared while attaching to ${instanceId}`) };
  }
  if (nic.instanceId === instanceId && nic.status === "USED") {
    return { kind: "done", value: nic };
  }
  if (nic.instanceId && nic.instanceId !== instanceId) {
    return { kind: "failed", error: attachedElsewhere(nicId, nic.instanceId, instanceId) };
  }
  return { kind: "pending", observed: nic.status };
}

/**
 * Brings the NIC to USED on the instance: waits for the instance to run, adopts an attachment that
 * already exists (re-runs and interrupted `up`s), otherwise attaches, then polls until Zenlayer
 * reports it done. `progress.bound` tells the caller whether a failure left a real attachment.
 * @internal
 */
export async function attachAndWait(
  ctx: HandlerContext,
  nicId: string,
  instanceId: string,
  deadline: number,
  progress: AttachProgress,
): Promise<NicInfo> {
  await waitForRunningInstance(
    ctx,
    { instanceId, purpose: "attach", action: `attach NIC ${nicId} to instance ${instanceId}` },
    deadline,
  );
  return withInstanceLock(instanceId, async () => {
    const say = progressPrinter((status) => `nic ${nicId} ${status} to ${instanceId}`, ctx.log);
    const nic = await pollUntil(ctx, deadline, say, async () =>
      readiness(await findNic(ctx.client, nicId), nicId, instanceId),
    );
    progress.lastNic = nic;
    if (!isBoundTo(nic, instanceId)) {
      await pollUntil(ctx, deadline, say, () => tryAttach(ctx, nicId, instanceId));
    }
    progress.bound = true;
    return pollUntil(ctx, deadline, say, async () => {
      progress.lastNic = await findNic(ctx.client, nicId);
      return attachedDecision(progress.lastNic, nicId, instanceId);
    });
  });
}
