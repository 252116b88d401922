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
import { FIX_PROGRAM, idProblem } from "../core/inputValues";
import { withinLookupDeadline } from "../core/lookups/lookupDeadline";
import { tagFilterProblem } from "../core/tags";

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

function requireId(lookup: string, property: string, value: unknown): string {
  const problem = idProblem(property, value);
  if (problem !== undefined) throw new Error(`${lookup}: ${problem}. ${FIX_PROGRAM}`);
  return value as string;
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
  const nicId = requireId("getNetworkInterface", "nicId", args.nicId);
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
 * the rules of the resource's `tags` (Zenlayer's limits, no invisible characters) fail before
 * anything is sent, naming the filter.
 * @public
 */
export async function getNetworkInterfaces(
  filters: NetworkInterfaceFilters = {},
  options?: LookupOptions,
): Promise<NicInfo[]> {
  const problem = tagFilterProblem(filters);
  if (problem !== undefined) throw new Error(`getNetworkInterfaces: ${problem}. ${FIX_PROGRAM}`);
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
  const instanceId = requireId("getInstance", "instanceId", args.instanceId);
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
