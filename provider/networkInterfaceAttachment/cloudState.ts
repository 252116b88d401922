import type { InstanceInfo, NicInfo, ZecClient } from "../../sdk/index";
import { batchedReader } from "../shared/batchedReads";

const readNics = batchedReader<NicInfo>(
  async (client, nicIds) =>
    (await client.describeNetworkInterfaces({ nicIds, pageSize: nicIds.length })).dataSet,
  (nic) => nic.nicId,
);

const readInstances = batchedReader<InstanceInfo>(
  async (client, instanceIds) =>
    (await client.describeInstances({ instanceIds, pageSize: instanceIds.length })).dataSet,
  (instance) => instance.instanceId,
);

/** Reads one NIC; `undefined` when Zenlayer no longer lists it (deleted NICs just disappear). */
export function findNic(client: ZecClient, nicId: string): Promise<NicInfo | undefined> {
  return readNics(client, nicId);
}

/** Reads one instance; `undefined` when it does not exist. */
export function findInstance(client: ZecClient, instanceId: string): Promise<InstanceInfo | undefined> {
  return readInstances(client, instanceId);
}

/** True when the NIC is bound (or binding) to the given instance. */
export function isBoundTo(nic: NicInfo, instanceId: string): boolean {
  return nic.instanceId === instanceId && (nic.status === "USED" || nic.status === "ATTACHING");
}
