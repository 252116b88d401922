/**
 * The attachment's inputs and outputs: their types, the id format, and the pure functions that
 * check inputs, diff them, and build outputs from what Zenlayer reports.
 * @packageDocumentation
 */
import type { NicInfo } from "../../../sdk/index";
import { assertId, FIX_PROGRAM, FIX_STATE, isRecord, isUnknown } from "../inputValues";
import type { CheckResult, DiffResult } from "../results";
import { ATTACHMENT_DEFAULT_TIMEOUT, ATTACHMENT_RESOURCE } from "../schema/attachmentSchema";
import type {
  AttachmentInputsOfSchema,
  AttachmentOutputsOfSchema,
  AttachmentTimeoutsOfSchema,
} from "../schema/attachmentSchema";
import { checkInputs } from "../schema/checkInputs";
import { replacingInputs } from "../schema/definition";
import { provenAtCompileTime } from "../schema/inference";
import type { Equals } from "../schema/inference";

/**
 * How long create and delete may wait, as Go-style durations (`"10m"`, `"1h"`). Dynamic providers
 * never see Pulumi's `customTimeouts`, so the resource takes them as an ordinary input.
 * @public
 */
export interface AttachmentTimeouts {
  readonly create?: string;
  readonly delete?: string;
}

/** The inputs the provider receives (after `check`), in the order users write them. */
export interface AttachmentInputs {
  readonly nicId: string;
  readonly instanceId: string;
  readonly timeouts?: AttachmentTimeouts;
}

/**
 * The complete state of one attachment. Every handler returns all of it, because the engine
 * replaces the stored outputs with whatever a handler returns.
 */
export interface AttachmentOutputs extends AttachmentInputs {
  /**
   * When the attach that status `ATTACHING` stands for was sent (epoch ms): later operations wait
   * for reads to show it only until its grace from then has passed. Absent once a read showed it.
   */
  readonly writeSentAt?: number;
  readonly status: string;
  readonly nicType: string;
  readonly nicName: string;
  readonly regionId: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly primaryIpv4: string;
  readonly privateIpList: string[];
  readonly macAddress: string;
}

// The interfaces above keep their text for the API report; the definition is the source, and these
// proofs fail the build when the two differ in any key, type, optionality or `readonly`.
provenAtCompileTime<Equals<AttachmentTimeouts, AttachmentTimeoutsOfSchema>>();
provenAtCompileTime<Equals<AttachmentInputs, AttachmentInputsOfSchema>>();
provenAtCompileTime<Equals<AttachmentOutputs, AttachmentOutputsOfSchema>>();

/** Both timeouts default to ten minutes (see the definition). */
export const DEFAULT_TIMEOUT = ATTACHMENT_DEFAULT_TIMEOUT;

/**
 * The attachment's id is `<nicId>:<instanceId>`, the format Zenlayer's Terraform provider uses,
 * so people moving from Terraform recognise it.
 * @public
 */
export function formatAttachmentId(nicId: string, instanceId: string): string {
  return `${nicId}:${instanceId}`;
}

/** Splits an attachment id; `undefined` when it is not of the `<nicId>:<instanceId>` form. */
export function parseAttachmentId(id: string): { nicId: string; instanceId: string } | undefined {
  const parts = id.split(":");
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    return undefined;
  }
  return { nicId: parts[0], instanceId: parts[1] };
}

/**
 * The ids in a handler's inputs (create, update): both must be Zenlayer ids. The engine runs
 * `check` first, but a handler must not rely on that: it is the last stop before a request.
 * @internal
 */
export function inputIds(props: unknown): { nicId: string; instanceId: string } {
  const record = isRecord(props) ? props : {};
  const { nicId, instanceId } = record;
  assertId("nicId", nicId, FIX_PROGRAM);
  assertId("instanceId", instanceId, FIX_PROGRAM);
  return { nicId, instanceId };
}

/**
 * The ids of a stored resource (read, delete): the pair the program named, which is the resource
 * id `<nicId>:<instanceId>` (set at create from the inputs, and never changed). Properties are
 * consulted only for an id that names the NIC alone; older versions could record in them an
 * instance the NIC was merely seen on, which this resource does not own. The instance may be
 * unknowable (no property, an id naming the NIC alone); read and delete need only the NIC, so it
 * is then `""`, which owns nothing. Any id that is present, even an empty one, must be a Zenlayer
 * id.
 * @internal
 */
export function storedIds(id: unknown, props: unknown): { nicId: string; instanceId: string } {
  const record = isRecord(props) ? props : {};
  const parsed = typeof id === "string" ? parseAttachmentId(id) : undefined;
  const nicId = parsed?.nicId ?? record["nicId"] ?? id;
  const instanceId = parsed?.instanceId ?? record["instanceId"];
  assertId("nicId", nicId, FIX_STATE);
  if (instanceId === undefined) return { nicId, instanceId: "" };
  assertId("instanceId", instanceId, FIX_STATE);
  return { nicId, instanceId };
}

