import { isZenlayerApiError } from "../../sdk/index";
import type { NicInfo, WaitDecision } from "../../sdk/index";
import { withInstanceLock } from "../shared/instanceLocks";
import type { Operation } from "../shared/operation";
import { isPassingTrouble } from "../shared/operation";
import { observeNic, ReadConsistency } from "./cloudState";
import { apiFailure, INSTANCE_CONFLICT_CODES } from "./failures";
import { instanceVerdict } from "./instanceReadiness";

/**
 * Where an attach stands. `mayBeBound` turns true as soon as an AttachNetworkInterface may have
 * taken effect (accepted, or failed in a way that leaves the outcome unknown), and then stays
 * true: a failure from that point on must keep the resource in the stack, because the NIC may be
 * attached.
 */
export interface AttachProgress {
  mayBeBound: boolean;
  lastNic: NicInfo | undefined;
}

function attachedElsewhere(nicId: string, other: string, instanceId: string): Error {
  return new Error(
    `NIC ${nicId} is attached to instance ${other}, not ${instanceId}. Detach it there first (or remove the ` +
      "attachment resource that owns it), then run `pulumi up` again",
  );
}

/** The NIC and instance one create (or continued create) works on, and what it has learned. */
class Attachment {
  readonly consistency: ReadConsistency;
  readonly action: string;

  constructor(
    readonly op: Operation,
    readonly nicId: string,
    readonly instanceId: string,
    readonly progress: AttachProgress,
  ) {
    this.consistency = new ReadConsistency(op.ctx.readConsistencyMs);
    this.action = `attach NIC ${nicId} to instance ${instanceId}`;
  }

  /** One look: done once the NIC is USED on the instance; otherwise wait, attach, or fail. */
  async step(): Promise<WaitDecision<NicInfo>> {
    const seen = await observeNic(this.op, this.nicId);
    const nic = seen.value;
    this.progress.lastNic = nic ?? this.progress.lastNic;
    if (nic !== undefined && nic.instanceId === this.instanceId && nic.status === "USED") {
      return { kind: "done", value: nic };
    }
    const blocker = this.blocker(nic);
    if (blocker !== undefined) {
      if (!this.progress.mayBeBound || this.consistency.confirms(blocker.message, seen.at)) {
        return { kind: "failed", error: blocker };
      }
      return this.consistency.awaitConfirmation(this.op, blocker.message);
    }
    this.consistency.contradicted();
    if (nic?.status !== "AVAILABLE" || nic.instanceId || this.consistency.mayHideOwnWrite(seen.at)) {
      return { kind: "pending", observed: nic?.status ?? "gone" };
    }
    return withInstanceLock(this.instanceId, () => this.sendAttach(), this.op.deadline.signal);
  }

  /** What makes the attach impossible, as the error to fail with; `undefined` when nothing does. */
  blocker(nic: NicInfo | undefined): Error | undefined {
    if (nic === undefined) return new Error(`NIC ${this.nicId} does not exist in Zenlayer Cloud`);
    if (nic.instanceId && nic.instanceId !== this.instanceId && nic.status !== "DETACHING") {
      return attachedElsewhere(this.nicId, nic.instanceId, this.instanceId);
    }
    if (nic.status === "CREATE_FAILED" || nic.status === "DELETING") {
      return new Error(`NIC ${this.nicId} is ${nic.status} and cannot be attached`);
    }
    return undefined;
  }

  /** One AttachNetworkInterface; every documented answer maps to done, not yet, or fail. */
  async sendAttach(): Promise<WaitDecision<NicInfo>> {
    const sentAt = this.op.ctx.now();
    try {
      await this.op.ctx.client.attachNetworkInterface(
        { nicId: this.nicId, instanceId: this.instanceId },
        this.op.callOptions(),
      );
      this.markMayBeBound(sentAt);
      return { kind: "pending", observed: "ATTACHING" };
    } catch (error) {
      if (!isZenlayerApiError(error)) throw error;
      if (error.category === "transient") this.markMayBeBound(sentAt); // it may have executed
      if (INSTANCE_CONFLICT_CODES.has(error.code) || error.category === "not-found") {
        // Which of the two is missing or not ready: the instance is read now, the NIC next look.
        return instanceVerdict(
          this.op,
          { instanceId: this.instanceId, purpose: "attach", action: this.action },
          error,
        );
      }
      if (error.code === "INVALID_NIC_ATTACHED" || error.code === "INVALID_NIC_STATUS") {
        // An earlier attempt may have gone through, or the NIC moved on: the next look decides.
        return { kind: "pending", observed: `${error.code} (request id ${error.requestId ?? "none"})` };
      }
      if (isPassingTrouble(error)) {
        throw error; // passing trouble: the operation's loop records it and looks again
      }
      return { kind: "failed", error: apiFailure(`cannot ${this.action}`, error) };
    }
  }

  markMayBeBound(at: number): void {
    this.progress.mayBeBound = true;
    this.consistency.wrote(at);
  }
}

/**
 * Brings the NIC to USED on the instance within the operation's deadline: adopts an attachment
 * that already exists (re-runs and interrupted `up`s), otherwise attaches, then waits until
 * Zenlayer reports it done. Instance problems surface from Zenlayer's answer to the attach, so
 * no read of the instance is spent when it runs. `progress.mayBeBound` tells the caller whether a
 * failure may have left a real attachment behind.
 * @internal
 */
export function attachAndWait(
  op: Operation,
  nicId: string,
  instanceId: string,
  progress: AttachProgress,
): Promise<NicInfo> {
  const attachment = new Attachment(op, nicId, instanceId, progress);
  return op.converge(() => attachment.step());
}
