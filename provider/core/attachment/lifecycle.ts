/**
 * The attachment's operations as plain functions of a context and plain inputs, returning outputs
 * or throwing (a `PartialFailure` when the cloud may have changed): what the dynamic provider and
 * the provider plugin both serve.
 * @packageDocumentation
 */
import type { NicInfo } from "../../../sdk/index";
import type { ResourceContext } from "../context";
import { handlerError, PartialFailure } from "../failures";
import { timeoutOf } from "../inputValues";
import { runOperation, startOperation } from "../operation";
import type { Operation, OperationLimits } from "../operation";
import type { CheckResult, DiffResult } from "../results";
import { attachAndWait, expectEarlierAttach } from "./attach";
import type { AttachProgress, EarlierAttach } from "./attach";
import { detachAndWait } from "./detach";
import {
  ATTACH_UNSEEN,
  checkAttachmentInputs,
  DEFAULT_TIMEOUT,
  diffAttachment,
  formatAttachmentId,
  inputIds,
  inputsOf,
  outputsFromNic,
  outputsSoFar,
  ownedOutputs,
  storedIds,
} from "./inputs";
import type { AttachmentInputs, AttachmentOutputs } from "./inputs";

type Props = AttachmentInputs & Record<string, unknown>;

const MAY_BE_ATTACHED =
  "The attachment stays in the stack because the NIC may be attached: run `pulumi up` again to finish it " +
  "(raise `timeouts.create` if Zenlayer is slow), or remove the resource to detach it.";
const NOTHING_ATTACHED = "No attach was made.";
const STAYS_FOR_DELETE =
  "The attachment stays in the stack: run the command again to keep trying (raise `timeouts.delete` if " +
  "Zenlayer is slow).";

/**
 * Attaches and waits (create, and update continuing a partial create, `earlier`). A failure after
 * an attach may have run keeps the resource in the stack as a partial failure, recording the
 * instance the program named (never one the NIC was seen on); any other failure says that nothing
 * was attached.
 */
async function converge(
  ctx: ResourceContext,
  inputs: Props,
  limits: OperationLimits,
  earlier: EarlierAttach = { continuing: false, attachUnseen: false },
): Promise<AttachmentOutputs> {
  const ids = inputIds(inputs);
  const { nicId, instanceId } = ids;
  const description = `attaching NIC ${nicId} to instance ${instanceId}`;
  const timeout = timeoutOf(inputs.timeouts, "create");
  const op = startOperation(ctx, description, timeout, DEFAULT_TIMEOUT, limits);
  const progress: AttachProgress = {
    mayBeBound: earlier.attachUnseen,
    lastNic: undefined,
    sentAt: earlier.sentAt,
  };
  try {
    const nic = await runOperation(op, () => attachAndWait(op, ids, progress, earlier));
    return outputsFromNic(inputsOf(inputs), nic);
  } catch (error) {
    const what = `attach NIC ${nicId} to instance ${instanceId}`;
    if (!progress.mayBeBound) throw handlerError(error, what, NOTHING_ATTACHED);
    const outputs = outputsSoFar(inputsOf(inputs), progress.lastNic, progress.sentAt);
    throw new PartialFailure(
      formatAttachmentId(nicId, instanceId),
      outputs,
      handlerError(error, what, MAY_BE_ATTACHED),
    );
  }
}

/**
 * Reads the NIC for a refresh: the NIC when it is attached to this resource's instance, else
 * `undefined`, which drops the resource from the stack. A NIC on the instance is reported at once;
 * "gone", "attached to nothing" and "attached to another instance" (which this resource does not
 * own: the next `up` fails, naming it, instead of taking it) only once a read that Zenlayer's lag
 * cannot fake agrees, and, after an attach no read has shown yet, not within its grace.
 */
function readOwnNic(
  op: Operation,
  ids: { readonly nicId: string; readonly instanceId: string },
): Promise<NicInfo | undefined> {
  return op.converge<NicInfo | undefined>(async () => {
    const seen = await op.readNic(ids.nicId);
    if (op.reads.judge(seen.value, seen.at) === "lagging") return op.lagging(seen.value);
    const nic = seen.value;
    if (nic?.instanceId === ids.instanceId) return { kind: "done", value: nic };
    const verdict =
      nic === undefined
        ? `NIC ${ids.nicId} is gone`
        : nic.instanceId
          ? `NIC ${ids.nicId} is attached to instance ${nic.instanceId}, not ${ids.instanceId}`
          : `NIC ${ids.nicId} is not attached`;
    if (!op.reads.confirms(verdict, seen.at)) return op.awaitConfirmation(verdict);
    op.ctx.log(`${verdict}: the attachment is dropped from the stack`);
    return { kind: "done", value: undefined };
  });
}