/**
 * Stored outputs with the pair the resource owns taken from its id, for `diff`: state written by
 * older versions may record another instance in its properties (see {@link storedIds}).
 * @internal
 */
export function ownedOutputs(id: string, olds: Record<string, unknown>): Record<string, unknown> {
  const parsed = parseAttachmentId(id);
  return parsed === undefined ? olds : { ...olds, ...parsed };
}

/**
 * Validates the inputs before anything touches the cloud, naming the property at fault, under the
 * rules of the definition. Values the engine does not know yet (during preview) pass through
 * untouched.
 * @internal
 */
export function checkAttachmentInputs(news: Record<string, unknown>): CheckResult<AttachmentInputs> {
  return checkInputs(ATTACHMENT_RESOURCE.inputs, news);
}

/** `nicId` and `instanceId`, as the definition marks them. */
const REPLACING_PROPERTIES = replacingInputs(ATTACHMENT_RESOURCE);

function sameTimeouts(a: unknown, b: unknown): boolean {
  const left = (a ?? {}) as AttachmentTimeouts;
  const right = (b ?? {}) as AttachmentTimeouts;
  return left.create === right.create && left.delete === right.delete;
}

/**
 * Decides what a change means. A new NIC or instance is a replacement. When the same NIC may be
 * involved (only the instance changes, or the new NIC id is not known yet while the instance
 * changes), it is delete-first: a NIC is attached to one instance at a time, so the old
 * attachment must go before the new one is made. A different NIC is attached first and the old
 * one detached after, so the instance keeps a NIC through the change (a replaced NetworkInterface
 * moves its attachment this way). Timeouts only steer this provider, so they update in place
 * without any API call. Pure, because the engine also calls it after a refresh with the arguments
 * swapped.
 * @internal
 */
export function diffAttachment(olds: Record<string, unknown>, news: Record<string, unknown>): DiffResult {
  const replaces = REPLACING_PROPERTIES.filter(
    (property) => isUnknown(news[property]) || olds[property] !== news[property],
  );
  const timeoutsChanged = isUnknown(news["timeouts"]) || !sameTimeouts(olds["timeouts"], news["timeouts"]);
  if (replaces.length > 0) {
    const sameNicPossible =
      !replaces.includes("nicId") || (isUnknown(news["nicId"]) && replaces.includes("instanceId"));
    return { changes: true, replaces: [...replaces], deleteBeforeReplace: sameNicPossible };
  }
  return { changes: timeoutsChanged };
}

/**
 * The status stored for an attachment that is not known to be attached: an attach may have taken
 * effect unseen (its answer was lost, or reads lag it), so refresh and delete must not take a read
 * showing the NIC free at its word at once.
 * @internal
 */
export const ATTACH_UNSEEN = "ATTACHING";

/**
 * Builds the complete outputs from what Zenlayer reports about the NIC. The instance is always the
 * one the program named, never one the NIC was seen on: the resource owns that pair alone. The
 * status is the NIC's when it is on that instance, else {@link ATTACH_UNSEEN}. Absent API values
 * become empty strings and lists, because the engine's property format has no `undefined`.
 * @internal
 */
export function outputsFromNic(inputs: AttachmentInputs, nic: NicInfo): AttachmentOutputs {
  return {
    nicId: inputs.nicId,
    instanceId: inputs.instanceId,
    ...(inputs.timeouts === undefined ? {} : { timeouts: inputs.timeouts }),
    status: nic.instanceId === inputs.instanceId ? nic.status : ATTACH_UNSEEN,
    nicType: nic.nicType ?? "",
    nicName: nic.name ?? "",
    regionId: nic.regionId ?? "",
    vpcId: nic.vpcId ?? "",
    subnetId: nic.subnetId ?? "",
    primaryIpv4: nic.primaryIpv4 ?? "",
    privateIpList: [...(nic.privateIpList ?? [])],
    macAddress: nic.macAddress ?? "",
  };
}

/** Only the inputs, for handlers that must return what the program would have to say. */
export function inputsOf(props: AttachmentInputs): AttachmentInputs {
  return {
    nicId: props.nicId,
    instanceId: props.instanceId,
    ...(props.timeouts === undefined ? {} : { timeouts: props.timeouts }),
  };
}

/**
 * The outputs of a partial failure after an attach may have run: what was last seen of the NIC, or
 * placeholders if nothing was; unless the NIC was seen on the instance, the status is
 * {@link ATTACH_UNSEEN}.
 */
export function outputsSoFar(
  inputs: AttachmentInputs,
  nic: NicInfo | undefined,
  sentAt: number | undefined,
): AttachmentOutputs {
  const empty = { status: ATTACH_UNSEEN, nicType: "", nicName: "", regionId: "", vpcId: "", subnetId: "" };
  const seen =
    nic === undefined
      ? { ...inputs, ...empty, primaryIpv4: "", privateIpList: [], macAddress: "" }
      : outputsFromNic(inputs, nic);
  return seen.status === ATTACH_UNSEEN && sentAt !== undefined ? { ...seen, writeSentAt: sentAt } : seen;
}
