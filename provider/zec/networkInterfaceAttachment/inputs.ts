/**
 * The attachment's inputs and outputs: their types, the id format, and the pure functions that
 * check inputs, diff them, and build outputs from what Zenlayer reports.
 * @packageDocumentation
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { NicInfo } from "../../../sdk/index";
import { displayValue } from "../../../sdk/util/displayValue";
import { isUnknown, readTimeout } from "../../shared/inputValues";

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

/** Both timeouts default to ten minutes, like most NIC operations in Zenlayer's own tools. */
export const DEFAULT_TIMEOUT = "10m";

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

type Failure = dynamic.CheckFailure;

/**
 * The longest id accepted. The API reference documents no id format; every id seen (NICs and
 * instances in the Terraform provider's examples) is a decimal number of 17–19 digits. The length
 * is only observed, so the bound leaves room: a longer id format (20 digits is the next unsigned
 * 64-bit width) must not break every stack at preview, while a wrong length costs at most a
 * not-found answer.
 */
const MAX_ID_DIGITS = 32;

/**
 * What a Zenlayer id looks like: ASCII digits only, because anything else cannot have come from
 * Zenlayer, and because that alone rules out every space, quote, control, escape and invisible
 * character.
 */
const ZENLAYER_ID = new RegExp(`^[0-9]{1,${String(MAX_ID_DIGITS)}}$`);

/** Why `value` cannot be the id in `property`, naming the property and showing the value escaped. */
function idProblem(property: string, value: unknown): string | undefined {
  if (typeof value === "string" && ZENLAYER_ID.test(value)) return undefined;
  const rule = `a Zenlayer id of 1 to ${String(MAX_ID_DIGITS)} ASCII digits, such as "1475945014486896967"`;
  return `${property} must be ${rule}; got ${displayValue(value)}`;
}

