/**
 * The NetworkInterface's operations as plain functions of a context and plain inputs, returning
 * outputs or throwing (a `PartialFailure` when a NIC exists that must stay in the stack): what the
 * dynamic provider and the provider plugin both serve.
 * @packageDocumentation
 */
import type { NicInfo } from "../../../sdk/index";
import type { ResourceContext } from "../context";
import { handlerError, PartialFailure } from "../failures";
import { assertId, FIX_STATE, timeoutOf } from "../inputValues";
import { runOperation, startOperation } from "../operation";
import type { Operation, OperationLimits } from "../operation";
import type { CheckResult, DiffResult } from "../results";
import { awaitCreated, createAndWait, expectEarlierCreate } from "./create";
import type { CreateProgress } from "./create";
import { deleteAndWait } from "./delete";
import { removeDuplicates } from "./duplicates";
import {
  checkNetworkInterfaceInputs,
  CREATE_UNSEEN,
  DEFAULT_TIMEOUT,
  diffNetworkInterface,
  inputsFromNic,
  outputsFromNic,
  USABLE,
} from "./inputs";
import type { NetworkInterfaceInputs, NetworkInterfaceOutputs } from "./inputs";
import { renameOrRegroup, settingsOf } from "./update";

type Props = NetworkInterfaceInputs & Record<string, unknown>;

const NOTHING_LEFT = "Nothing is left behind: run `pulumi up` to try again.";
const MAY_HAVE_CREATED =
  "A create was sent whose outcome Zenlayer did not report: run `pulumi up` again; it finds the NIC that " +
  "create may have made (by its tag) instead of making a second one.";
const STAYS_PARTIAL =
  "The NIC stays in the stack: run `pulumi up` again to finish it (raise `timeouts.create` if Zenlayer is " +
  "slow), or `pulumi destroy` to delete it.";
const FAILED_STAYS =
  "The failed NIC stays in the stack: the next `pulumi up` replaces it, `pulumi destroy` deletes it.";
const STAYS_FOR_DELETE =
  "The NIC stays in the stack: fix the cause and run the command again (raise `timeouts.delete` if " +
  "Zenlayer is slow).";

/** Outputs for a NIC whose id is known but which no read has shown yet. */
function unseenOutputs(
  inputs: NetworkInterfaceInputs,
  nicId: string,
  sentAt: number | undefined,
): NetworkInterfaceOutputs {
  const blank = { nicType: "", regionId: "", vpcId: "", nicSubnetType: "", primaryIpv4: "", primaryIpv6: "" };
  const more = { ipv6Cidr: "", macAddress: "", instanceId: "", resourceGroupName: "", createTime: "" };
  const lists = { privateIpList: [], publicIpList: [], secondaryIpv4s: [] };
  const unseen = { ...inputs, nicId, status: CREATE_UNSEEN, ...blank, ...more, ...lists };
  return sentAt === undefined ? unseen : { ...unseen, writeSentAt: sentAt };
}

/** What a failed create leaves and what to do about it: a partial failure whenever a NIC exists. */
function createFailure(error: unknown, inputs: Props, progress: CreateProgress): Error {
  const what = `create NIC ${inputs.name}`;
  if (progress.nicId === undefined) {
    return handlerError(error, what, progress.mayHaveCreated ? MAY_HAVE_CREATED : NOTHING_LEFT);
  }
  const nic = progress.lastNic;
  const outputs =
    nic === undefined ? unseenOutputs(inputs, progress.nicId, progress.sentAt) : outputsFromNic(inputs, nic);
  const advice = nic?.status === "CREATE_FAILED" ? FAILED_STAYS : STAYS_PARTIAL;
  return new PartialFailure(progress.nicId, outputs, handlerError(error, what, advice));
}

/** Waits out a create an earlier `up` left unfinished; a NIC that ended CREATE_FAILED stays for replacement. */
async function finishCreate(
  ctx: ResourceContext,
  nicId: string,
  olds: NetworkInterfaceOutputs,
  news: Props,
  limits: OperationLimits,
): Promise<NicInfo> {
  const timeout = timeoutOf(news.timeouts, "create");
  const op = startOperation(ctx, `creating NIC ${nicId} (${news.name})`, timeout, DEFAULT_TIMEOUT, limits);
  const what = `finish creating NIC ${nicId} (${news.name})`;
  let nic: NicInfo;
  try {
    nic = await runOperation(op, async () => {
      if (olds.status === CREATE_UNSEEN) expectEarlierCreate(op, olds.writeSentAt);
      const settled = await awaitCreated(op, news, nicId);
      await removeDuplicates(op, news, nicId);
      return settled;
    });
  } catch (error) {
    const outputs = { ...unseenOutputs(news, nicId, olds.writeSentAt), ...olds };
    throw new PartialFailure(nicId, outputs, handlerError(error, what, STAYS_PARTIAL));
  }
  if (nic.status !== "CREATE_FAILED") return nic;
  const failed = new Error(`Zenlayer could not create NIC ${nicId} (${news.name}): it ended CREATE_FAILED`);
  throw new PartialFailure(nicId, outputsFromNic(news, nic), handlerError(failed, what, FAILED_STAYS));
}

