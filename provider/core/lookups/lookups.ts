/**
 * The lookups of existing NICs and instances, as plain functions of a client: the program-side
 * lookups of the dynamic resources and the provider plugin's functions both call these.
 * @packageDocumentation
 */
import type { DescribeNetworkInterfacesRequest, InstanceInfo, NicInfo, ZecClient } from "../../../sdk/index";
import { FIX_PROGRAM, idProblem } from "../inputValues";
import { tagFilterProblem } from "../tags";
import { withinLookupDeadline } from "./lookupDeadline";

/** The NIC filters a lookup accepts: those of DescribeNetworkInterfaces, without paging. @public */
export type NetworkInterfaceFilters = Omit<DescribeNetworkInterfacesRequest, "pageSize" | "pageNum">;

/** The id `value` in `property`, or an error naming the lookup, before anything is sent. */
function requireId(lookup: string, property: string, value: unknown): string {
  const problem = idProblem(property, value);
  if (problem !== undefined) throw new Error(`${lookup}: ${problem}. ${FIX_PROGRAM}`);
  return value as string;
}

/**
 * One NIC by id. Fails, naming the id, when Zenlayer does not list it: a program that names a NIC
 * expects it to exist.
 * @internal
 */
export async function lookUpNetworkInterface(
  client: ZecClient,
  nicId: unknown,
  timeoutMs?: unknown,
): Promise<NicInfo> {
  const id = requireId("getNetworkInterface", "nicId", nicId);
  const page = await withinLookupDeadline("getNetworkInterface", client, timeoutMs, (call) =>
    client.describeNetworkInterfaces({ nicIds: [id] }, call),
  );
  const nic = page.dataSet.find((found) => found.nicId === id);
  if (nic === undefined)
    throw new Error(`getNetworkInterface: no NIC ${id} in this account (request id ${page.requestId})`);
  return nic;
}

/**
 * Every NIC matching the filters (all pages); an empty list when none does. Tag filters that break
 * the rules of the resource's `tags` fail before anything is sent, naming the filter.
 * @internal
 */
export async function lookUpNetworkInterfaces(
  client: ZecClient,
  filters: NetworkInterfaceFilters,
  timeoutMs?: unknown,
): Promise<NicInfo[]> {
  const problem = tagFilterProblem(filters);
  if (problem !== undefined) throw new Error(`getNetworkInterfaces: ${problem}. ${FIX_PROGRAM}`);
  return withinLookupDeadline("getNetworkInterfaces", client, timeoutMs, (call) =>
    client.describeAllNetworkInterfaces(filters, call),
  );
}

/** One instance by id, with its NICs. Fails, naming the id, when Zenlayer does not list it. @internal */
export async function lookUpInstance(
  client: ZecClient,
  instanceId: unknown,
  timeoutMs?: unknown,
): Promise<InstanceInfo> {
  const id = requireId("getInstance", "instanceId", instanceId);
  const page = await withinLookupDeadline("getInstance", client, timeoutMs, (call) =>
    client.describeInstances({ instanceIds: [id] }, call),
  );
  const instance = page.dataSet.find((found) => found.instanceId === id);
  if (instance === undefined) {
    throw new Error(`getInstance: no instance ${id} in this account (request id ${page.requestId})`);
  }
  return instance;
}
