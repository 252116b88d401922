import { isZenlayerApiError } from "../../../sdk/index";
import type { NicInfo, WaitDecision } from "../../../sdk/index";
import { displayText } from "../../../sdk/util/displayValue";
import type { Operation } from "../operation";
import type { NicView } from "../readLag";
import { detachAndWait } from "../attachment/detach";

/** How a delete treats a NIC it finds attached to an instance. */
export interface DeleteOptions {
  /**
   * Detach it first (from whatever instance it is attached to) instead of failing. Off by default:
   * a NIC that something outside this stack attached is in use, and cutting it off is the user's
   * decision.
   */
  readonly forceDetach: boolean;
}

/** Statuses that end on their own; a delete waits them out before deciding. */
const SETTLING = new Set(["PENDING", "ATTACHING", "DETACHING", "DELETING"]);

/** A read still listing the NIC as it was before a delete. */
const showsUndeleted = (nic: NicView): boolean => nic !== undefined && nic.status !== "DELETING";

/** Refusals that mean "the NIC changed since the look": look again. */
const LOOK_AGAIN_CODES = new Set(["INVALID_NIC_ATTACHED", "INVALID_NIC_STATUS"]);

/** One delete of one NIC: whether Zenlayer accepted a DeleteNetworkInterface for it. */
class Deletion {
  deleteAccepted = false;

  constructor(
    readonly op: Operation,
    readonly nicId: string,
    readonly options: DeleteOptions,
  ) {}

  /** One look: done once the NIC is confirmed gone; else wait, detach, or send the delete. */
  async step(): Promise<WaitDecision<void>> {
    const seen = await this.op.readNic(this.nicId);
    if (this.op.reads.judge(seen.value, seen.at) === "lagging") return this.op.lagging(seen.value);
    const nic = seen.value;
    if (nic === undefined) {
      const verdict = `NIC ${this.nicId} is gone`;
      if (!this.op.reads.confirms(verdict, seen.at)) return this.op.awaitConfirmation(verdict);
      this.op.ctx.log(this.deleteAccepted ? `nic ${this.nicId} deleted` : `${verdict}: no delete needed`);
      return { kind: "done", value: undefined };
    }
    this.op.reads.contradicted();
    if (nic.nicType === "Primary") return { kind: "failed", error: primaryRefusal(nic) };
    if (SETTLING.has(nic.status) || this.op.reads.mayHideOwnWrite(seen.at)) {
      return { kind: "pending", observed: displayText(nic.status) };
    }
    if (nic.instanceId) return this.detachFirst(nic);
    return this.sendDelete();
  }

  /** A NIC still attached: detached first when the user said so, otherwise the delete fails. */
  async detachFirst(nic: NicInfo): Promise<WaitDecision<void>> {
    const instanceId = nic.instanceId ?? "";
    if (!this.options.forceDetach) return { kind: "failed", error: attachedRefusal(nic) };
    this.op.ctx.log(
      `nic ${this.nicId}: attached to instance ${displayText(instanceId)}; detaching it first (forceDetach)`,
    );
    await detachAndWait(this.op, this.nicId, instanceId);
    return { kind: "pending", observed: "detached; deleting" };
  }

  /**
   * One DeleteNetworkInterface. Zenlayer itself refuses to delete an attached NIC, so a NIC
   * attached between the look and the send is safe: the refusal makes the next step look again.
   * "Not found" is the write's own, authoritative answer: the NIC is gone.
   */
  async sendDelete(): Promise<WaitDecision<void>> {
    const sentAt = this.op.ctx.now();
    try {
      await this.op.ctx.client.deleteNetworkInterface({ nicId: this.nicId }, this.op.callOptions());
      this.op.wrote(sentAt, true);
      this.op.expect("the accepted DeleteNetworkInterface", showsUndeleted, sentAt, true);
      this.deleteAccepted = true;
      return { kind: "pending", observed: "DELETING" };
    } catch (error) {
      if (!isZenlayerApiError(error)) throw error;
      // It may have executed; sending it again is harmless (Zenlayer answers "not found").
      if (error.category === "transient") this.op.wrote(sentAt, false);
      if (error.category === "not-found") {
        this.op.ctx.log(`nic ${this.nicId}: ${error.code}, already deleted`);
        return { kind: "done", value: undefined };
      }
      if (LOOK_AGAIN_CODES.has(error.code)) {
        return { kind: "pending", observed: `${error.code} (request id ${error.requestId ?? "none"})` };
      }
      throw error; // the operation's loop retries what was not executed, fails the rest
    }
  }
}

function primaryRefusal(nic: NicInfo): Error {
  const owner = nic.instanceId ? ` of instance ${displayText(nic.instanceId)}` : "";
  return new Error(
    `NIC ${nic.nicId} is the primary NIC${owner}, which Zenlayer releases only together with its instance; ` +
      "it cannot be managed as a NetworkInterface: remove it from the stack with `pulumi state delete <urn>`",
  );
}

function attachedRefusal(nic: NicInfo): Error {
  return new Error(
    `NIC ${nic.nicId} is attached to instance ${displayText(nic.instanceId ?? "")}, so Zenlayer will not delete it. ` +
      "Detach it (remove its NetworkInterfaceAttachment, or detach it where it was attached), " +
      "or set `forceDetach: true` on the NetworkInterface to have the delete detach it: record that with " +
      "`pulumi up` (add `--target <this resource's URN>` if the rest of the program cannot be applied now), " +
      "then delete again",
  );
}

/**
 * Deletes the NIC and waits until Zenlayer no longer lists it, within the operation's deadline.
 * Idempotent: a NIC that is gone needs no call, once a read that Zenlayer's lag cannot fake
 * confirms it. An attached NIC is detached first only with `forceDetach`; otherwise the delete
 * fails, naming the instance, and nothing is changed.
 * @internal
 */
export async function deleteAndWait(op: Operation, nicId: string, options: DeleteOptions): Promise<void> {
  const deletion = new Deletion(op, nicId, options);
  await op.converge(() => deletion.step());
}