/**
 * Reads the NIC for a refresh once it is settled (a NIC in transition is waited out, as Zenlayer's
 * Terraform provider does). "Gone" drops the resource from the stack, so it is reported only once
 * a read that Zenlayer's lag cannot fake agrees.
 */
function readSettledNic(op: Operation, nicId: string): Promise<NicInfo | undefined> {
  return op.converge<NicInfo | undefined>(async () => {
    const seen = await op.readNic(nicId);
    if (op.reads.judge(seen.value, seen.at) === "lagging") return op.lagging(seen.value);
    if (seen.value === undefined) {
      const verdict = `NIC ${nicId} is gone`;
      if (op.reads.confirms(verdict, seen.at)) return { kind: "done", value: undefined };
      return op.awaitConfirmation(verdict);
    }
    op.reads.contradicted();
    const status = seen.value.status;
    if (USABLE.has(status) || status === "CREATE_FAILED") return { kind: "done", value: seen.value };
    return { kind: "pending", observed: status };
  });
}

/** Validates the inputs before anything touches the cloud (see `checkNetworkInterfaceInputs`). @internal */
export function checkNetworkInterface(news: Record<string, unknown>): CheckResult<NetworkInterfaceInputs> {
  return checkNetworkInterfaceInputs(news);
}

/** What a change means for a NIC (see `diffNetworkInterface`). @internal */
export function diffNetworkInterfaceState(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): DiffResult {
  return diffNetworkInterface(olds, news);
}

/**
 * Creates the NIC and waits until it is usable; its id is the NIC's. A create that may have made a
 * NIC it cannot name says so; one that has an id keeps the NIC as a partial failure.
 * @internal
 */
export async function createNetworkInterface(
  ctx: ResourceContext,
  inputs: NetworkInterfaceInputs,
  limits: OperationLimits = {},
): Promise<{ id: string; outputs: NetworkInterfaceOutputs }> {
  const description = `creating NIC ${inputs.name} in subnet ${inputs.subnetId}`;
  const op = startOperation(ctx, description, timeoutOf(inputs.timeouts, "create"), DEFAULT_TIMEOUT, limits);
  const progress: CreateProgress = { nicId: undefined, lastNic: undefined, mayHaveCreated: false };
  try {
    const nic = await runOperation(op, async () => {
      const made = await createAndWait(op, inputs, progress);
      await removeDuplicates(op, inputs, made.nicId);
      return made;
    });
    return { id: nic.nicId, outputs: outputsFromNic(inputs, nic) };
  } catch (error) {
    throw createFailure(error, inputs as Props, progress);
  }
}

/**
 * Reads the NIC for a refresh or an import: its outputs and the inputs a program would write for
 * it, or `undefined` once it is gone. A refresh also deletes free duplicates carrying its tag.
 * @internal
 */
export async function readNetworkInterface(
  ctx: ResourceContext,
  id: string,
  props: Partial<NetworkInterfaceOutputs> = {},
): Promise<{ outputs: NetworkInterfaceOutputs; inputs: NetworkInterfaceInputs } | undefined> {
  assertId("id", id, FIX_STATE);
  const stored = { creationKey: "", ...props } as NetworkInterfaceOutputs;
  const op = startOperation(ctx, `reading NIC ${id}`, undefined, DEFAULT_TIMEOUT);
  const nic = await runOperation(op, async () => {
    if (stored.status === CREATE_UNSEEN) expectEarlierCreate(op, stored.writeSentAt);
    const found = await readSettledNic(op, id);
    if (found !== undefined && stored.creationKey !== "") await removeDuplicates(op, stored, id);
    return found;
  });
  if (nic === undefined) return undefined;
  const inputs = inputsFromNic(stored, nic);
  return { outputs: outputsFromNic(inputs, nic), inputs };
}

/** Finishes a partial create, then renames or regroups in place. @internal */
export async function updateNetworkInterface(
  ctx: ResourceContext,
  id: string,
  olds: NetworkInterfaceOutputs,
  news: NetworkInterfaceInputs,
  limits: OperationLimits = {},
): Promise<NetworkInterfaceOutputs> {
  const finished = USABLE.has(olds.status)
    ? undefined
    : await finishCreate(ctx, id, olds, news as Props, limits);
  const current = finished === undefined ? settingsOf(olds, news) : outputsFromNic(news, finished);
  return renameOrRegroup(ctx, current, news, limits);
}

/** Deletes the NIC (detaching it first only with `forceDetach`) and waits until it is gone. @internal */
export async function deleteNetworkInterface(
  ctx: ResourceContext,
  id: string,
  props: Partial<NetworkInterfaceOutputs> | undefined,
  limits: OperationLimits = {},
): Promise<void> {
  const timeout = timeoutOf(props?.timeouts, "delete");
  const op = startOperation(ctx, `deleting NIC ${id}`, timeout, DEFAULT_TIMEOUT, limits);
  try {
    await runOperation(op, () => {
      if (props?.status === CREATE_UNSEEN) expectEarlierCreate(op, props.writeSentAt);
      return deleteAndWait(op, id, { forceDetach: props?.forceDetach === true });
    });
  } catch (error) {
    throw handlerError(error, `delete NIC ${id}`, STAYS_FOR_DELETE);
  }
}
