import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isZenlayerApiError, resolveClientConfig } from "../../sdk/index";
import type { NicInfo } from "../../sdk/index";
import { clientFor } from "../shared/clientCache";
import { parseDuration } from "../shared/duration";
import type { HandlerContext, ProviderOptions } from "../shared/handlerContext";
import { pollingFromEnv, readConsistencyFromEnv } from "../shared/handlerContext";
import { Operation } from "../shared/operation";
import { attachAndWait } from "./attach";
import type { AttachProgress } from "./attach";
import { checkAttachmentInputs } from "./check";
import { readSettledNic } from "./cloudState";
import { detachAndWait } from "./detach";
import { diffAttachment } from "./diff";
import { apiFailure, partialFailure } from "./failures";
import { inputsOf, outputsFromNic } from "./outputs";
import { formatAttachmentId, parseAttachmentId } from "./resourceId";
import { DEFAULT_TIMEOUT } from "./types";
import type { AttachmentInputs, AttachmentOutputs, AttachmentTimeouts } from "./types";

type Props = AttachmentInputs & Record<string, unknown>;

const MAY_BE_ATTACHED =
  "The attachment stays in the stack because the NIC may be attached: run `pulumi up` again to finish it " +
  "(raise `timeouts.create` if Zenlayer is slow), or remove the resource to detach it.";
const NOTHING_ATTACHED = "No attach was made.";
const STAYS_FOR_DELETE =
  "The attachment stays in the stack: run the command again to keep trying (raise `timeouts.delete` if " +
  "Zenlayer is slow).";

/** The ids a stored resource refers to, from its properties or, failing that, from its id. */
function idsOf(id: string, props: Partial<AttachmentInputs>): { nicId: string; instanceId: string } {
  const parsed = parseAttachmentId(id);
  return {
    nicId: props.nicId ?? parsed?.nicId ?? id,
    instanceId: props.instanceId ?? parsed?.instanceId ?? "",
  };
}

/**
 * An operation bounded by the resource's timeout for it. `check` already rejected malformed
 * values, so a bad one here can only come from old state; it falls back to the default rather
 * than failing a destroy.
 */
function operationFor(
  ctx: HandlerContext,
  description: string,
  timeouts: AttachmentTimeouts | undefined,
  which: keyof AttachmentTimeouts,
): Operation {
  const given = timeouts?.[which];
  const ms = typeof given === "string" ? parseDuration(given) : undefined;
  const text = ms === undefined || given === undefined ? DEFAULT_TIMEOUT : given;
  return new Operation(ctx, description, text, ms ?? parseDuration(DEFAULT_TIMEOUT) ?? 600_000);
}

/** Runs `work` and releases the operation's timer whatever the outcome. */
async function run<T>(op: Operation, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    op.finish();
  }
}

/**
 * Every handler error names what failed and what to do next, and carries the Zenlayer error, if
 * any, as its `cause`.
 */
function withAdvice(error: unknown, what: string, advice: string): Error {
  const failure = isZenlayerApiError(error) ? apiFailure(`cannot ${what}`, error) : error;
  if (!(failure instanceof Error)) return new Error(`cannot ${what}: ${String(failure)}. ${advice}`);
  const message = `${failure.message.replace(/[.\s]*$/, "")}. ${advice}`;
  return new Error(message, failure.cause === undefined ? {} : { cause: failure.cause });
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
      readConsistencyMs: options.readConsistencyMs ?? readConsistencyFromEnv(env),
      log: options.log ?? ((line) => console.log(line)),
      now: Date.now,
    };
  };

  const converge = async (inputs: Props): Promise<AttachmentOutputs> => {
    const { nicId, instanceId } = inputs;
    const op = operationFor(
      context(),
      `attaching NIC ${nicId} to instance ${instanceId}`,
      inputs.timeouts,
      "create",
    );
    const progress: AttachProgress = { mayBeBound: false, lastNic: undefined };
    try {
      return outputsFromNic(
        inputsOf(inputs),
        await run(op, () => attachAndWait(op, nicId, instanceId, progress)),
      );
    } catch (error) {
      const what = `attach NIC ${nicId} to instance ${instanceId}`;
      if (!progress.mayBeBound) throw withAdvice(error, what, NOTHING_ATTACHED);
      const id = formatAttachmentId(nicId, instanceId);
      throw partialFailure(id, inputs, progress.lastNic, withAdvice(error, what, MAY_BE_ATTACHED));
    }
  };

  const readNic = (nicId: string): Promise<NicInfo | undefined> => {
    const op = operationFor(context(), `reading NIC ${nicId}`, undefined, "create");
    return run(op, () => readSettledNic(op, nicId));
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
      const nic = await readNic(ids.nicId);
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
      const { nicId, instanceId } = idsOf(id, props);
      const description = `detaching NIC ${nicId} from instance ${instanceId}`;
      const op = operationFor(context(), description, props.timeouts, "delete");
      try {
        await run(op, () => detachAndWait(op, nicId, instanceId));
      } catch (error) {
        throw withAdvice(error, `detach NIC ${nicId} from instance ${instanceId}`, STAYS_FOR_DELETE);
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