function checkId(property: string, value: unknown): Failure | undefined {
  if (isUnknown(value)) return undefined;
  const reason = idProblem(property, value);
  return reason === undefined ? undefined : { property, reason };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Unknown timeout names, in one failure however many there are. Odd names are shown escaped only. */
function unknownTimeouts(keys: readonly string[]): Failure | undefined {
  const [first] = keys;
  if (first === undefined) return undefined;
  const plain = keys.length === 1 && /^\w{1,32}$/.test(first);
  const property = plain ? `timeouts.${first}` : "timeouts";
  const shown = keys.slice(0, 3).map(displayValue).join(", ");
  const more = keys.length > 3 ? ` and ${String(keys.length - 3)} more` : "";
  const entries = keys.length === 1 ? "entry" : "entries";
  return {
    property,
    reason: `timeouts has unknown ${entries} ${shown}${more}; only "create" and "delete" exist`,
  };
}

function checkDuration(property: string, value: unknown): Failure | undefined {
  if (value === undefined || value === null || isUnknown(value)) return undefined;
  const reading = readTimeout(value);
  if ("ms" in reading) return undefined;
  return { property, reason: `${property} ${reading.problem}; got ${displayValue(value)}` };
}

function checkTimeouts(value: unknown): Failure[] {
  if (value === undefined || value === null || isUnknown(value)) return [];
  if (!isRecord(value)) {
    const reason = `timeouts must be an object such as { create: "10m", delete: "15m" }; got ${displayValue(value)}`;
    return [{ property: "timeouts", reason }];
  }
  return [
    checkDuration("timeouts.create", value["create"]),
    checkDuration("timeouts.delete", value["delete"]),
    unknownTimeouts(Object.keys(value).filter((key) => key !== "create" && key !== "delete")),
  ].filter((failure): failure is Failure => failure !== undefined);
}

/**
 * The timeout a handler should use: the stored text when it is a valid timeout, else `undefined`
 * so the default applies. Handlers read timeouts from old state as well as from checked inputs,
 * and state can hold anything an older version or a hand edit put there; a bad value there must
 * not stop a destroy.
 * @internal
 */
export function timeoutOf(timeouts: unknown, which: "create" | "delete"): string | undefined {
  const value = isRecord(timeouts) ? timeouts[which] : undefined;
  return typeof value === "string" && "ms" in readTimeout(value) ? value : undefined;
}

const FIX_PROGRAM = "Nothing was sent to Zenlayer; correct the value in the program.";
const FIX_STATE =
  "Nothing was sent to Zenlayer. The value comes from the stack's state: correct it there (`pulumi stack " +
  "export`, edit, `pulumi stack import`) or drop the resource with `pulumi state delete <urn>`.";

/** Throws, before anything is sent, when `value` cannot be the id in `property`. */
function assertId(property: "nicId" | "instanceId", value: unknown, advice: string): asserts value is string {
  const problem = idProblem(property, value);
  if (problem !== undefined) throw new Error(`${problem}. ${advice}`);
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
 * The ids of a stored resource (read, delete), from its properties or, failing that, from its
 * resource id. The instance may be unknowable (no property, a resource id naming the NIC alone);
 * read and delete need only the NIC, so it is then `""`, which owns nothing. Any id that is
 * present, even an empty one, must be a Zenlayer id.
 * @internal
 */
export function storedIds(id: unknown, props: unknown): { nicId: string; instanceId: string } {
  const record = isRecord(props) ? props : {};
  const parsed = typeof id === "string" ? parseAttachmentId(id) : undefined;
  const nicId = record["nicId"] ?? parsed?.nicId ?? id;
  const instanceId = record["instanceId"] ?? parsed?.instanceId;
  assertId("nicId", nicId, FIX_STATE);
  if (instanceId === undefined) return { nicId, instanceId: "" };
  assertId("instanceId", instanceId, FIX_STATE);
  return { nicId, instanceId };
}

/**
 * Validates the inputs before anything touches the cloud, naming the property at fault. Values
 * the engine does not know yet (during preview) pass through untouched.
 * @internal
 */
export function checkAttachmentInputs(news: Record<string, unknown>): dynamic.CheckResult<AttachmentInputs> {
  const failures = [
    checkId("nicId", news["nicId"]),
    checkId("instanceId", news["instanceId"]),
    ...checkTimeouts(news["timeouts"]),
  ].filter((failure): failure is Failure => failure !== undefined);
  if (failures.length > 0) {
    return { failures };
  }
  return { inputs: news as unknown as AttachmentInputs };
}

const REPLACING_PROPERTIES = ["nicId", "instanceId"] as const;

function sameTimeouts(a: unknown, b: unknown): boolean {
  const left = (a ?? {}) as AttachmentTimeouts;
  const right = (b ?? {}) as AttachmentTimeouts;
  return left.create === right.create && left.delete === right.delete;
}

/**
 * Decides what a change means. A new NIC or instance is a replacement, always delete-first: a NIC
 * can be attached to one instance at a time, so the old attachment must go before the new one is
 * made. Timeouts only steer this provider, so they update in place without any API call.
 * Pure, because the engine also calls it after a refresh with the arguments swapped.
 * @internal
 */
export function diffAttachment(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): dynamic.DiffResult {
  const replaces = REPLACING_PROPERTIES.filter(
    (property) => isUnknown(news[property]) || olds[property] !== news[property],
  );
  const timeoutsChanged = isUnknown(news["timeouts"]) || !sameTimeouts(olds["timeouts"], news["timeouts"]);
  if (replaces.length > 0) {
    return { changes: true, replaces: [...replaces], deleteBeforeReplace: true };
  }
  return { changes: timeoutsChanged };
}

/**
 * Builds the complete outputs from what Zenlayer reports about the NIC. Absent API values become
 * empty strings and lists, because the engine's property format has no `undefined`.
 * @internal
 */
export function outputsFromNic(inputs: AttachmentInputs, nic: NicInfo): AttachmentOutputs {
  return {
    nicId: inputs.nicId,
    instanceId: nic.instanceId ?? inputs.instanceId,
    ...(inputs.timeouts === undefined ? {} : { timeouts: inputs.timeouts }),
    status: nic.status,
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

/** The outputs of a partial failure: what was last seen of the NIC, or placeholders if nothing was. */
export function outputsSoFar(inputs: AttachmentInputs, nic: NicInfo | undefined): AttachmentOutputs {
  if (nic !== undefined) return outputsFromNic(inputs, nic);
  const empty = { status: "UNKNOWN", nicType: "", nicName: "", regionId: "", vpcId: "", subnetId: "" };
  return { ...inputs, ...empty, primaryIpv4: "", privateIpList: [], macAddress: "" };
}
