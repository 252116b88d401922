import { isZenlayerApiError } from "../../../sdk/index";
import type { NicInfo, WaitDecision } from "../../../sdk/index";
import { displayText } from "../../../sdk/util/displayValue";
import type { Operation } from "../operation";
import { CREATE_GRACE_WINDOWS } from "../readLag";
import type { NicView } from "../readLag";
import { creationTag } from "./inputs";
import type { NetworkInterfaceInputs } from "./inputs";
import { deleteAndWait } from "./delete";

/** A read (or a search by the creation tag) that shows no NIC: the state a create changes. */
const showsNoNic = (nic: NicView): boolean => nic === undefined;

/**
 * Awaits the NIC a create of an earlier operation made at `sentAt` (now, when older state did not
 * record it), which no read showed yet (stored status `CREATE_UNSEEN`): reads not listing it may lag that create, so they are not believed
 * within its grace.
 * @internal
 */
export function expectEarlierCreate(op: Operation, sentAt: number | undefined): void {
  op.expect(
    "the CreateNetworkInterface an earlier `pulumi up` sent",
    showsNoNic,
    sentAt ?? op.ctx.now(),
    false,
  );
}

/** Where a created NIC ends up: usable, or failed for good. */
const SETTLED = new Set(["AVAILABLE", "USED", "CREATE_FAILED"]);

/**
 * Where a create stands: the NIC's id once known (from Zenlayer's answer, or found by the creation
 * tag), and the last look at it. With an id, a failure keeps the NIC in the stack (partial failure),
 * so that `destroy` removes it and the next `up` continues it.
 */
export interface CreateProgress {
  nicId: string | undefined;
  lastNic: NicInfo | undefined;
  /** A create was sent whose outcome is unknown and no NIC from it was found yet. */
  mayHaveCreated: boolean;
  /** When the last create that may have made a NIC was sent. */
  sentAt?: number | undefined;
}

/**
 * One create: finds a NIC an earlier attempt made before sending CreateNetworkInterface, which
 * takes no idempotency token and so must never be sent twice for one NIC.
 */
class Creation {
  constructor(
    readonly op: Operation,
    readonly inputs: NetworkInterfaceInputs,
    readonly progress: CreateProgress,
  ) {}

  async step(): Promise<WaitDecision<NicInfo>> {
    return this.progress.nicId === undefined ? this.findOrCreate() : this.awaitSettled(this.progress.nicId);
  }

  /**
   * Looks for a NIC made by an earlier create of this resource (same subnet, name and creation
   * tag), and sends a create only when there is none. After a create whose answer was lost, a
   * search showing none is not believed for a long grace (see `CREATE_GRACE_WINDOWS`).
   */
  async findOrCreate(): Promise<WaitDecision<NicInfo>> {
    const at = this.op.ctx.now();
    const found = await this.findMine();
    if (this.op.reads.judge(found, at) === "lagging") return this.op.lagging(found);
    if (found !== undefined) {
      this.progress.nicId = found.nicId;
      this.progress.mayHaveCreated = false;
      this.op.ctx.log(
        `nic ${found.nicId} ${this.inputs.name}: found, made by an earlier create of this resource`,
      );
      return { kind: "pending", observed: displayText(found.status) };
    }
    return this.sendCreate();
  }

  /** This resource's NIC, by the creation tag; the oldest, should there be more than one. */
  async findMine(): Promise<NicInfo | undefined> {
    return (await findTagged(this.op, this.inputs))[0];
  }

  /** One CreateNetworkInterface; a failure that may have created a NIC makes the next step look first. */
  async sendCreate(): Promise<WaitDecision<NicInfo>> {
    const { name, subnetId, securityGroupId, nicStackType, resourceGroupId } = this.inputs;
    const tags = [
      ...Object.entries(this.inputs.tags ?? {}).map(([key, value]) => ({ key, value })),
      creationTag(this.inputs),
    ];
    const request = {
      name,
      subnetId,
      ...(securityGroupId === undefined ? {} : { securityGroupId }),
      ...(nicStackType === undefined ? {} : { nicStackType }),
      ...(resourceGroupId === undefined ? {} : { resourceGroupId }),
      tags: { tags },
    };
    const sentAt = this.op.ctx.now();
    this.progress.sentAt = sentAt;
    try {
      const created = await this.op.ctx.client.createNetworkInterface(request, this.op.callOptions());
      this.op.wrote(sentAt, true);
      this.op.expect("the accepted CreateNetworkInterface", showsNoNic, sentAt, true);
      this.progress.nicId = created.nicId;
      return { kind: "pending", observed: "PENDING" };
    } catch (error) {
      if (isZenlayerApiError(error) && error.category === "transient") {
        this.progress.mayHaveCreated = true;
        this.op.wrote(sentAt, false);
        const what = "a CreateNetworkInterface whose answer was lost";
        this.op.expect(what, showsNoNic, sentAt, false, CREATE_GRACE_WINDOWS);
        return { kind: "pending", observed: `${error.code}: looking for a NIC it may have made` };
      }
      throw error; // the operation's loop retries what was not sent (throttled, unreachable), fails the rest
    }
  }

