import { isZenlayerApiError } from "../../../sdk/index";
import type { NicInfo, WaitDecision } from "../../../sdk/index";
import { displayText } from "../../../sdk/util/displayValue";
import { withInstanceLock } from "../instanceLocks";
import type { Operation } from "../operation";
import type { NicView } from "../readLag";
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
  /** When the last attach that may have taken effect was sent. */
  sentAt?: number | undefined;
}

/** A read showing the NIC free: the state an attach changes. */
export function showsFree(nic: NicView): boolean {
  return nic !== undefined && !nic.instanceId && nic.status === "AVAILABLE";
}

/**
 * Awaits the attach an earlier operation sent at `sentAt` that no read has shown yet (stored status
 * `ATTACHING`): reads showing the NIC free may lag it, so they are not believed within its grace
 * from then (from now, when older state did not record the time).
 * @internal
 */
export function expectEarlierAttach(op: Operation, sentAt: number | undefined): void {
  const what = "the AttachNetworkInterface an earlier `pulumi up` sent";
  op.expect(what, showsFree, sentAt ?? op.ctx.now(), false);
}

/** The refusal for a primary NIC, which an attachment can neither attach nor detach. */
export function primaryNicError(nic: NicInfo): Error {
  const owner = nic.instanceId ? ` of instance ${displayText(nic.instanceId)}` : "";
  return new Error(
    `NIC ${nic.nicId} is the primary NIC${owner}: it is attached for the instance's whole life and cannot be ` +
      "managed by a NetworkInterfaceAttachment; name a secondary NIC",
  );
}

/** What makes an attach impossible, as the error to fail with; `undefined` when nothing does. */
function blocker(nic: NicView, nicId: string, instanceId: string): Error | undefined {
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

/** What an `up` continuing an earlier create knows of it. @internal */
export interface EarlierAttach {
  /** The operation finishes an earlier create (it looks before it attaches). */
  readonly continuing: boolean;
  /** That create's attach was sent and no read showed it yet. */
  readonly attachUnseen: boolean;
  /** When it was sent, if the stack recorded it. */
  readonly sentAt?: number | undefined;
}

/** The NIC and instance one create (or continued create) works on, and what it has learned. */
class Attachment {
  /** Whether an attach was sent yet: a fresh create sends one without reading first. */
  #sent: boolean;

  constructor(
    readonly op: Operation,
    readonly nicId: string,
    readonly instanceId: string,
    readonly progress: AttachProgress,
    continuing: boolean,
  ) {
    this.#sent = continuing;
  }

  /**
   * One step: a fresh create's first sends AttachNetworkInterface straight away, because its answer
   * says what a read first would ("not found", "not RUNNING", "attached"); later ones look, and are
   * done once the NIC is USED on the instance, or wait, attach again, or fail.
   */
  async step(): Promise<WaitDecision<NicInfo>> {
    if (!this.#sent) {
      this.#sent = true;
      return withInstanceLock(this.instanceId, () => this.sendAttach(), this.op.deadline.signal);
    }
    const seen = await this.op.readNic(this.nicId);
    if (this.op.reads.judge(seen.value, seen.at) === "lagging") return this.op.lagging(seen.value);
    const nic = seen.value;
    this.progress.lastNic = nic ?? this.progress.lastNic;
    if (nic?.nicType === "Primary") return { kind: "failed", error: primaryNicError(nic) };
    if (nic?.instanceId === this.instanceId && nic.status === "USED") return { kind: "done", value: nic };
    const impossible = blocker(nic, this.nicId, this.instanceId);
    if (impossible !== undefined) {
      // Nothing of ours can be hidden by read lag before our first attach: fail at once then.
      if (!this.progress.mayBeBound || this.op.reads.confirms(impossible.message, seen.at)) {
        return { kind: "failed", error: impossible };
      }
      return this.op.awaitConfirmation(impossible.message);
    }
    this.op.reads.contradicted();
    if (nic?.status !== "AVAILABLE" || nic.instanceId || this.op.reads.mayHideOwnWrite(seen.at)) {
      return { kind: "pending", observed: displayText(nic?.status ?? "gone") };
    }
    return withInstanceLock(this.instanceId, () => this.sendAttach(), this.op.deadline.signal);
  }

  /**
   * One AttachNetworkInterface. Once accepted, it is not sent again until a read shows it took
   * effect (or its grace passed). A refusal for the instance's sake (or a missing instance or NIC)
   * is judged by reading the instance; "already attached" or a status conflict is Zenlayer saying
   * the NIC is not free whatever reads show, so reads showing it free are lagging; anything else
   * goes to the operation's loop.
   */
  async sendAttach(): Promise<WaitDecision<NicInfo>> {
    const sentAt = this.op.ctx.now();
    try {
      await this.op.ctx.client.attachNetworkInterface(
        { nicId: this.nicId, instanceId: this.instanceId },
        this.op.callOptions(),
      );
      this.markMayBeBound(sentAt, true);
      this.op.expect("the accepted AttachNetworkInterface", showsFree, sentAt, true);
      return { kind: "pending", observed: "ATTACHING" };
    } catch (error) {
      if (!isZenlayerApiError(error)) throw error;
      // It may have executed; sending it again is harmless (Zenlayer refuses an attached NIC).
      if (error.category === "transient") this.markMayBeBound(sentAt, false);
      if (INSTANCE_CONFLICT_CODES.has(error.code) || error.category === "not-found") {
        const action = `attach NIC ${this.nicId} to instance ${this.instanceId}`;
        return instanceVerdict(this.op, { instanceId: this.instanceId, purpose: "attach", action }, error);
      }
      if (error.code === "INVALID_NIC_ATTACHED" || error.code === "INVALID_NIC_STATUS") {
        this.op.expect(`Zenlayer's answer ${error.code}`, showsFree, this.op.ctx.now(), true);
        return { kind: "pending", observed: `${error.code} (request id ${error.requestId ?? "none"})` };
      }
      throw error;
    }
  }

  markMayBeBound(at: number, answered: boolean): void {
    this.progress.mayBeBound = true;
    this.progress.sentAt = at;
    this.op.wrote(at, answered);
  }
}

/**
 * Brings the NIC to USED on the instance within the operation's deadline: adopts an attachment
 * that already exists (re-runs and interrupted `up`s), otherwise attaches, then waits until
 * Zenlayer reports it done. A primary NIC is refused: it cannot be detached, so an attachment could
 * never be destroyed. `continuing` is an `up` finishing an earlier create, which looks before it
 * attaches; `attachUnseen` says that create's attach was sent and no read showed it yet, so reads
 * showing the NIC free may lag it. `progress.mayBeBound` tells the caller whether a failure may
 * have left a real attachment behind.
 * @internal
 */
export function attachAndWait(
  op: Operation,
  ids: { readonly nicId: string; readonly instanceId: string },
  progress: AttachProgress,
  earlier: EarlierAttach,
): Promise<NicInfo> {
  if (earlier.attachUnseen) expectEarlierAttach(op, earlier.sentAt);
  const attachment = new Attachment(op, ids.nicId, ids.instanceId, progress, earlier.continuing);
  return op.converge(() => attachment.step());
}
