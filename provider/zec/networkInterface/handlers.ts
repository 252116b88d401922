import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { NicInfo } from "../../../sdk/index";
import type { HandlerContext, ProviderOptions } from "../../shared/context";
import { contextSource } from "../../shared/context";
import { handlerError, partialFailure } from "../../shared/failures";
import { assertId, FIX_STATE, timeoutOf } from "../../shared/inputValues";
import { runOperation, startOperation } from "../../shared/operation";
import type { Operation } from "../../shared/operation";
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
function unseenOutputs(inputs: NetworkInterfaceInputs, nicId: string): NetworkInterfaceOutputs {
  const blank = { nicType: "", regionId: "", vpcId: "", nicSubnetType: "", primaryIpv4: "", primaryIpv6: "" };
  const more = { ipv6Cidr: "", macAddress: "", instanceId: "", resourceGroupName: "", createTime: "" };
  const lists = { privateIpList: [], publicIpList: [], secondaryIpv4s: [] };
  return { ...inputs, nicId, status: CREATE_UNSEEN, ...blank, ...more, ...lists };
}

/** What a failed create leaves and what to do about it: a partial failure whenever a NIC exists. */
function createFailure(error: unknown, inputs: Props, progress: CreateProgress): Error {
  const what = `create NIC ${inputs.name}`;
  if (progress.nicId === undefined) {
    return handlerError(error, what, progress.mayHaveCreated ? MAY_HAVE_CREATED : NOTHING_LEFT);
  }
  const nic = progress.lastNic;
  const outputs = nic === undefined ? unseenOutputs(inputs, progress.nicId) : outputsFromNic(inputs, nic);
  const advice = nic?.status === "CREATE_FAILED" ? FAILED_STAYS : STAYS_PARTIAL;
  return partialFailure(progress.nicId, { ...outputs }, inputs, handlerError(error, what, advice));
}

/** Waits out a create an earlier `up` left unfinished; a NIC that ended CREATE_FAILED stays for replacement. */
async function finishCreate(
  ctx: HandlerContext,
  nicId: string,
  olds: NetworkInterfaceOutputs,
  news: Props,
): Promise<NicInfo> {
  const op = startOperation(
    ctx,
    `creating NIC ${nicId} (${news.name})`,
    timeoutOf(news.timeouts, "create"),
    DEFAULT_TIMEOUT,
  );
  const what = `finish creating NIC ${nicId} (${news.name})`;
  let nic: NicInfo;
  try {
    nic = await runOperation(op, async () => {
      if (olds.status === CREATE_UNSEEN) expectEarlierCreate(op);
      const settled = await awaitCreated(op, news, nicId);
      await removeDuplicates(op, news, nicId);
      return settled;
    });
  } catch (error) {
    const outputs = { ...unseenOutputs(news, nicId), ...olds };
    throw partialFailure(nicId, outputs, news, handlerError(error, what, STAYS_PARTIAL));
  }
  if (nic.status !== "CREATE_FAILED") return nic;
  const failed = new Error(`Zenlayer could not create NIC ${nicId} (${news.name}): it ended CREATE_FAILED`);
  throw partialFailure(
    nicId,
    { ...outputsFromNic(news, nic) },
    news,
    handlerError(failed, what, FAILED_STAYS),
  );
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
      // Unchecked inputs can be anything the program passed; validating them is this method's job.
      return checkNetworkInterfaceInputs(news as unknown as Record<string, unknown>);
    },
    async diff(_id, olds, news) {
      return diffNetworkInterface(
        olds as unknown as Record<string, unknown>,
        news as unknown as Record<string, unknown>,
      );
    },
    async create(inputs) {
      const ctx = source.context();
      const description = `creating NIC ${inputs.name} in subnet ${inputs.subnetId}`;
      const op = startOperation(ctx, description, timeoutOf(inputs.timeouts, "create"), DEFAULT_TIMEOUT);
      const progress: CreateProgress = { nicId: undefined, lastNic: undefined, mayHaveCreated: false };
      try {
        const nic = await runOperation(op, async () => {
          const made = await createAndWait(op, inputs, progress);
          await removeDuplicates(op, inputs, made.nicId);
          return made;
        });
        return { id: nic.nicId, outs: outputsFromNic(inputs, nic) };
      } catch (error) {
        throw createFailure(error, inputs as Props, progress);
      }
    },
    async read(id, props) {
      assertId("id", id, FIX_STATE);
      const stored = { creationKey: "", ...props } as NetworkInterfaceOutputs;
      const op = startOperation(source.context(), `reading NIC ${id}`, undefined, DEFAULT_TIMEOUT);
      const nic = await runOperation(op, async () => {
        if (stored.status === CREATE_UNSEEN) expectEarlierCreate(op);
        const found = await readSettledNic(op, id);
        if (found !== undefined && stored.creationKey !== "") await removeDuplicates(op, stored, id);
        return found;
      });
      if (nic === undefined) return {};
      const inputs = inputsFromNic(stored, nic);
      // The SDK types ReadResult.inputs as the outputs type; the engine stores them as inputs.
      return { id, props: outputsFromNic(inputs, nic), inputs: inputs as NetworkInterfaceOutputs };
    },
    async update(id, olds, news) {
      const ctx = source.context();
      const finished = USABLE.has(olds.status) ? undefined : await finishCreate(ctx, id, olds, news as Props);
      const current = finished === undefined ? settingsOf(olds, news) : outputsFromNic(news, finished);
      return { outs: await renameOrRegroup(ctx, current, news) };
    },
    async delete(id, props) {
      const op = startOperation(
        source.context(),
        `deleting NIC ${id}`,
        timeoutOf(props?.timeouts, "delete"),
        DEFAULT_TIMEOUT,
      );
      try {
        await runOperation(op, () => {
          if (props?.status === CREATE_UNSEEN) expectEarlierCreate(op);
          return deleteAndWait(op, id, { forceDetach: props?.forceDetach === true });
        });
      } catch (error) {
        throw handlerError(error, `delete NIC ${id}`, STAYS_FOR_DELETE);
      }
    },
  };
}

/**
 * The provider behind `zenlayer.zec.NetworkInterface`. When the engine has not called `configure`,
 * every handler reads credentials and endpoint from the environment at call time.
 * @public
 */
export const networkInterfaceProvider = createNetworkInterfaceProvider();
