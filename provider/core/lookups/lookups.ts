/**
 * The lookups of existing NICs and instances, as plain functions of a client: the program-side
 * lookups of the dynamic resources and the provider plugin's functions both call these, so both
 * check the arguments by the lookup's definition and read Zenlayer the same way.
 * @packageDocumentation
 */
import type { DescribeNetworkInterfacesRequest, InstanceInfo, NicInfo, ZecClient } from "../../../sdk/index";
import { FIX_PROGRAM } from "../inputValues";
import { inputFailures } from "../schema/checkInputs";
import type { FunctionDefinition } from "../schema/definition";
import type { InputsOf } from "../schema/inference";
import {
  GET_INSTANCE_FUNCTION,
  GET_NETWORK_INTERFACE_FUNCTION,
  GET_NETWORK_INTERFACES_FUNCTION,
} from "../schema/lookupSchemas";
import { withinLookupDeadline } from "./lookupDeadline";

/** The NIC filters a lookup accepts: those of DescribeNetworkInterfaces, without paging. @public */
export type NetworkInterfaceFilters = Omit<DescribeNetworkInterfacesRequest, "pageSize" | "pageNum">;

/**
 * The arguments, once the lookup's definition accepts them (ids, tag filters and enum values by
 * the schema's rules); else throws, before anything is sent, with the first failure, naming the
 * lookup and the argument.
 */
function checkedArgs<D extends FunctionDefinition>(lookup: D, args: unknown): InputsOf<D> {
  const record = (typeof args === "object" && args !== null ? args : {}) as Record<string, unknown>;
  const [failure] = inputFailures(lookup.inputs, record, false);
  const name = lookup.token.slice(lookup.token.lastIndexOf(":") + 1);
  if (failure !== undefined) throw new Error(`${name}: ${failure.reason}. ${FIX_PROGRAM}`);
  return record as InputsOf<D>;
}

/**
 * One NIC by id. Fails, naming the id, when Zenlayer does not list it: a program that names a NIC
 * expects it to exist. The client is built only once the arguments passed.
 * @internal
 */
export async function lookUpNetworkInterface(
  clientOf: () => ZecClient,
  args: unknown,
  timeoutMs?: unknown,
): Promise<NicInfo> {
  const { nicId } = checkedArgs(GET_NETWORK_INTERFACE_FUNCTION, args);
  const client = clientOf();
  const page = await withinLookupDeadline("getNetworkInterface", client, timeoutMs, (call) =>
    client.describeNetworkInterfaces({ nicIds: [nicId] }, call),
  );
  const nic = page.dataSet.find((found) => found.nicId === nicId);
  if (nic === undefined)
    throw new Error(`getNetworkInterface: no NIC ${nicId} in this account (request id ${page.requestId})`);
  return nic;
}

/**
 * Every NIC matching the filters (all pages); an empty list when none does.
 * @internal
 */
export async function lookUpNetworkInterfaces(
  clientOf: () => ZecClient,
  filters: unknown,
  timeoutMs?: unknown,
): Promise<NicInfo[]> {
  const checked: NetworkInterfaceFilters = checkedArgs(GET_NETWORK_INTERFACES_FUNCTION, filters);
  const client = clientOf();
  return withinLookupDeadline("getNetworkInterfaces", client, timeoutMs, (call) =>
    client.describeAllNetworkInterfaces(checked, call),
  );
}

/** One instance by id, with its NICs. Fails, naming the id, when Zenlayer does not list it. @internal */
export async function lookUpInstance(
  clientOf: () => ZecClient,
  args: unknown,
  timeoutMs?: unknown,
): Promise<InstanceInfo> {
  const { instanceId } = checkedArgs(GET_INSTANCE_FUNCTION, args);
  const client = clientOf();
  const page = await withinLookupDeadline("getInstance", client, timeoutMs, (call) =>
    client.describeInstances({ instanceIds: [instanceId] }, call),
  );
  const instance = page.dataSet.find((found) => found.instanceId === instanceId);
  if (instance === undefined) {
    throw new Error(`getInstance: no instance ${instanceId} in this account (request id ${page.requestId})`);
  }
  return instance;
}
