/**
 * What this process learns about each Zenlayer account while it runs: how long its NIC
 * transitions take and how far its reads lag. Both belong to the account's API, not to a resource
 * or a client: every operation on one account shares them, and no other account's do.
 * @packageDocumentation
 */
import { ReadLag } from "./readLag";
import { TransitionEstimate } from "./transitionEstimate";

/** One account's learned figures. @internal */
export interface AccountKnowledge {
  readonly transitions: TransitionEstimate;
  readonly readLag: ReadLag;
}

/** A provider process serves one deployment; more accounts than this means old ones can be forgotten. */
const MAX_ACCOUNTS = 64;

const REGISTRY_KEY = Symbol.for("pulumi-zenlayer.accountKnowledge");

function registry(): Map<string, AccountKnowledge> {
  // One registry per process, even if two copies of this package are loaded (as for instance locks).
  const holder = globalThis as { [REGISTRY_KEY]?: Map<string, AccountKnowledge> };
  holder[REGISTRY_KEY] ??= new Map();
  return holder[REGISTRY_KEY];
}

/**
 * The knowledge of the account `account` (a client's `account` key: endpoint and key id, never a
 * secret), created on first use; the least recently used account is forgotten past a bound.
 * @internal
 */
export function knowledgeOf(account: string): AccountKnowledge {
  const accounts = registry();
  const known = accounts.get(account) ?? { transitions: new TransitionEstimate(), readLag: new ReadLag() };
  accounts.delete(account);
  accounts.set(account, known);
  if (accounts.size > MAX_ACCOUNTS) accounts.delete(accounts.keys().next().value ?? account);
  return known;
}
