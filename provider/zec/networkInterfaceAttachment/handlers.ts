import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { NicInfo } from "../../../sdk/index";
import type { HandlerContext, ProviderOptions } from "../../shared/context";
import { contextSource } from "../../shared/context";
import { handlerError, partialFailure } from "../../shared/failures";
import { timeoutOf } from "../../shared/inputValues";
import { runOperation, startOperation } from "../../shared/operation";
import type { Operation } from "../../shared/operation";
import { attachAndWait, expectEarlierAttach } from "./attach";
import type { AttachProgress } from "./attach";
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
  ctx: HandlerContext,
  inputs: Props,
  earlier = { continuing: false, attachUnseen: false },
): Promise<AttachmentOutputs> {
  const ids = inputIds(inputs);
  const { nicId, instanceId } = ids;
  const description = `attaching NIC ${nicId} to instance ${instanceId}`;
  const op = startOperation(ctx, description, timeoutOf(inputs.timeouts, "create"), DEFAULT_TIMEOUT);
  const progress: AttachProgress = { mayBeBound: earlier.attachUnseen, lastNic: undefined };
  try {
    const nic = await runOperation(op, () => attachAndWait(op, ids, progress, earlier));
    return outputsFromNic(inputsOf(inputs), nic);
  } catch (error) {
    const what = `attach NIC ${nicId} to instance ${instanceId}`;
    if (!progress.mayBeBound) throw handlerError(error, what, NOTHING_ATTACHED);
    const properties = { ...outputsSoFar(inputsOf(inputs), progress.lastNic) };
    throw partialFailure(
      formatAttachmentId(nicId, instanceId),
      properties,
      inputs,
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

/**
 * Builds the NetworkInterfaceAttachment provider. Production uses the default instance; tests
 * and tools build their own to point at a simulator with fast polling.
 * @public
 */
export function createNetworkInterfaceAttachmentProvider(
  options: ProviderOptions = {},
): dynamic.ResourceProvider<AttachmentInputs, AttachmentOutputs> {
  const source = contextSource(options);
  return {
    async configure(req) {
      source.configure(req);
    },
    async check(_olds, news) {
      // Unchecked inputs can be anything the program passed; validating them is this method's job.
      return checkAttachmentInputs(news as unknown as Record<string, unknown>);
    },
    async diff(id, olds, news) {
      return diffAttachment(
        ownedOutputs(id, olds as unknown as Record<string, unknown>),
        news as unknown as Record<string, unknown>,
      );
    },
    async create(inputs) {
      const outs = await converge(source.context(), inputs as Props);
      return { id: formatAttachmentId(inputs.nicId, inputs.instanceId), outs };
    },
    async read(id, props) {
      const stored = props ?? ({} as Partial<AttachmentOutputs>);
      const ids = storedIds(id, stored);
      const op = startOperation(source.context(), `reading NIC ${ids.nicId}`, undefined, DEFAULT_TIMEOUT);
      const nic = await runOperation(op, () => {
        if (stored.status === ATTACH_UNSEEN) expectEarlierAttach(op);
        return readOwnNic(op, ids);
      });
      if (nic === undefined) return {};
      const inputs = inputsOf({ ...stored, ...ids });
      // The SDK types ReadResult.inputs as the outputs type; the engine stores them as inputs.
      return { id, props: outputsFromNic(inputs, nic), inputs: inputs as AttachmentOutputs };
    },
    async update(_id, olds, news) {
      const { timeouts: _previous, ...kept } = olds;
      const unchanged = olds.nicId === news.nicId && olds.instanceId === news.instanceId;
      if (unchanged && olds.status === "USED") {
        return { outs: { ...kept, ...(news.timeouts === undefined ? {} : { timeouts: news.timeouts }) } };
      }
      const earlier = { continuing: true, attachUnseen: olds.status === ATTACH_UNSEEN };
      return { outs: await converge(source.context(), news as Props, earlier) };
    },
    async delete(id, props) {
      const { nicId, instanceId } = storedIds(id, props);
      const description = `detaching NIC ${nicId} from instance ${instanceId}`;
      const timeout = timeoutOf(props?.timeouts, "delete");
      const op = startOperation(source.context(), description, timeout, DEFAULT_TIMEOUT);
      try {
        await runOperation(op, () => detachAndWait(op, nicId, instanceId, props?.status === ATTACH_UNSEEN));
      } catch (error) {
        throw handlerError(error, `detach NIC ${nicId} from instance ${instanceId}`, STAYS_FOR_DELETE);
      }
    },
  };
}

/**
 * The provider behind `zenlayer.zec.NetworkInterfaceAttachment`. When the engine has not called
 * `configure`, every handler reads credentials and endpoint from the environment at call time.
 * @public
 */
export const networkInterfaceAttachmentProvider = createNetworkInterfaceAttachmentProvider();
