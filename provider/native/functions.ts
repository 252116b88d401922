/**
 * The provider plugin's functions (`Invoke`): the lookups, by token. Their results go to the
 * program as objects of the package schema's types; `null`s Zenlayer sends for absent fields are
 * left out.
 * @packageDocumentation
 */
import type { ResourceContext } from "../core/context";
import { lookUpInstance, lookUpNetworkInterface, lookUpNetworkInterfaces } from "../core/lookups/lookups";
import type { CheckFailure } from "../core/results";

type Bag = Record<string, unknown>;

/** What a function returns: its outputs, or the arguments at fault. @internal */
export interface FunctionResult {
  readonly outputs?: object;
  readonly failures?: CheckFailure[];
}

/** `value` without `null` fields, recursively: the schema's optional fields are absent, not null. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== "object" || value === null) return value;
  const kept = Object.entries(value).filter(([, item]) => item !== null && item !== undefined);
  return Object.fromEntries(kept.map(([key, item]) => [key, withoutNulls(item)]));
}

const FUNCTIONS: Readonly<Record<string, (ctx: ResourceContext, args: Bag) => Promise<object>>> = {
  "zenlayer:zec:getNetworkInterface": (ctx, args) => lookUpNetworkInterface(() => ctx.client, args),
  "zenlayer:zec:getNetworkInterfaces": async (ctx, args) => ({
    networkInterfaces: await lookUpNetworkInterfaces(() => ctx.client, args),
  }),
  "zenlayer:zec:getInstance": (ctx, args) => lookUpInstance(() => ctx.client, args),
};

/**
 * Runs the function `token` with `args`. An unknown token is a failure the engine shows; a lookup
 * that fails (bad id, not found, no answer in time) fails the invoke with the lookup's message.
 * @internal
 */
export async function invokeFunction(
  ctx: ResourceContext,
  token: string,
  args: Bag,
): Promise<FunctionResult> {
  const run = FUNCTIONS[token];
  if (run === undefined) {
    return { failures: [{ property: "", reason: `the zenlayer provider has no function ${token}` }] };
  }
  return { outputs: withoutNulls(await run(ctx, args)) as object };
}
