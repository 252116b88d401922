/**
 * Lookups: read existing ZEC NICs and instances from a program, to feed their ids and addresses
 * into resources. They run in the program itself (during preview too), with the same settings as
 * the resources: stack config `zenlayer:*`, then the environment.
 * @packageDocumentation
 */
import * as pulumi from "@pulumi/pulumi";
import { resolveClientConfig } from "../../sdk/index";
import type {
  ClientSettings,
  DescribeNetworkInterfacesRequest,
  InstanceInfo,
  NicInfo,
  ZecClient,
} from "../../sdk/index";
import { clientFor } from "../core/context";
import { FIX_PROGRAM } from "../core/inputValues";
import { withinLookupDeadline } from "../core/lookups/lookupDeadline";
import { inputFailures } from "../core/schema/checkInputs";
import type { FunctionDefinition } from "../core/schema/definition";
import type { InputsOf } from "../core/schema/inference";
import {
  GET_INSTANCE_FUNCTION,
  GET_NETWORK_INTERFACE_FUNCTION,
  GET_NETWORK_INTERFACES_FUNCTION,
} from "../core/schema/lookupSchemas";

/** Options every lookup takes. @public */
export interface LookupOptions {
  /** Settings that win over stack config and the environment (tests and tools use them). */
  readonly clientSettings?: ClientSettings;
  /** How long the lookup may take in all, every retry included: 60000 (60 s) by default. */
  readonly timeoutMs?: number;
}

/** The NIC filters a lookup accepts: those of DescribeNetworkInterfaces, without paging. @public */
export type NetworkInterfaceFilters = Omit<DescribeNetworkInterfacesRequest, "pageSize" | "pageNum">;

function lookupClient(options: LookupOptions | undefined): ZecClient {
  const config = resolveClientConfig({
    ...(options?.clientSettings === undefined ? {} : { explicit: options.clientSettings }),
    stackConfig: (key) => pulumi.runtime.getConfig(key),
    env: process.env,
  });
  return clientFor(config);
}

/**
 * The arguments, once the lookup's definition accepts them; else throws, before anything is sent,
 * with the first failure, naming the lookup and the argument.
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
 * expects it to exist.
 * @public
 */
export async function getNetworkInterface(
  args: { readonly nicId: string },
  options?: LookupOptions,
): Promise<NicInfo> {
  const { nicId } = checkedArgs(GET_NETWORK_INTERFACE_FUNCTION, args);
  const client = lookupClient(options);
  const page = await withinLookupDeadline("getNetworkInterface", client, options?.timeoutMs, (call) =>
    client.describeNetworkInterfaces({ nicIds: [nicId] }, call),
  );
  const nic = page.dataSet.find((found) => found.nicId === nicId);
  if (nic === undefined)
    throw new Error(`getNetworkInterface: no NIC ${nicId} in this account (request id ${page.requestId})`);
  return nic;
}

/**
 * Every NIC matching the filters (all pages); an empty list when none does. Tag filters that break
 * the rules of the resource's `tags` (Zenlayer's limits, no invisible characters), and a `status`,
 * `nicType` or `nicSubnetType` that is none of Zenlayer's values, fail before anything is sent,
 * naming the filter.
 * @public
 */
export async function getNetworkInterfaces(
  filters: NetworkInterfaceFilters = {},
  options?: LookupOptions,
): Promise<NicInfo[]> {
  checkedArgs(GET_NETWORK_INTERFACES_FUNCTION, filters);
  const client = lookupClient(options);
  return withinLookupDeadline("getNetworkInterfaces", client, options?.timeoutMs, (call) =>
    client.describeAllNetworkInterfaces(filters, call),
  );
}

/** One instance by id, with its NICs (`nics`). Fails, naming the id, when Zenlayer does not list it. @public */
export async function getInstance(
  args: { readonly instanceId: string },
  options?: LookupOptions,
): Promise<InstanceInfo> {
  const { instanceId } = checkedArgs(GET_INSTANCE_FUNCTION, args);
  const client = lookupClient(options);
  const page = await withinLookupDeadline("getInstance", client, options?.timeoutMs, (call) =>
    client.describeInstances({ instanceIds: [instanceId] }, call),
  );
  const instance = page.dataSet.find((found) => found.instanceId === instanceId);
  if (instance === undefined) {
    throw new Error(`getInstance: no instance ${instanceId} in this account (request id ${page.requestId})`);
  }
  return instance;
}

/** `getNetworkInterface` for ids that are outputs of other resources. @public */
export function getNetworkInterfaceOutput(
  args: { readonly nicId: pulumi.Input<string> },
  options?: LookupOptions,
): pulumi.Output<NicInfo> {
  return pulumi.output(args.nicId).apply((nicId) => getNetworkInterface({ nicId }, options));
}

/** `getInstance` for ids that are outputs of other resources. @public */
export function getInstanceOutput(
  args: { readonly instanceId: pulumi.Input<string> },
  options?: LookupOptions,
): pulumi.Output<InstanceInfo> {
  return pulumi.output(args.instanceId).apply((instanceId) => getInstance({ instanceId }, options));
}
