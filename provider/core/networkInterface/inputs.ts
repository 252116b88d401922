/**
 * The NetworkInterface resource's inputs and outputs: their types, the checks and the diff, the
 * tag that makes creation findable, and the outputs built from what Zenlayer reports.
 * @packageDocumentation
 */
import { createHash } from "node:crypto";
import type { NicInfo, NicSubnetType, Tag } from "../../../sdk/index";
import { isRecord, isUnknown } from "../inputValues";
import type { CheckResult, DiffResult } from "../results";
import { checkInputs } from "../schema/checkInputs";
import { replacingInputs } from "../schema/definition";
import { provenAtCompileTime } from "../schema/inference";
import type { Equals } from "../schema/inference";
import {
  CREATION_TAG_KEY,
  NETWORK_INTERFACE_DEFAULT_TIMEOUT,
  NETWORK_INTERFACE_RESOURCE,
} from "../schema/networkInterfaceSchema";
import type {
  NetworkInterfaceInputsOfSchema,
  NetworkInterfaceOutputsOfSchema,
  NetworkInterfaceTimeoutsOfSchema,
} from "../schema/networkInterfaceSchema";

export { CREATION_TAG_KEY };

/** How long create, update (a rename) and delete may wait, as Go-style durations. @public */
export interface NetworkInterfaceTimeouts {
  readonly create?: string;
  readonly update?: string;
  readonly delete?: string;
}

/** The inputs the provider receives after `check`. @public */
export interface NetworkInterfaceInputs {
  readonly name: string;
  readonly subnetId: string;
  readonly securityGroupId?: string;
  readonly nicStackType?: NicSubnetType;
  readonly resourceGroupId?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly forceDetach?: boolean;
  readonly timeouts?: NetworkInterfaceTimeouts;
  /**
   * Who asks for this NIC (`<project>/<stack>/<resource name>`), set by the resource class: with
   * the inputs that decide which NIC it is, it makes the tag that finds a NIC an earlier create
   * made (see `creationTag`).
   */
  readonly creationKey: string;
}

/** The complete state of one NIC: the inputs plus Zenlayer's fields. @public */
export interface NetworkInterfaceOutputs extends NetworkInterfaceInputs {
  readonly nicId: string;
  readonly status: string;
  readonly nicType: string;
  readonly regionId: string;
  readonly vpcId: string;
  readonly nicSubnetType: string;
  readonly primaryIpv4: string;
  readonly primaryIpv6: string;
  readonly ipv6Cidr: string;
  readonly privateIpList: string[];
  readonly publicIpList: string[];
  readonly secondaryIpv4s: string[];
  readonly macAddress: string;
  /**
   * When the create that status `UNKNOWN` stands for was sent (epoch ms): later operations wait for
   * reads to show the NIC only until its grace from then has passed. Absent once a read showed it.
   */
  readonly writeSentAt?: number;
  /** The instance it is attached to; `""` when none. */
  readonly instanceId: string;
  readonly resourceGroupName: string;
  readonly createTime: string;
}

// The interfaces above keep their text for the API report; the definition is the source, and these
// proofs fail the build when the two differ in any key, type, optionality or `readonly`.
provenAtCompileTime<Equals<NetworkInterfaceTimeouts, NetworkInterfaceTimeoutsOfSchema>>();
provenAtCompileTime<Equals<NetworkInterfaceInputs, NetworkInterfaceInputsOfSchema>>();
provenAtCompileTime<Equals<NetworkInterfaceOutputs, NetworkInterfaceOutputsOfSchema>>();

/** Create, update and delete each default to ten minutes (see the definition). */
export const DEFAULT_TIMEOUT = NETWORK_INTERFACE_DEFAULT_TIMEOUT;

/**
 * Properties whose change needs a new NIC (the API has no action that changes them in place), as
 * the definition marks them; `tags`, compared as a set, is judged on its own.
 */
const REPLACING = replacingInputs(NETWORK_INTERFACE_RESOURCE).filter((property) => property !== "tags");
/**
 * The status stored for a NIC whose create Zenlayer accepted but no read has shown yet: refresh and
 * delete must not take a read that does not list it at its word at once (reads may lag the create).
 * @internal
 */
export const CREATE_UNSEEN = "UNKNOWN";
/** Statuses of a NIC whose create has finished. */
export const USABLE: ReadonlySet<string> = new Set(["AVAILABLE", "USED"]);
/**
 * Validates the inputs before anything touches the cloud, naming the property at fault, under the
 * rules of the definition; values not known yet (during preview) pass through.
 * @internal
 */
export function checkNetworkInterfaceInputs(
  news: Record<string, unknown>,
): CheckResult<NetworkInterfaceInputs> {
  return checkInputs(NETWORK_INTERFACE_RESOURCE.inputs, news);
}

function sameTags(a: unknown, b: unknown): boolean {
  const left = Object.entries(isRecord(a) ? a : {}).sort(([x], [y]) => x.localeCompare(y));
  const right = Object.entries(isRecord(b) ? b : {}).sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify(left) === JSON.stringify(right);
}

/** Whether `news[property]` asks for something other than what `olds` holds (unknown counts). */
function changed(olds: Record<string, unknown>, news: Record<string, unknown>, property: string): boolean {
  const value = news[property];
  return isUnknown(value) || (value !== undefined && value !== olds[property]);
}

/**
 * What a change means. The subnet, stack type, resource group and tags need a new NIC (Zenlayer
 * has no action that changes them in place; the new NIC is made first, then the old one deleted,
 * so attachments move to it); the name and security group change in place
 * (ModifyNetworkInterfaceAttribute); `forceDetach` and `timeouts` only steer this provider; a NIC
 * that ended CREATE_FAILED is replaced whatever changed. An
 * optional input left out (the security group, the tags) accepts whatever Zenlayer holds. Pure.
 * @internal
 */
