import { isZenlayerApiError } from "../../sdk/index";
import type { NicInfo, WaitDecision } from "../../sdk/index";
import { withInstanceLock } from "../shared/instanceLocks";
import type { Operation } from "../shared/operation";
import { isPassingTrouble } from "../shared/operation";
import { observeNic, ReadConsistency } from "./cloudState";
import type { Observation } from "./cloudState";
import { apiFailure, INSTANCE_CONFLICT_CODES, isGone, NOT_ATTACHED_CODE } from "./failures";
import { instanceVerdict } from "./instanceReadiness";

/**
 * How old the look that decides a detach may be when the detach is sent. Sending means waiting for
 * a rate-limit token and maybe the instance lock; a look older than this is taken again.
 */
const FRESH_LOOK_MS = 500;

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

/** The NIC and instance one delete works on, and what it has learned so far. */
class Detachment {
  readonly consistency: ReadConsistency;
  readonly action: string;
  /** Whether Zenlayer accepted a DetachNetworkInterface of this operation. */
  detachSent = false;

  constructor(
    readonly op: Operation,
    readonly nicId: string,
    readonly instanceId: string,
  ) {
    this.consistency = new ReadConsistency(op.ctx.readConsistencyMs);
    this.action = `detach NIC ${nicId} from instance ${instanceId}`;
  }

  /** One look: done when the NIC is confirmed free of this instance, else wait or detach. */
  async step(): Promise<WaitDecision<void>> {
    const seen = await observeNic(this.op, this.nicId);
    const reason = nothingToDetach(seen.value, this.nicId, this.instanceId);
    if (reason !== undefined) {
      if (!this.consistency.confirms(reason, seen.at))
        return this.consistency.awaitConfirmation(this.op, reason);
      this.op.ctx.log(
        this.detachSent
          ? `nic ${this.nicId} detached from ${this.instanceId}`
          : `${reason}: no detach needed`,
      );
      return { kind: "done", value: undefined };
    }
    this.consistency.contradicted();
    const status = seen.value?.status ?? "gone";
    if (status !== "USED" || this.consistency.mayHideOwnWrite(seen.at)) {
      return { kind: "pending", observed: status };
    }
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
        const seen = stale ? await observeNic(this.op, this.nicId) : look;
        const nic = seen.value;
        if (nic?.instanceId !== this.instanceId || nic.status !== "USED") {
          return { kind: "pending", observed: nic?.status ?? "gone" };
        }
        return this.sendDetach();
      },
      this.op.deadline.signal,
    );
  }

  /** One DetachNetworkInterface; every documented answer maps to done, not yet, or fail. */
  async sendDetach(): Promise<WaitDecision<void>> {
    const sentAt = this.op.ctx.now();
    try {
      const options = { ...this.op.callOptions(), tokenTaken: true };
      await this.op.ctx.client.detachNetworkInterface({ nicId: this.nicId }, options);
      this.consistency.wrote(sentAt);
      this.detachSent = true;
      return { kind: "pending", observed: "DETACHING" };
    } catch (error) {
      if (!isZenlayerApiError(error)) throw error;
      if (error.category === "transient") this.consistency.wrote(sentAt); // it may have executed
      if (isGone(error) || error.code === NOT_ATTACHED_CODE) {
        // The write's own answer is authoritative: no read lag can mislead it.
        this.op.ctx.log(`nic ${this.nicId}: ${error.code}, nothing left to detach`);
        return { kind: "done", value: undefined };
      }
      if (INSTANCE_CONFLICT_CODES.has(error.code)) {
        return instanceVerdict(
          this.op,
          { instanceId: this.instanceId, purpose: "detach", action: this.action },
          error,
        );
      }
      if (error.code === "INVALID_NIC_STATUS") {
        return { kind: "pending", observed: `${error.code} (request id ${error.requestId ?? "none"})` };
      }
      if (isPassingTrouble(error)) {
        throw error; // passing trouble: the operation's loop records it and looks again
      }
      return { kind: "failed", error: apiFailure(`cannot ${this.action}`, error) };
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