  /**
   * Waits out PENDING until the NIC is usable or CREATE_FAILED; a NIC that vanished fails, unless
   * reads may still lag the create that made it.
   */
  async awaitSettled(nicId: string): Promise<WaitDecision<NicInfo>> {
    const seen = await this.op.readNic(nicId);
    if (this.op.reads.judge(seen.value, seen.at) === "lagging") return this.op.lagging(seen.value);
    const nic = seen.value;
    this.progress.lastNic = nic ?? this.progress.lastNic;
    if (nic === undefined) {
      if (this.op.reads.mayHideOwnWrite(seen.at)) return { kind: "pending", observed: "not shown yet" };
      return {
        kind: "failed",
        error: new Error(`NIC ${nicId} (${this.inputs.name}) disappeared while it was being created`),
      };
    }
    if (SETTLED.has(nic.status)) return { kind: "done", value: nic };
    return { kind: "pending", observed: displayText(nic.status) };
  }

  /**
   * A NIC Zenlayer could not create is deleted at once, within this operation: it can never be
   * used, and leaving it would keep a broken resource in the stack. If the cleanup itself fails,
   * the error says so, and `progress.nicId` keeps the NIC in the stack for the next `up` to replace.
   */
  async cleanUpFailed(nicId: string): Promise<Error> {
    const what = `Zenlayer could not create NIC ${nicId} (${this.inputs.name}): it ended CREATE_FAILED`;
    try {
      await deleteAndWait(this.op, nicId, { forceDetach: false });
      this.progress.nicId = undefined;
      return new Error(`${what}; the failed NIC was deleted`);
    } catch (cleanup) {
      const why = cleanup instanceof Error ? cleanup.message : String(cleanup);
      return new Error(`${what}, and deleting it failed: ${why}`, { cause: cleanup });
    }
  }
}

/**
 * The NICs carrying this resource's creation tag (in its subnet, with its name), oldest first;
 * DELETING ones do not count. The filters are checked again here: `name` is a fuzzy match, and a
 * NIC of someone else's must never be taken for ours should the tag filter be ignored.
 * @internal
 */
export async function findTagged(op: Operation, inputs: NetworkInterfaceInputs): Promise<NicInfo[]> {
  const { name, subnetId } = inputs;
  const tag = creationTag(inputs);
  const nics = await op.ctx.client.describeAllNetworkInterfaces(
    { subnetId, name, tags: [tag] },
    { deadline: op.deadline, maxAttempts: 1 },
  );
  const tagged = (nic: NicInfo) =>
    (nic.tags?.tags ?? []).some((t) => t.key === tag.key && t.value === tag.value);
  return nics
    .filter((nic) => nic.name === name && tagged(nic) && nic.status !== "DELETING")
    .sort((a, b) => (a.createTime ?? "").localeCompare(b.createTime ?? "") || a.nicId.localeCompare(b.nicId));
}

/**
 * Creates the NIC and waits until it is AVAILABLE, within the operation's deadline, never making a
 * second NIC for one resource: before any create it looks for the NIC an earlier attempt (this
 * one, or an interrupted `up`) made, by a tag derived from the resource. `progress.nicId` tells the
 * caller whether a failure left a NIC behind.
 * @internal
 */
export async function createAndWait(
  op: Operation,
  inputs: NetworkInterfaceInputs,
  progress: CreateProgress,
): Promise<NicInfo> {
  const creation = new Creation(op, inputs, progress);
  const nic = await op.converge(() => creation.step());
  if (nic.status === "CREATE_FAILED") throw await creation.cleanUpFailed(nic.nicId);
  return nic;
}

/**
 * Waits until a NIC an interrupted `up` created settles, whatever the outcome: `update` continues
 * such a NIC, and cannot delete a CREATE_FAILED one (the resource's id is the NIC's), so it leaves
 * it for the next `up` to replace.
 * @internal
 */
export function awaitCreated(op: Operation, inputs: NetworkInterfaceInputs, nicId: string): Promise<NicInfo> {
  const creation = new Creation(op, inputs, { nicId, lastNic: undefined, mayHaveCreated: false });
  return op.converge(() => creation.awaitSettled(nicId));
}
