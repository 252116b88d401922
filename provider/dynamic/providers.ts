/**
 * The dynamic providers: the resource core served to Pulumi's dynamic-provider host. Everything
 * the host needs beyond the core lives here: the options tests and tools build them with, `configure`
 * (stack config), the shapes of its results,
 * and the serialized provider (`__provider`) that a "created, but not ready" error must carry.
 * @packageDocumentation
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ClientDeps, ClientSettings } from "../../sdk/index";
import { ContextBuilder, readConsistencyOf } from "../core/context";
import type { PollingSettings, ResourceContext } from "../core/context";
import {
  checkAttachment,
  createAttachment,
  deleteAttachment,
  diffAttachmentState,
  readAttachment,
  updateAttachment,
} from "../core/attachment/lifecycle";
import type { AttachmentInputs, AttachmentOutputs } from "../core/attachment/inputs";
import { PartialFailure } from "../core/failures";
import {
  checkNetworkInterface,
  createNetworkInterface,
  deleteNetworkInterface,
  diffNetworkInterfaceState,
  readNetworkInterface,
  updateNetworkInterface,
} from "../core/networkInterface/lifecycle";
import type { NetworkInterfaceInputs, NetworkInterfaceOutputs } from "../core/networkInterface/inputs";

/**
 * Options for building a provider: production uses none of them; tests and tools use them to
 * point at a simulator with fast polling.
 * @public
 */
export interface ProviderOptions {
  /** Settings that win over stack config and the environment. */
  readonly clientSettings?: ClientSettings;
  /** Environment to read settings from; defaults to `process.env`, read at call time. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * How often to look while something is in flight; `intervalMs` from 1 ms to 24 h, checked when
   * the provider is built. Default: `PULUMI_ZENLAYER_POLL_INTERVAL_MS`, else 1000.
   */
  readonly polling?: PollingSettings;
  /** How long Describe may lag a write; 1000 ms by default (`PULUMI_ZENLAYER_READ_CONSISTENCY_MS`). */
  readonly readConsistencyMs?: number;
  /** Where progress lines go; `console.log` by default, which the engine shows under the resource. */
  readonly log?: (line: string) => void;
  /**
   * The client's transport, rate limiter, clock, randomness and sleep, which the operations' own
   * waits use too: tests script Zenlayer at the transport and run on a fake clock.
   */
  readonly clientDeps?: ClientDeps;
}

/** The stack config key of the read-consistency window. */
const READ_CONSISTENCY_KEY = "zenlayer:readConsistencyMs";

/**
 * Where a dynamic provider's handlers get their context: `configure` (which the engine calls with
 * the stack config, secrets decrypted) records how to read stack config; `context()` builds a
 * fresh context per handler call from explicit options, stack config and the environment, in that
 * order.
 * @internal
 */
export function contextSource(options: ProviderOptions): {
  configure(req: dynamic.ConfigureRequest): void;
  context(): ResourceContext;
} {
  let stackConfig: ((key: string) => string | undefined) | undefined;
  const builder = new ContextBuilder(options);
  return {
    configure(req) {
      stackConfig = (key) => req.config.get(key);
    },
    context() {
      const configured = readConsistencyOf(stackConfig?.(READ_CONSISTENCY_KEY), READ_CONSISTENCY_KEY);
      return builder.build({
        explicit: options.clientSettings,
        stackConfig,
        readConsistencyMs: configured,
        env: options.env ?? process.env,
        log: options.log ?? ((line) => console.log(line)),
      });
    },
  };
}

/** The property under which the engine keeps a dynamic resource's serialized provider. */
const PROVIDER_KEY = "__provider";

type Bag = Record<string, unknown>;

/**
 * Runs a create or update, reporting a {@link PartialFailure} the way the dynamic-provider host
 * turns into "created, but not ready" (an error with `id`, `properties` and `reasons`): the engine
 * keeps the resource in state and the next `up` continues it through `update`. The serialized
 * provider must be copied into the properties by hand (the host does not), or a later `destroy`
 * would have no code to run.
 */
async function reportingPartial<T>(inputs: object, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof PartialFailure)) throw error;
    const properties = { ...error.outputs, [PROVIDER_KEY]: (inputs as Bag)[PROVIDER_KEY] };
    const reported = new Error(error.message, { cause: error.cause });
    throw Object.assign(reported, { id: error.id, properties, reasons: [error.message] });
  }
}

/**
 * Builds the NetworkInterfaceAttachment provider. Production uses the default instance; tests and
 * tools build their own to point at a simulator with fast polling.
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
      return checkAttachment(news as unknown as Bag);
    },
    async diff(id, olds, news) {
      return diffAttachmentState(id, olds as unknown as Bag, news as unknown as Bag);
    },
    async create(inputs) {
      const created = await reportingPartial(inputs, () => createAttachment(source.context(), inputs));
      return { id: created.id, outs: created.outputs };
    },
    async read(id, props) {
      const found = await readAttachment(source.context(), id, props);
      // The SDK types ReadResult.inputs as the outputs type; the engine stores them as inputs.
      return found === undefined
        ? {}
        : { id, props: found.outputs, inputs: found.inputs as AttachmentOutputs };
    },
    async update(_id, olds, news) {
      return { outs: await reportingPartial(news, () => updateAttachment(source.context(), olds, news)) };
    },
    async delete(id, props) {
      await deleteAttachment(source.context(), id, props);
    },
  };
}

/**
 * Builds the NetworkInterface provider. Production uses the default instance; tests and tools
 * build their own to point at a simulator with fast polling.
 * @public
 */
export function createNetworkInterfaceProvider(
  options: ProviderOptions = {},
): dynamic.ResourceProvider<NetworkInterfaceInputs, NetworkInterfaceOutputs> {
  const source = contextSource(options);
  return {
    async configure(req) {
      source.configure(req);
    },
    async check(_olds, news) {
      return checkNetworkInterface(news as unknown as Bag);
    },
    async diff(_id, olds, news) {
      return diffNetworkInterfaceState(olds as unknown as Bag, news as unknown as Bag);
    },
    async create(inputs) {
      const created = await reportingPartial(inputs, () => createNetworkInterface(source.context(), inputs));
      return { id: created.id, outs: created.outputs };
    },
    async read(id, props) {
      const found = await readNetworkInterface(source.context(), id, props);
      return found === undefined
        ? {}
        : { id, props: found.outputs, inputs: found.inputs as NetworkInterfaceOutputs };
    },
    async update(id, olds, news) {
      const outs = await reportingPartial(news, () =>
        updateNetworkInterface(source.context(), id, olds, news),
      );
      return { outs };
    },
    async delete(id, props) {
      await deleteNetworkInterface(source.context(), id, props);
    },
  };
}

/**
 * The provider behind `zenlayer.zec.NetworkInterfaceAttachment`. When the engine has not called
 * `configure`, every handler reads credentials and endpoint from the environment at call time.
 * @public
 */
export const networkInterfaceAttachmentProvider = createNetworkInterfaceAttachmentProvider();

/**
 * The provider behind `zenlayer.zec.NetworkInterface`; see {@link networkInterfaceAttachmentProvider}.
 * @public
 */
export const networkInterfaceProvider = createNetworkInterfaceProvider();
