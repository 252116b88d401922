/**
 * The NetworkInterface delete's decisions, one row per NIC status or Zenlayer answer: what it
 * waits out, when it refuses, when it detaches first (`forceDetach`), and how often it sends the
 * delete. On a scripted Zenlayer and fake time.
 */
import { deleteNetworkInterface } from "../../../provider/core/networkInterface/lifecycle";
import type { NicInfo } from "../../../sdk/index";
import { expectDecision } from "./support/decisionExpectations";
import type { Expected } from "./support/decisionExpectations";
import { INSTANCE, NIC, nic, nicLater, OTHER_INSTANCE, run, startKit } from "./support/decisionKit";
import type { Kit } from "./support/decisionKit";
import { nicInputs, stored } from "./support/networkInterfaceFixtures";
import { answers } from "./support/scriptedZenlayer";
import type { Answer } from "./support/scriptedZenlayer";

afterEach(() => jest.useRealTimers());

const DELETE = "DeleteNetworkInterface";
const DETACH = "DetachNetworkInterface";
const STAYS = "The NIC stays in the stack";
const DELETED = { outcome: "done", sends: { [DELETE]: 1 } } as const;

interface Row {
  readonly label: string;
  readonly nic: NicInfo | undefined;
  readonly forceDetach?: boolean;
  readonly answers?: readonly Answer[];
  /** The status the stack holds, when not the NIC's. */
  readonly storedStatus?: string;
  readonly timeout?: string;
  readonly then?: (kit: Kit) => void;
  readonly expected: Expected;
  readonly logged?: string;
  readonly notBeforeMs?: number;
  /** The scripted answer alone says the NIC is gone: the cloud still lists it. */
  readonly answerOnly?: boolean;
}

