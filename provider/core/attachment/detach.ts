import { isZenlayerApiError } from "../../../sdk/index";
import type { NicInfo, WaitDecision, ZenlayerApiError } from "../../../sdk/index";
import { displayText } from "../../../sdk/util/displayValue";
import { withInstanceLock } from "../instanceLocks";
import type { Observation, Operation } from "../operation";
import type { NicView } from "../readLag";
import { expectEarlierAttach } from "./attach";
import { INSTANCE_CONFLICT_CODES, instanceVerdict, NOT_ATTACHED_CODE } from "./instanceRefusal";

/**
 * How old the look that decides a detach may be when the detach is sent. Sending means waiting for
 * a rate-limit token and maybe the instance lock; a look older than this is taken again.
 */
const FRESH_LOOK_MS = 500;

/** Why a delete needs no DetachNetworkInterface call, in words for the log; `undefined` if it does. */
function nothingToDetach(nic: NicView, nicId: string, instanceId: string): string | undefined {
  if (nic === undefined) return `NIC ${nicId} no longer exists`;
  if (!nic.instanceId) return `NIC ${nicId} is not attached to any instance`;
  if (nic.instanceId !== instanceId) {
    return `NIC ${nicId} is attached to instance ${displayText(nic.instanceId)}, which this resource does not own, so it is left alone`;
  }
  return undefined;
}

/** The NIC a look found when it was about to detach, if it is no longer USED on our instance. */
class MovedSinceLook extends Error {
  constructor(readonly status: string) {
    super(`the NIC is ${status} now`);
  }
}

/** A NIC still USED on `instanceId`: the state a detach changes. */
function usedOn(instanceId: string): (nic: NicView) => boolean {
  return (nic) => nic?.instanceId === instanceId && nic.status === "USED";
}

/** The NIC and instance one delete works on, and whether Zenlayer accepted its detach. */
class Detachment {
  detachAccepted = false;

  constructor(
    readonly op: Operation,
    readonly nicId: string,
    readonly instanceId: string,
  ) {}

  /** One look: done when the NIC is confirmed free of this instance, else wait or detach. */
  async step(): Promise<WaitDecision<void>> {
    const seen = await this.op.readNic(this.nicId);
    if (this.op.reads.judge(seen.value, seen.at) === "lagging") return this.op.lagging(seen.value);
    if (seen.value?.nicType === "Primary") return this.primaryStays(seen.value);
    const reason = nothingToDetach(seen.value, this.nicId, this.instanceId);
    if (reason !== undefined) {
      if (!this.op.reads.confirms(reason, seen.at)) return this.op.awaitConfirmation(reason);
      const done = this.detachAccepted
        ? `nic ${this.nicId} detached from ${this.instanceId}`
        : `${reason}: no detach needed`;
      this.op.ctx.log(done);
      return { kind: "done", value: undefined };
    }
    this.op.reads.contradicted();
    const status = displayText(seen.value?.status ?? "gone");
    if (status !== "USED" || this.op.reads.mayHideOwnWrite(seen.at))
      return { kind: "pending", observed: status };
    return withInstanceLock(
      this.instanceId,
      (lockWaited) => this.sendDetach(seen, lockWaited),
      this.op.deadline.signal,
    );
  }

  /**
   * A primary NIC cannot be detached (Zenlayer releases it with its instance), so an attachment of
   * one (which older versions adopted at create) has nothing it can do: it ends, saying so.
   */
  primaryStays(nic: NicInfo): WaitDecision<void> {
    this.op.ctx.log(
      `nic ${this.nicId} is the primary NIC of instance ${displayText(nic.instanceId ?? "")}; it stays attached ` +
        "until the instance is released, so the attachment is removed from the stack without a detach",
    );
    return { kind: "done", value: undefined };
  }

