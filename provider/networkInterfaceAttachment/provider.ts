import type * as dynamic from "@pulumi/pulumi/dynamic";
import { resolveClientConfig } from "../../sdk/index";
import { clientFor } from "../shared/clientCache";
import type { HandlerContext, ProviderOptions } from "../shared/handlerContext";
import { pollingFromEnv } from "../shared/handlerContext";
import { attachAndWait } from "./attach";
import type { AttachProgress } from "./attach";
import { checkAttachmentInputs } from "./check";
import { findNic } from "./cloudState";
import { deadlineFor, timeoutText } from "./deadline";
import { detachAndWait } from "./detach";
import { diffAttachment } from "./diff";
import { explainTimeout, partialFailure } from "./failures";
import { inputsOf, outputsFromNic } from "./outputs";
import { formatAttachmentId, parseAttachmentId } from "./resourceId";
import type { AttachmentInputs, AttachmentOutputs } from "./types";

type Props = AttachmentInputs & Record<string, unknown>;

const KEEP_WAITING =
  "The attachment stays in the stack: run the same command again to keep waiting, or raise the timeout in `timeouts`.";

/** The ids a stored resource refers to, from its properties or, failing that, from its id. */
function idsOf(id: string, props: Partial<AttachmentInputs>): { nicId: string; instanceId: string } {
  const parsed = parseAttachmentId(id);
  return {
    nicId: props.nicId ?? parsed?.nicId ?? id,
    instanceId: props.instanceId ?? parsed?.instanceId ?? "",
  };
}

/**
 * Builds the NetworkInterfaceAttachment provider. Production uses the default instance; tests
 * and tools build their own to point at a simulator with fast polling.
 * @public
 */
export function createNetworkInterfaceAttachmentProvider(
  options: ProviderOptions = {},
): dynamic.ResourceProvider<AttachmentInputs, AttachmentOutputs> {
  let stackConfig: ((key: string) => string | undefined) | undefined;

  const context = (): HandlerContext => {
    const env = options.env ?? process.env;
    const config = resolveClientConfig({
      ...(options.clientSettings === undefined ? {} : { explicit: options.clientSettings }),
      ...(stackConfig === undefined ? {} : { stackConfig }),
      env,
    });
    return {
      client: clientFor(config),
      polling: options.polling ?? pollingFromEnv(env),
      log: options.log ?? ((line) => console.log(line)),
      now: Date.now,
    };
  };

  const converge = async (inputs: Props): Promise<AttachmentOutputs> => {
    const ctx = context();
    const progress: AttachProgress = { bound: false, lastNic: undefined };
    const deadline = deadlineFor(ctx, inputs.timeouts, "create");
    try {
      return outputsFromNic(
        inputsOf(inputs),
        await attachAndWait(ctx, inputs.nicId, inputs.instanceId, deadline, progress),
      );
    } catch (error) {
      const operation = `attaching NIC ${inputs.nicId} to instance ${inputs.instanceId}`;
      const explained = explainTimeout(
        error,
        operation,
        timeoutText(inputs.timeouts, "create"),
        KEEP_WAITING,
      );
      if (progress.bound) {
        throw partialFailure(
          formatAttachmentId(inputs.nicId, inputs.instanceId),
          inputs,
          progress.lastNic,
          explained,
        );
      }
      throw explained;
    }
  };

  return {
    async configure(req) {
      stackConfig = (key) => req.config.get(key);
    },
    async check(_olds, news) {
      // Unchecked inputs can be anything the program passed; validating them is this method's job.
      return checkAttachmentInputs(news as unknown as Record<string, unknown>);
    },
    async diff(_id, olds, news) {
      return diffAttachment(
        olds as unknown as Record<string, unknown>,
        news as unknown as Record<string, unknown>,
      );
    },
    async create(inputs) {
      const outs = await converge(inputs as Props);
      return { id: formatAttachmentId(inputs.nicId, inputs.instanceId), outs };
    },
    async read(id, props) {
      const stored = props ?? ({} as Partial<AttachmentOutputs>);
      const ids = idsOf(id, stored);
      const nic = await findNic(context().client, ids.nicId);
      if (nic === undefined || !nic.instanceId) {
        return {};
      }
      const inputs = inputsOf({ ...stored, ...ids, instanceId: nic.instanceId });
      // The SDK types ReadResult.inputs as the outputs type; the engine stores them as inputs.
      return { id, props: outputsFromNic(inputs, nic), inputs: inputs as AttachmentOutputs };
    },
    async update(_id, olds, news) {
      const { timeouts: _previous, ...kept } = olds;
      const unchanged = olds.nicId === news.nicId && olds.instanceId === news.instanceId;
      if (unchanged && olds.status === "USED") {
        return { outs: { ...kept, ...(news.timeouts === undefined ? {} : { timeouts: news.timeouts }) } };
      }
      return { outs: await converge(news as Props) };
    },
    async delete(id, props) {
      const ctx = context();
      const { nicId, instanceId } = idsOf(id, props);
      try {
        await detachAndWait(ctx, nicId, instanceId, deadlineFor(ctx, props.timeouts, "delete"));
      } catch (error) {
        const operation = `detaching NIC ${nicId} from instance ${instanceId}`;
        throw explainTimeout(error, operation, timeoutText(props.timeouts, "delete"), KEEP_WAITING);
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
