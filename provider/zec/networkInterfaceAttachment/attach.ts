import { isZenlayerApiError } from "../../../sdk/index";
import type { NicInfo, WaitDecision } from "../../../sdk/index";
import { displayText } from "../../../sdk/util/displayValue";
import { withInstanceLock } from "../../shared/instanceLocks";
import type { Operation } from "../../shared/operation";
import { INSTANCE_CONFLICT_CODES, instanceVerdict } from "./instanceRefusal";

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

/** What makes an attach impossible, as the error to fail with; `undefined` when nothing does. */
function blocker(nic: NicInfo | undefined, nicId: string, instanceId: string): Error | undefined {
  if (nic === undefined) return new Error(`NIC ${nicId} does not exist in Zenlayer Cloud`);
  if (nic.instanceId && nic.instanceId !== instanceId && nic.status !== "DETACHING") {
    return new Error(
      `NIC ${nicId} is attached to instance ${displayText(nic.instanceId)}, not ${instanceId}. Detach it there first (or ` +
        "remove the attachment resource that owns it), then run `pulumi up` again",
    );
  }
  if (nic.status === "CREATE_FAILED" || nic.status === "DELETING") {
    return new Error(`NIC ${nicId} is ${displayText(nic.status)} and cannot be attached`);
  }
  return undefined;
}

/** The NIC and instance one create (or continued create) works on, and what it has learned. */
class Attachment {
  constructor(
    readonly op: Operation,
    readonly nicId: string,
    readonly instanceId: string,
    readonly progress: AttachProgress,
  ) {}

  /** Whether an attach was sent yet: the first step sends one without reading first. */
  #sent = false;

  /**
   * One step: the first sends AttachNetworkInterface straight away, because its answer says what a
   * read first would ("not found", "not RUNNING", "attached"); later ones look, and are done once
   * the NIC is USED on the instance, or wait, attach again, or fail.
   */
  async step(): Promise<WaitDecision<NicInfo>> {
    if (!this.#sent) {
      this.#sent = true;
      return withInstanceLock(this.instanceId, () => this.sendAttach(), this.op.deadline.signal);
    }
    const seen = await this.op.readNic(this.nicId);
    const nic = seen.value;
    this.progress.lastNic = nic ?? this.progress.lastNic;
    if (nic?.instanceId === this.instanceId && nic.status === "USED") return { kind: "done", value: nic };
    const impossible = blocker(nic, this.nicId, this.instanceId);
    if (impossible !== undefined) {
      // Nothing of ours can be hidden by read lag before our first attach: fail at once then.
      if (!this.progress.mayBeBound || this.op.consistency.confirms(impossible.message, seen.at)) {
        return { kind: "failed", error: impossible };
      }
      return this.op.awaitConfirmation(impossible.message);
    }
    this.op.consistency.contradicted();
    if (nic?.status !== "AVAILABLE" || nic.instanceId || this.op.consistency.mayHideOwnWrite(seen.at)) {
      return { kind: "pending", observed: displayText(nic?.status ?? "gone") };
    }
    return withInstanceLock(this.instanceId, () => this.sendAttach(), this.op.deadline.signal);
  }

  /**
   * One AttachNetworkInterface. A refusal for the instance's sake (or a missing instance or NIC) is
   * judged by reading the instance; a status conflict means an earlier attempt may have gone
   * through, so the next look decides; anything else goes to the operation's loop.
   */
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
        const action = `attach NIC ${this.nicId} to instance ${this.instanceId}`;
        return instanceVerdict(this.op, { instanceId: this.instanceId, purpose: "attach", action }, error);
      }
      if (error.code === "INVALID_NIC_ATTACHED" || error.code === "INVALID_NIC_STATUS") {
        return { kind: "pending", observed: `${error.code} (request id ${error.requestId ?? "none"})` };
      }
      throw error;
    }
  }

  markMayBeBound(at: number): void {
    this.progress.mayBeBound = true;
    this.op.wrote(at);
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