  /**
   * Sends DetachNetworkInterface, which names only the NIC, under the instance lock. Between the
   * look that chose to detach and the send, the NIC may move to another instance, and that instance
   * must not lose it. So right before the send (its rate-limit token granted), the NIC is read once
   * more if the lock kept us waiting or the look is older than {@link FRESH_LOOK_MS}. Once accepted,
   * the detach is not sent again until a read shows it took effect (or its grace passed): a second
   * one sent on a lagging read could take the NIC from wherever it went meanwhile.
   */
  async sendDetach(look: Observation<NicInfo>, lockWaited: boolean): Promise<WaitDecision<void>> {
    const sentAt = this.op.ctx.now();
    const stillUsed = usedOn(this.instanceId);
    try {
      await this.op.ctx.client.detachNetworkInterface(
        { nicId: this.nicId },
        this.op.callOptions(() => this.stillOurs(look, lockWaited)),
      );
      this.op.wrote(sentAt, true);
      this.detachAccepted = true;
      this.op.expect("the accepted DetachNetworkInterface", stillUsed, sentAt, true);
      return { kind: "pending", observed: "DETACHING" };
    } catch (error) {
      if (error instanceof MovedSinceLook) return { kind: "pending", observed: error.status };
      if (!isZenlayerApiError(error)) throw error;
      if (error.category === "transient") {
        this.op.wrote(sentAt, false);
        this.op.expect("a DetachNetworkInterface whose answer was lost", stillUsed, sentAt, false);
      }
      return this.refused(error);
    }
  }

  /** Throws {@link MovedSinceLook} unless the NIC is still USED on our instance right before the send. */
  async stillOurs(look: Observation<NicInfo>, lockWaited: boolean): Promise<void> {
    if (!lockWaited && this.op.ctx.now() - look.at <= FRESH_LOOK_MS) return;
    const fresh = await this.op.readNic(this.nicId);
    if (this.op.reads.judge(fresh.value, fresh.at) === "lagging" || !usedOn(this.instanceId)(fresh.value)) {
      throw new MovedSinceLook(displayText(fresh.value?.status ?? "gone"));
    }
  }

  /**
   * What a refused or failed DetachNetworkInterface means. "Not found" and "not attached" are the
   * write's own, authoritative answer (no read lag can mislead it); a refusal for the instance's
   * sake is judged by reading the instance; a status conflict means "look again"; anything else
   * goes to the operation's loop.
   */
  async refused(error: ZenlayerApiError): Promise<WaitDecision<void>> {
    if (error.category === "not-found" || error.code === NOT_ATTACHED_CODE) {
      this.op.ctx.log(`nic ${this.nicId}: ${error.code}, nothing left to detach`);
      return { kind: "done", value: undefined };
    }
    if (INSTANCE_CONFLICT_CODES.has(error.code)) {
      const need = {
        instanceId: this.instanceId,
        purpose: "detach",
        action: `detach NIC ${this.nicId} from instance ${this.instanceId}`,
      } as const;
      return instanceVerdict(this.op, need, error);
    }
    if (error.code === "INVALID_NIC_STATUS") {
      return { kind: "pending", observed: `${error.code} (request id ${error.requestId ?? "none"})` };
    }
    throw error;
  }
}

/**
 * Detaches the NIC from the instance and waits until Zenlayer reports it free, within the
 * operation's deadline. Idempotent: a NIC that is gone, detached, or attached to an instance this
 * resource does not own needs no call, once a read that Zenlayer's lag cannot fake confirms it.
 * `earlierAttach`: an earlier create's attach was sent (then) and no read has shown it yet, so reads
 * showing the NIC free may lag it and are not believed within its grace.
 * @internal
 */
export async function detachAndWait(
  op: Operation,
  nicId: string,
  instanceId: string,
  earlierAttach?: { readonly sentAt: number | undefined },
): Promise<void> {
  if (earlierAttach !== undefined) expectEarlierAttach(op, earlierAttach.sentAt);
  const detachment = new Detachment(op, nicId, instanceId);
  await op.converge(() => detachment.step());
}
