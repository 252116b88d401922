import { isWaitTimeoutError } from "../../sdk/index";
import type { WaitDecision } from "../../sdk/index";
import type { HandlerContext } from "../shared/handlerContext";
import { progressPrinter } from "../shared/progress";
import { findInstance } from "./cloudState";
import { pollUntil } from "./poll";

/** Statuses an instance leaves by itself and soon ends up RUNNING from. */
const SETTLING = new Set(["BOOTING", "REBOOT", "DEPLOYING", "PENDING", "REBUILDING", "RESIZING", "IMAGING"]);

/** A NIC change waiting on an instance: which one, and for what. */
export interface InstanceNeed {
  readonly instanceId: string;
  readonly purpose: "attach" | "detach";
  /** Names the change for messages, e.g. `detach NIC 1 from instance 2`. */
  readonly action: string;
}

function stoppedAdvice(purpose: InstanceNeed["purpose"]): string {
  if (purpose === "attach") {
    return "start the instance, then run `pulumi up` again";
  }
  return (
    "start the instance and run the command again; if the instance is being deleted anyway, give the " +
    "attachment `deletedWith: <instance>` (or `retainOnDelete: true`) so Pulumi skips the detach"
  );
}

/**
 * Zenlayer changes NICs only on RUNNING instances. Passing states are worth waiting for; a
 * stopped or missing instance is not, so those fail at once with what to do.
 * @internal
 */
export function instanceDecision(status: string | undefined, need: InstanceNeed): WaitDecision<void> {
  if (status === "RUNNING") {
    return { kind: "done", value: undefined };
  }
  if (status !== undefined && SETTLING.has(status)) {
    return { kind: "pending", observed: status };
  }
  const reason =
    status === undefined
      ? `instance ${need.instanceId} does not exist in Zenlayer Cloud`
      : `instance ${need.instanceId} is ${status}; ${stoppedAdvice(need.purpose)}`;
  return { kind: "failed", error: new Error(`cannot ${need.action}: ${reason}`) };
}

/**
 * Waits, within the deadline, for an instance in a passing state (booting, rebooting) to run.
 * @internal
 */
export async function waitForRunningInstance(
  ctx: HandlerContext,
  need: InstanceNeed,
  deadline: number,
): Promise<void> {
  const say = progressPrinter(
    (status) => `instance ${need.instanceId} ${status}, waiting for RUNNING`,
    ctx.log,
  );
  try {
    await pollUntil(ctx, deadline, say, async () =>
      instanceDecision((await findInstance(ctx.client, need.instanceId))?.status, need),
    );
  } catch (error) {
    if (isWaitTimeoutError(error)) {
      throw new Error(
        `cannot ${need.action}: instance ${need.instanceId} did not become RUNNING in time ` +
          `(last status ${error.lastObserved ?? "unknown"}); run the command again once it runs, or raise the timeout`,
        { cause: error },
      );
    }
    throw error;
  }
}