/** Validates the inputs before anything touches the cloud (see `checkAttachmentInputs`). @internal */
export function checkAttachment(news: Record<string, unknown>): CheckResult<AttachmentInputs> {
  return checkAttachmentInputs(news);
}

/** What a change means for the attachment `id` (its stored pair is the one in the id). @internal */
export function diffAttachmentState(
  id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): DiffResult {
  return diffAttachment(ownedOutputs(id, olds), news);
}

/** Attaches the NIC and waits until it is attached; the id is `<nicId>:<instanceId>`. @internal */
export async function createAttachment(
  ctx: ResourceContext,
  inputs: AttachmentInputs,
  limits: OperationLimits = {},
): Promise<{ id: string; outputs: AttachmentOutputs }> {
  const outputs = await converge(ctx, inputs as Props, limits);
  return { id: formatAttachmentId(inputs.nicId, inputs.instanceId), outputs };
}

/**
 * Reads the attachment for a refresh or an import: its outputs and the inputs a program would
 * write for it, or `undefined` when it no longer exists (the NIC gone, free, or on another
 * instance). An import passes no stored state: the id alone names the pair.
 * @internal
 */
export async function readAttachment(
  ctx: ResourceContext,
  id: string,
  stored: Partial<AttachmentOutputs> = {},
): Promise<{ outputs: AttachmentOutputs; inputs: AttachmentInputs } | undefined> {
  const ids = storedIds(id, stored);
  const op = startOperation(ctx, `reading NIC ${ids.nicId}`, undefined, DEFAULT_TIMEOUT);
  const nic = await runOperation(op, () => {
    if (stored.status === ATTACH_UNSEEN) expectEarlierAttach(op, stored.writeSentAt);
    return readOwnNic(op, ids);
  });
  if (nic === undefined) return undefined;
  const inputs = inputsOf({ ...stored, ...ids });
  return { outputs: outputsFromNic(inputs, nic), inputs };
}

/**
 * Updates in place: a change of timeouts only is recorded without a call; an attachment a partial
 * create left is continued (it looks before it attaches again).
 * @internal
 */
export async function updateAttachment(
  ctx: ResourceContext,
  olds: AttachmentOutputs,
  news: AttachmentInputs,
  limits: OperationLimits = {},
): Promise<AttachmentOutputs> {
  const { timeouts: _previous, ...kept } = olds;
  const unchanged = olds.nicId === news.nicId && olds.instanceId === news.instanceId;
  if (unchanged && olds.status === "USED") {
    return { ...kept, ...(news.timeouts === undefined ? {} : { timeouts: news.timeouts }) };
  }
  const earlier = { continuing: true, attachUnseen: olds.status === ATTACH_UNSEEN, sentAt: olds.writeSentAt };
  return converge(ctx, news as Props, limits, earlier);
}

/** Detaches the NIC from the instance the program named, and waits until it is free. @internal */
export async function deleteAttachment(
  ctx: ResourceContext,
  id: string,
  stored: Partial<AttachmentOutputs> | undefined,
  limits: OperationLimits = {},
): Promise<void> {
  const { nicId, instanceId } = storedIds(id, stored);
  const description = `detaching NIC ${nicId} from instance ${instanceId}`;
  const timeout = timeoutOf(stored?.timeouts, "delete");
  const op = startOperation(ctx, description, timeout, DEFAULT_TIMEOUT, limits);
  try {
    const earlierAttach = stored?.status === ATTACH_UNSEEN ? { sentAt: stored.writeSentAt } : undefined;
    await runOperation(op, () => detachAndWait(op, nicId, instanceId, earlierAttach));
  } catch (error) {
    throw handlerError(error, `detach NIC ${nicId} from instance ${instanceId}`, STAYS_FOR_DELETE);
  }
}
