/**
 * How the attachment judges a NIC change Zenlayer refused for its instance's sake: the codes that
 * say so, and the one look at the instance that tells "not yet" from "never".
 * @packageDocumentation
 */
import type { WaitDecision, ZenlayerApiError } from "../../../sdk/index";
import { displayText } from "../../../sdk/util/displayValue";
import type { Operation } from "../operation";

/** The older docs' answer to detaching a NIC that is not attached to anything. */
export const NOT_ATTACHED_CODE = "OPERATION_DENIED_NIC_NOT_EXIST_INSTANCE";

/** Answers that blame the instance's state: look at the instance to tell "not yet" from "never". */
export const INSTANCE_CONFLICT_CODES: ReadonlySet<string> = new Set([
  "OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT",
  "INVALID_INSTANCE_PRECHECK_ABNORMAL",
  "INVALID_INSTANCE_NOT_FOUND",
]);

/** Statuses an instance leaves by itself and soon ends up RUNNING from. */
const SETTLING = new Set(["BOOTING", "REBOOT", "DEPLOYING", "PENDING", "REBUILDING", "RESIZING", "IMAGING"]);

/** A NIC change that Zenlayer refused because of its instance: which instance, and for what. */
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
 * Zenlayer changes NICs only on RUNNING instances, and says so only by refusing the write. After
 * such a refusal the instance is read once: a passing state (booting, rebooting) is worth waiting
 * for; a stopped or missing instance is not, so those fail at once with what to do. A RUNNING
 * instance means the refusal was about a moment that has passed: try again.
 * @internal
 */
export async function instanceVerdict(
  op: Operation,
  need: InstanceNeed,
  refusal: ZenlayerApiError,
): Promise<WaitDecision<never>> {
  const status = (await op.readInstance(need.instanceId)).value?.status;
  if (status === "RUNNING" || (status !== undefined && SETTLING.has(status))) {
    return { kind: "pending", observed: `instance ${displayText(status)}` };
  }
  const reason =
    status === undefined
      ? `instance ${need.instanceId} does not exist in Zenlayer Cloud`
      : `instance ${need.instanceId} is ${displayText(status)}; ${stoppedAdvice(need.purpose)}`;
  const message = `cannot ${need.action}: ${reason} (Zenlayer answered ${refusal.code}, request id ${refusal.requestId ?? "none"})`;
  return { kind: "failed", error: new Error(message, { cause: refusal }) };
}
