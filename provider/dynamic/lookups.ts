/**
 * Lookups: read existing ZEC NICs and instances from a program, to feed their ids and addresses
 * into resources. They run in the program itself (during preview too), with the same settings as
 * the resources: stack config `zenlayer:*`, then the environment.
 * @packageDocumentation
 */
import * as pulumi from "@pulumi/pulumi";
import { resolveClientConfig } from "../../sdk/index";
import type { ClientSettings, InstanceInfo, NicInfo, ZecClient } from "../../sdk/index";
import { clientFor } from "../core/context";
import { lookUpInstance, lookUpNetworkInterface, lookUpNetworkInterfaces } from "../core/lookups/lookups";
import type { NetworkInterfaceFilters } from "../core/lookups/lookups";

/** Options every lookup takes. @public */
export interface LookupOptions {
  /** Settings that win over stack config and the environment (tests and tools use them). */
  readonly clientSettings?: ClientSettings;
  /** How long the lookup may take in all, every retry included: 60000 (60 s) by default. */
  readonly timeoutMs?: number;
}

export type { NetworkInterfaceFilters } from "../core/lookups/lookups";

function lookupClient(options: LookupOptions | undefined): ZecClient {
  const config = resolveClientConfig({
    ...(options?.clientSettings === undefined ? {} : { explicit: options.clientSettings }),
    stackConfig: (key) => pulumi.runtime.getConfig(key),
    env: process.env,
  });
  return clientFor(config);
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
  return lookUpNetworkInterface(() => lookupClient(options), args, options?.timeoutMs);
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
  return lookUpNetworkInterfaces(() => lookupClient(options), filters, options?.timeoutMs);
}

/** One instance by id, with its NICs (`nics`). Fails, naming the id, when Zenlayer does not list it. @public */
export async function getInstance(
  args: { readonly instanceId: string },
  options?: LookupOptions,
): Promise<InstanceInfo> {
  return lookUpInstance(() => lookupClient(options), args, options?.timeoutMs);
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
