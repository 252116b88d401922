import type { InstanceInfo, NicInfo, ZecClient } from "../../sdk/index";

/** Reads one NIC; `undefined` when Zenlayer no longer lists it (deleted NICs just disappear). */
export async function findNic(client: ZecClient, nicId: string): Promise<NicInfo | undefined> {
  const page = await client.describeNetworkInterfaces({ nicIds: [nicId] });
  return page.dataSet.find((nic) => nic.nicId === nicId);
}

/** Reads one instance; `undefined` when it does not exist. */
export async function findInstance(client: ZecClient, instanceId: string): Promise<InstanceInfo | undefined> {
  const page = await client.describeInstances({ instanceIds: [instanceId] });
  return page.dataSet.find((instance) => instance.instanceId === instanceId);
}

/** True when the NIC is bound (or binding) to the given instance. */
export function isBoundTo(nic: NicInfo, instanceId: string): boolean {
  return nic.instanceId === instanceId && (nic.status === "USED" || nic.status === "ATTACHING");
}

/** The instance a NIC is bound to, if any; the API reports `null` or leaves it out when detached. */
export function boundInstance(nic: NicInfo): string | undefined {
  return nic.instanceId ?? undefined;
}