describe("a NetworkInterface delete", () => {
  it.each<Row>([
    {
      label: "free: deleted, waiting until it is gone",
      nic: nic(),
      expected: DELETED,
      logged: `nic ${NIC} deleted`,
    },
    {
      label: "attached, without forceDetach: fails naming the instance and forceDetach, sends nothing",
      nic: nic({ on: INSTANCE }),
      expected: {
        outcome: [`NIC ${NIC} is attached to instance ${INSTANCE}`, "forceDetach: true", STAYS],
        sends: {},
      },
    },
    {
      label: "attached, with forceDetach: detached first, then deleted",
      nic: nic({ on: INSTANCE }),
      forceDetach: true,
      expected: { outcome: "done", sends: { [DETACH]: 1, [DELETE]: 1 } },
      logged: "detaching it first (forceDetach)",
    },
    {
      label: "attached to another instance, with forceDetach: detached from wherever it is",
      nic: nic({ on: OTHER_INSTANCE }),
      forceDetach: true,
      expected: { outcome: "done", sends: { [DETACH]: 1, [DELETE]: 1 } },
    },
    {
      label: "ATTACHING, without forceDetach: waits it out, then fails naming the instance",
      nic: nic({ on: INSTANCE, status: "ATTACHING" }),
      then: nicLater(1500, { status: "USED" }),
      expected: { outcome: [`is attached to instance ${INSTANCE}`, "forceDetach: true"], sends: {} },
    },
    {
      label: "a primary NIC, even with forceDetach: fails, sends nothing",
      nic: nic({ on: INSTANCE, nicType: "Primary" }),
      forceDetach: true,
      expected: {
        outcome: [`NIC ${NIC} is the primary NIC of instance ${INSTANCE}`, "pulumi state delete", STAYS],
        sends: {},
      },
    },
    {
      label: "PENDING: waits, then deletes",
      nic: nic({ status: "PENDING" }),
      then: nicLater(1500, { status: "AVAILABLE" }),
      expected: DELETED,
    },
    {
      label: "DELETING: waits until it is gone, no delete",
      nic: nic({ status: "DELETING" }),
      then: nicLater(1500, undefined),
      expected: { outcome: "done", sends: {} },
    },
    {
      label: "gone: done once confirmed, no delete",
      nic: undefined,
      expected: { outcome: "done", sends: {} },
      logged: "is gone: no delete needed",
      notBeforeMs: 1000,
    },
    {
      label: "answer lost (503 after it ran): not sent again",
      nic: nic(),
      answers: [answers.lostAfter],
      expected: DELETED,
    },
    {
      label: "503 before it ran: sent again a window later",
      nic: nic(),
      answers: [answers.unavailableBefore],
      expected: { outcome: "done", sends: { [DELETE]: 2 } },
    },
    {
      label: "429: sent again",
      nic: nic(),
      answers: [answers.throttled],
      expected: { outcome: "done", sends: { [DELETE]: 2 } },
    },
    {
      label: "INVALID_NIC_ATTACHED (attached meanwhile, as Zenlayer says): looks again, deletes again",
      nic: nic(),
      answers: [answers.refused("INVALID_NIC_ATTACHED")],
      expected: { outcome: "done", sends: { [DELETE]: 2 } },
    },
    {
      label: "INVALID_NIC_ATTACHED with the old pages' HTTP 404: not taken for 'already deleted'",
      nic: nic(),
      answers: [answers.refused("INVALID_NIC_ATTACHED", 404)],
      expected: { outcome: "done", sends: { [DELETE]: 2 } },
    },
    {
      label: "INVALID_NIC_STATUS: looks again",
      nic: nic(),
      answers: [answers.refused("INVALID_NIC_STATUS")],
      expected: { outcome: "done", sends: { [DELETE]: 2 } },
    },
    {
      label: "INVALID_NIC_NOT_FOUND: done, Zenlayer's own answer",
      nic: nic(),
      answers: [answers.refused("INVALID_NIC_NOT_FOUND", 404)],
      expected: DELETED,
      logged: `nic ${NIC}: INVALID_NIC_NOT_FOUND, already deleted`,
      answerOnly: true,
    },
    {
      label: "OPERATION_DENIED_POSTPAID_INSTANCE_IN_PROMISE: fails with what to do",
      nic: nic(),
      answers: [answers.refused("OPERATION_DENIED_POSTPAID_INSTANCE_IN_PROMISE", 403)],
      expected: {
        outcome: ["OPERATION_DENIED_POSTPAID_INSTANCE_IN_PROMISE (request id T-2)", "commitment term", STAYS],
        sends: { [DELETE]: 1 },
      },
    },
    {
      label: "INVALID_NIC_PRIMARY_CANT_DELETE: fails with what to do",
      nic: nic(),
      answers: [answers.refused("INVALID_NIC_PRIMARY_CANT_DELETE", 409)],
      expected: {
        outcome: ["INVALID_NIC_PRIMARY_CANT_DELETE", "pulumi state delete", STAYS],
        sends: { [DELETE]: 1 },
      },
    },
    {
      label: "DELETING past the timeout: fails naming the status, kept",
      nic: nic(),
      timeout: "5s",
      then: (kit) => void (kit.zenlayer.behaviour.transitionMs = Number.POSITIVE_INFINITY),
      expected: {
        outcome: [`deleting NIC ${NIC} did not finish within its 5s timeout (last status DELETING)`, STAYS],
        sends: { [DELETE]: 1 },
      },
    },
    {
      label: "stored UNKNOWN (its create unseen), listed only 3 s later: waits for it and deletes it",
      nic: undefined,
      storedStatus: "UNKNOWN",
      then: nicLater(3000, {}),
      expected: DELETED,
      notBeforeMs: 3000,
    },
  ])(
    "$label",
    async ({
      nic: start,
      forceDetach,
      answers: list = [],
      storedStatus,
      timeout,
      then,
      expected,
      logged,
      notBeforeMs = 0,
      answerOnly,
    }) => {
      const kit = startKit({ nics: start === undefined ? [] : [start] });
      kit.zenlayer.script(DELETE, ...list);
      then?.(kit);
      const inputs = nicInputs({
        ...(forceDetach ? { forceDetach } : {}),
        ...(timeout ? { timeouts: { delete: timeout } } : {}),
      });
      const props = stored(inputs, start ?? nic(), storedStatus);
      const outcome = await run(deleteNetworkInterface(kit.context(), NIC, props));
      expectDecision(kit, outcome, expected);
      if (logged !== undefined) expect(kit.logs.join("\n")).toContain(logged);
      expect(outcome.afterMs).toBeGreaterThanOrEqual(notBeforeMs);
      if (outcome.ok && answerOnly !== true) expect(kit.zenlayer.cloud.current().nics.has(NIC)).toBe(false);
    },
  );
});
