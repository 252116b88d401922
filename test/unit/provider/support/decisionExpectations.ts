/**
 * One row's expected outcome, checked the same way in every table: done or failed (with message
 * fragments), what a failure keeps in the stack, and how many of each write were sent.
 */
import type { Kit, Outcome } from "./decisionKit";
import { keptInStack } from "./decisionKit";

export type Write =
  | "AttachNetworkInterface"
  | "DetachNetworkInterface"
  | "CreateNetworkInterface"
  | "DeleteNetworkInterface"
  | "ModifyNetworkInterfaceAttribute";

export interface Expected {
  /** `"done"`, or the fragments the failure's message holds. */
  readonly outcome: "done" | readonly string[];
  /** For a failure: what it keeps in the stack (a partial failure's status and instance); none when absent. */
  readonly kept?: { readonly status: string; readonly instanceId?: string };
  /** How many requests of each write arrived; writes not named must not have been sent. */
  readonly sends: Partial<Record<Write, number>>;
}

const WRITES: readonly Write[] = [
  "AttachNetworkInterface",
  "DetachNetworkInterface",
  "CreateNetworkInterface",
  "DeleteNetworkInterface",
  "ModifyNetworkInterfaceAttribute",
];

/** Checks `outcome` against `expected`, naming what differs. */
export function expectDecision(kit: Kit, outcome: Outcome<unknown>, expected: Expected): void {
  if (expected.outcome === "done") {
    expect(outcome.ok ? "done" : outcome.error.message).toBe("done");
  } else {
    expect(outcome.ok).toBe(false);
    const message = outcome.ok ? "" : outcome.error.message;
    for (const fragment of expected.outcome) expect(message).toContain(fragment);
    const kept = outcome.ok ? undefined : keptInStack(outcome.error);
    expect(kept === undefined ? undefined : { status: kept.status, instanceId: kept.instanceId }).toEqual(
      expected.kept === undefined ? undefined : expect.objectContaining(expected.kept),
    );
  }
  const sent = Object.fromEntries(WRITES.map((write) => [write, kit.zenlayer.sent(write)]));
  expect(sent).toEqual(Object.fromEntries(WRITES.map((write) => [write, expected.sends[write] ?? 0])));
}

/** How long after the first request for `write` each later one arrived (fake ms). */
export function resentAfter(kit: Kit, write: Write): number[] {
  const times = kit.zenlayer.requests
    .filter((request) => request.action === write)
    .map((request) => request.at);
  return times.slice(1).map((at) => at - times[0]!);
}