export function diffNetworkInterface(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): DiffResult {
  const replaces = REPLACING.filter((property) => changed(olds, news, property));
  const tags = news["tags"];
  if (isUnknown(tags) || (tags !== undefined && !sameTags(olds["tags"], tags))) replaces.push("tags");
  // A NIC Zenlayer failed to create can never become usable: the next `up` replaces it.
  if (olds["status"] === "CREATE_FAILED") replaces.push("status");
  if (replaces.length > 0) return { changes: true, replaces };
  const inPlace = ["name", "securityGroupId"].some((property) => changed(olds, news, property));
  const steering = ["forceDetach", "timeouts"].some(
    (property) => JSON.stringify(olds[property]) !== JSON.stringify(news[property]),
  );
  // A partial create (the NIC not yet AVAILABLE when an `up` stopped) is continued by `update`.
  const unfinished = typeof olds["status"] === "string" && !USABLE.has(olds["status"]);
  return { changes: inPlace || steering || unfinished };
}

/**
 * The creation key of a resource: who asks for the NIC, as `<project>/<stack>/<resource name>`.
 * The engine names a resource by the same parts in its URN, so any front end can derive it: the
 * dynamic resource class from the program's project and stack, a provider plugin from the URN.
 * @internal
 */
export function creationKeyOf(project: string, stack: string, name: string): string {
  return `${project}/${stack}/${name}`;
}

/**
 * The creation key of the resource a URN names (`urn:pulumi:<stack>::<project>::<type>::<name>`);
 * `undefined` for anything else.
 * @internal
 */
export function creationKeyFromUrn(urn: string): string | undefined {
  const parts = /^urn:pulumi:([^:]+)::([^:]+)::[^]*::([^:]+)$/.exec(urn);
  return parts === null ? undefined : creationKeyOf(parts[2] ?? "", parts[1] ?? "", parts[3] ?? "");
}

/**
 * The tag a create sets so that a later look can find the NIC it made, even when its answer was
 * lost: derived from who asks (`creationKey`) and what decides which NIC it is, so the same
 * resource re-running after an interruption finds its NIC, and its replacement (different inputs)
 * does not mistake the old NIC for its own.
 * @internal
 */
export function creationTag(inputs: NetworkInterfaceInputs): Tag {
  const identity = [
    inputs.creationKey,
    inputs.subnetId,
    inputs.nicStackType ?? "",
    inputs.resourceGroupId ?? "",
  ];
  const tags = Object.entries(inputs.tags ?? {}).sort(([x], [y]) => x.localeCompare(y));
  const value = createHash("sha256")
    .update(JSON.stringify([identity, tags]))
    .digest("hex")
    .slice(0, 32);
  return { key: CREATION_TAG_KEY, value };
}

/** The user's tags among a NIC's tags: every tag but the creation tag. */
function userTags(nic: NicInfo): Record<string, string> {
  const tags = (nic.tags?.tags ?? []).filter((tag) => tag.key !== CREATION_TAG_KEY);
  return Object.fromEntries(tags.map((tag) => [tag.key, tag.value]));
}

/**
 * The complete outputs from what Zenlayer reports. The inputs are what Zenlayer holds where it
 * holds them (a rename made elsewhere shows as drift); absent API values become empty strings and
 * lists, because the engine's property format has no `undefined`.
 * @internal
 */
export function outputsFromNic(inputs: NetworkInterfaceInputs, nic: NicInfo): NetworkInterfaceOutputs {
  return {
    ...inputsFromNic(inputs, nic),
    nicId: nic.nicId,
    status: nic.status,
    nicType: nic.nicType,
    regionId: nic.regionId,
    vpcId: nic.vpcId ?? "",
    nicSubnetType: nic.nicSubnetType ?? "",
    primaryIpv4: nic.primaryIpv4 ?? "",
    primaryIpv6: nic.primaryIpv6 ?? "",
    ipv6Cidr: nic.ipv6Cidr ?? "",
    privateIpList: [...(nic.privateIpList ?? [])],
    publicIpList: [...(nic.publicIpList ?? [])],
    secondaryIpv4s: [...(nic.secondaryIpv4s ?? [])],
    macAddress: nic.macAddress ?? "",
    instanceId: nic.instanceId ?? "",
    resourceGroupName: nic.resourceGroup?.resourceGroupName ?? "",
    createTime: nic.createTime ?? "",
  };
}

/** The inputs as Zenlayer holds them now, keeping the provider's own settings from `inputs`. */
export function inputsFromNic(inputs: NetworkInterfaceInputs, nic: NicInfo): NetworkInterfaceInputs {
  const tags = userTags(nic);
  return {
    name: nic.name,
    subnetId: nic.subnetId ?? inputs.subnetId,
    ...(nic.securityGroupId ? { securityGroupId: nic.securityGroupId } : {}),
    ...(inputs.nicStackType === undefined ? {} : { nicStackType: inputs.nicStackType }),
    ...(nic.resourceGroup?.resourceGroupId && inputs.resourceGroupId !== undefined
      ? { resourceGroupId: nic.resourceGroup.resourceGroupId }
      : {}),
    ...(Object.keys(tags).length > 0 || inputs.tags !== undefined ? { tags } : {}),
    ...(inputs.forceDetach === undefined ? {} : { forceDetach: inputs.forceDetach }),
    ...(inputs.timeouts === undefined ? {} : { timeouts: inputs.timeouts }),
    creationKey: inputs.creationKey,
  };
}
