import { isZenlayerApiError } from "../../../sdk/index";
import type { NicInfo, WaitDecision } from "../../../sdk/index";
import { displayText } from "../../../sdk/util/displayValue";
import { withInstanceLock } from "../../shared/instanceLocks";
import type { Observation, Operation } from "../../shared/operation";
import { INSTANCE_CONFLICT_CODES, instanceVerdict, NOT_ATTACHED_CODE } from "./instanceRefusal";

/**
 * How old the look that decides a detach may be when the detach is sent. Sending means waiting for
 * a rate-limit token and maybe the instance lock; a look older than this is taken again.
 */
const FRESH_LOOK_MS = 500;

/** Why a delete needs no DetachNetworkInterface call, in words for the log; `undefined` if it does. */
function nothingToDetach(nic: NicInfo | undefined, nicId: string, instanceId: string): string | undefined {
  if (nic === undefined) return `NIC ${nicId} no longer exists`;
  if (!nic.instanceId) return `NIC ${nicId} is not attached to any instance`;
  if (nic.instanceId !== instanceId) {
    return `NIC ${nicId} is attached to instance ${displayText(nic.instanceId)}, which this resource does not own, so it is left alone`;
  }
  return undefined;
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
    const reason = nothingToDetach(seen.value, this.nicId, this.instanceId);
    if (reason !== undefined) {
      if (!this.op.consistency.confirms(reason, seen.at)) return this.op.awaitConfirmation(reason);
      const done = this.detachAccepted
        ? `nic ${this.nicId} detached from ${this.instanceId}`
        : `${reason}: no detach needed`;
      this.op.ctx.log(done);
      return { kind: "done", value: undefined };
    }
    this.op.consistency.contradicted();
    const status = displayText(seen.value?.status ?? "gone");
    if (status !== "USED" || this.op.consistency.mayHideOwnWrite(seen.at))
      return { kind: "pending", observed: status };
    return this.detachIfStillOurs(seen);
  }

  /**
   * Sends DetachNetworkInterface, which names only the NIC, under the instance lock. Between the
   * look that chose to detach and the send, the NIC may move to another instance, and that instance
   * must not lose it. So the send's rate-limit token is taken first, and if the lock or the token
   * kept us waiting, or the look is older than {@link FRESH_LOOK_MS}, the NIC is read once more.
   */
  detachIfStillOurs(look: Observation<NicInfo>): Promise<WaitDecision<void>> {
    return withInstanceLock(
      this.instanceId,
      async (lockWaited) => {
        const tokenWaited = await this.op.takeRateLimitToken();
        const stale = lockWaited || tokenWaited || this.op.ctx.now() - look.at > FRESH_LOOK_MS;
        const nic = (stale ? await this.op.readNic(this.nicId) : look).value;
        if (nic?.instanceId !== this.instanceId || nic.status !== "USED") {
          return { kind: "pending", observed: displayText(nic?.status ?? "gone") };
        }
        return this.sendDetach();
      },
      this.op.deadline.signal,
    );
  }

  /**
   * One DetachNetworkInterface. "Not found" and "not attached" are the write's own, authoritative
   * answer (no read lag can mislead it); a refusal for the instance's sake is judged by reading
   * the instance; a status conflict means "look again"; anything else goes to the operation's loop.
   */
  async sendDetach(): Promise<WaitDecision<void>> {
    const sentAt = this.op.ctx.now();
    try {
      await this.op.ctx.client.detachNetworkInterface(
        { nicId: this.nicId },
        { ...this.op.callOptions(), tokenTaken: true },
      );
      this.op.wrote(sentAt);
      this.detachAccepted = true;
      return { kind: "pending", observed: "DETACHING" };
    } catch (error) {
      if (!isZenlayerApiError(error)) throw error;
      if (error.category === "transient") this.op.wrote(sentAt); // it may have executed
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
}

/**
 * Detaches the NIC from the instance and waits until Zenlayer reports it free, within the
 * operation's deadline. Idempotent: a NIC that is gone, detached, or attached to an instance this
 * resource does not own needs no call, once a read that Zenlayer's lag cannot fake confirms it.
 * @internal
 */
export async function detachAndWait(op: Operation, nicId: string, instanceId: string): Promise<void> {
  const detachment = new Detachment(op, nicId, instanceId);
  await op.converge(() => detachment.step());
}
