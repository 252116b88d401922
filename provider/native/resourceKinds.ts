/**
 * The resources the provider plugin serves, by type token, each an adapter of the resource core to
 * what the plugin's RPCs carry: plain properties in, plain properties out. The NetworkInterface's
 * creation key, which the dynamic resource class sets as an input, is derived here from the URN
 * instead, and kept out of what the engine stores.
 * @packageDocumentation
 */
import {
  checkAttachment,
  createAttachment,
  deleteAttachment,
  diffAttachmentState,
  readAttachment,
  updateAttachment,
} from "../core/attachment/lifecycle";
import type { AttachmentInputs, AttachmentOutputs } from "../core/attachment/inputs";
import type { ResourceContext } from "../core/context";
import {
  checkNetworkInterface,
  createNetworkInterface,
  deleteNetworkInterface,
  diffNetworkInterfaceState,
  readNetworkInterface,
  updateNetworkInterface,
} from "../core/networkInterface/lifecycle";
import { creationKeyFromUrn } from "../core/networkInterface/inputs";
import type { NetworkInterfaceInputs, NetworkInterfaceOutputs } from "../core/networkInterface/inputs";
import type { OperationLimits } from "../core/operation";
import type { CheckResult, DiffResult } from "../core/results";

type Bag = Record<string, unknown>;

/** One resource type as the plugin serves it. @internal */
export interface ResourceKind {
  readonly token: string;
  /** The inputs a program sets, for a detailed diff. */
  readonly inputNames: readonly string[];
  check(urn: string, news: Bag): CheckResult<object>;
  diff(urn: string, id: string, olds: Bag, news: Bag): DiffResult;
  create(
    ctx: ResourceContext,
    urn: string,
    news: Bag,
    limits: OperationLimits,
  ): Promise<{ id: string; outputs: Bag }>;
  /** `undefined` once the resource is gone; an import passes no stored properties. */
  read(
    ctx: ResourceContext,
    urn: string,
    id: string,
    stored: Bag,
  ): Promise<{ outputs: Bag; inputs: Bag } | undefined>;
  update(
    ctx: ResourceContext,
    urn: string,
    id: string,
    olds: Bag,
    news: Bag,
    limits: OperationLimits,
  ): Promise<Bag>;
  delete(ctx: ResourceContext, urn: string, id: string, olds: Bag, limits: OperationLimits): Promise<void>;
  /** What the engine stores of outputs (and of a partial failure's outputs). */
  wire(outputs: object): Bag;
}

const attachment: ResourceKind = {
  token: "zenlayer:zec:NetworkInterfaceAttachment",
  inputNames: ["nicId", "instanceId", "timeouts"],
  check: (_urn, news) => checkAttachment(news),
  diff: (_urn, id, olds, news) => diffAttachmentState(id, olds, news),
  async create(ctx, _urn, news, limits) {
    const created = await createAttachment(ctx, news as unknown as AttachmentInputs, limits);
    return { id: created.id, outputs: { ...created.outputs } };
  },
  async read(ctx, _urn, id, stored) {
    const found = await readAttachment(ctx, id, stored as Partial<AttachmentOutputs>);
    return found === undefined ? undefined : { outputs: { ...found.outputs }, inputs: { ...found.inputs } };
  },
  async update(ctx, _urn, _id, olds, news, limits) {
    return {
      ...(await updateAttachment(
        ctx,
        olds as unknown as AttachmentOutputs,
        news as unknown as AttachmentInputs,
        limits,
      )),
    };
  },
  delete: (ctx, _urn, id, olds, limits) =>
    deleteAttachment(ctx, id, olds as Partial<AttachmentOutputs>, limits),
  wire: (outputs) => ({ ...outputs }),
};

/** The NIC's creation key, from its URN; the URN of a resource the engine sends is always well formed. */
function withCreationKey<T extends Bag>(urn: string, values: T): T & { creationKey: string } {
  return { ...values, creationKey: creationKeyFromUrn(urn) ?? urn };
}

function withoutCreationKey(values: object): Bag {
  const { creationKey: _key, ...rest } = values as Bag;
  return rest;
}

const networkInterface: ResourceKind = {
  token: "zenlayer:zec:NetworkInterface",
  inputNames: [
    "name",
    "subnetId",
    "securityGroupId",
    "nicStackType",
    "resourceGroupId",
    "tags",
    "forceDetach",
    "timeouts",
  ],
  check(urn, news) {
    const checked = checkNetworkInterface(withCreationKey(urn, news));
    return checked.inputs === undefined ? checked : { inputs: withoutCreationKey(checked.inputs) };
  },
  diff: (_urn, _id, olds, news) => diffNetworkInterfaceState(olds, news),
  async create(ctx, urn, news, limits) {
    const inputs = withCreationKey(urn, news) as unknown as NetworkInterfaceInputs;
    const created = await createNetworkInterface(ctx, inputs, limits);
    return { id: created.id, outputs: withoutCreationKey(created.outputs) };
  },
  async read(ctx, urn, id, stored) {
    const found = await readNetworkInterface(
      ctx,
      id,
      withCreationKey(urn, stored) as Partial<NetworkInterfaceOutputs>,
    );
    return found === undefined
      ? undefined
      : { outputs: withoutCreationKey(found.outputs), inputs: withoutCreationKey(found.inputs) };
  },
  async update(ctx, urn, id, olds, news, limits) {
    const old = withCreationKey(urn, olds) as unknown as NetworkInterfaceOutputs;
    const next = withCreationKey(urn, news) as unknown as NetworkInterfaceInputs;
    return withoutCreationKey(await updateNetworkInterface(ctx, id, old, next, limits));
  },
  delete: (ctx, _urn, id, olds, limits) =>
    deleteNetworkInterface(ctx, id, olds as Partial<NetworkInterfaceOutputs>, limits),
  wire: withoutCreationKey,
};

const KINDS: ReadonlyMap<string, ResourceKind> = new Map(
  [attachment, networkInterface].map((kind) => [kind.token, kind]),
);

/** The resource type a URN or type token names, or `undefined` when this provider has none such. @internal */
export function resourceKindOf(type: string): ResourceKind | undefined {
  return KINDS.get(type);
}

/** The type token inside a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`; the last type of a parent chain). @internal */
export function typeOfUrn(urn: string): string {
  const parts = urn.split("::");
  return (parts[2] ?? "").split("$").at(-1) ?? "";
}
