/**
 * An attachment's delete, by the NIC's status, one row each, on a scripted Zenlayer and fake time:
 * it detaches only from the instance it owns, and a verdict that needs no detach is confirmed by a
 * second read a window later.
 */
import { deleteAttachment } from "../../../provider/core/attachment/lifecycle";
import type { NicInfo } from "../../../sdk/index";
import { expectDecision } from "./support/decisionExpectations";
import type { Expected } from "./support/decisionExpectations";
import {
  INSTANCE,
  NIC,
  nic,
  nicLater,
  OTHER_INSTANCE,
  run,
  sentBeforeStart,
  startKit,
} from "./support/decisionKit";
import type { Kit } from "./support/decisionKit";

afterEach(() => jest.useRealTimers());

const DETACH = "DetachNetworkInterface";
const ID = `${NIC}:${INSTANCE}`;
const STORED = { nicId: NIC, instanceId: INSTANCE, status: "USED" };

interface StatusRow {
  readonly label: string;
  readonly nic: NicInfo | undefined;
  readonly then?: (kit: Kit) => void;
  readonly expected: Expected;
  /** A line the delete logs. */
  readonly logged?: string;
  /** What the stack holds, when not the pair in the id with status USED. */
  readonly stored?: Record<string, unknown>;
  /** At least this long before it ends (fake ms): verdicts without a write are confirmed a window later. */
  readonly notBeforeMs?: number;
  readonly beforeMs?: number;
}

const NO_DETACH = { outcome: "done", sends: {} } as const;

describe("a delete, by the NIC's status", () => {
  it.each<StatusRow>([
    {
      label: "USED on ours: detaches once",
      nic: nic({ on: INSTANCE }),
      expected: { outcome: "done", sends: { [DETACH]: 1 } },
      logged: `nic ${NIC} detached from ${INSTANCE}`,
    },
    {
      label: "ATTACHING to ours: waits for USED, then detaches",
      nic: nic({ on: INSTANCE, status: "ATTACHING" }),
      then: nicLater(1500, { status: "USED" }),
      expected: { outcome: "done", sends: { [DETACH]: 1 } },
    },
    {
      label: "DETACHING from ours: waits until free, no detach",
      nic: nic({ on: INSTANCE, status: "DETACHING" }),
      then: nicLater(1500, { status: "AVAILABLE", instanceId: null }),
      expected: NO_DETACH,
    },
    {
      label: "free: no detach, once a second read a window later agrees",
      nic: nic(),
      expected: NO_DETACH,
      logged: "is not attached to any instance: no detach needed",
      notBeforeMs: 1000,
    },
    {
      label: "gone: no detach, once confirmed",
      nic: undefined,
      expected: NO_DETACH,
      logged: `NIC ${NIC} no longer exists: no detach needed`,
      notBeforeMs: 1000,
    },
    {
      label: "USED on another instance: left alone",
      nic: nic({ on: OTHER_INSTANCE }),
      expected: NO_DETACH,
      logged: `is attached to instance ${OTHER_INSTANCE}, which this resource does not own, so it is left alone`,
      notBeforeMs: 1000,
    },
    {
      label: "USED on another instance that older state recorded: left alone, the id names the pair",
      nic: nic({ on: OTHER_INSTANCE }),
      stored: { ...STORED, instanceId: OTHER_INSTANCE },
      expected: NO_DETACH,
      notBeforeMs: 1000,
    },
    {
      label: "free, stored ATTACHING (an attach no read showed): no detach once free for five windows",
      nic: nic(),
      stored: { ...STORED, status: "ATTACHING" },
      expected: NO_DETACH,
      notBeforeMs: 5000,
    },
    {
      label: "free, stored ATTACHING sent 6 s before (its grace over): no detach, once confirmed",
      nic: nic(),
      stored: { ...STORED, status: "ATTACHING", writeSentAt: sentBeforeStart(6000) },
      expected: NO_DETACH,
      notBeforeMs: 1000,
      beforeMs: 2000,
    },
    {
      label: "ATTACHING to another instance: left alone",
      nic: nic({ on: OTHER_INSTANCE, status: "ATTACHING" }),
      expected: NO_DETACH,
      notBeforeMs: 1000,
    },
    {
      label: "DELETING, free: no detach",
      nic: nic({ status: "DELETING" }),
      expected: NO_DETACH,
      notBeforeMs: 1000,
    },
    {
      label: "CREATE_FAILED: no detach",
      nic: nic({ status: "CREATE_FAILED" }),
      expected: NO_DETACH,
      notBeforeMs: 1000,
    },
    {
      label: "the instance's primary NIC: removed from the stack without a detach",
      nic: nic({ on: INSTANCE, nicType: "Primary" }),
      expected: NO_DETACH,
      logged: `nic ${NIC} is the primary NIC of instance ${INSTANCE}; it stays attached`,
    },
  ])("$label", async ({ nic: start, then, stored = STORED, expected, logged, notBeforeMs = 0, beforeMs }) => {
    const kit = startKit({ nics: start === undefined ? [] : [start] });
    then?.(kit);
    const outcome = await run(deleteAttachment(kit.context(), ID, stored));
    expectDecision(kit, outcome, expected);
    if (logged !== undefined) expect(kit.logs.join("\n")).toContain(logged);
    expect(outcome.afterMs).toBeGreaterThanOrEqual(notBeforeMs);
    if (beforeMs !== undefined) expect(outcome.afterMs).toBeLessThan(beforeMs);
    if (start?.nicType !== "Primary" && start?.instanceId === INSTANCE) {
      expect(kit.zenlayer.cloud.current().nics.get(NIC)).toMatchObject({
        status: "AVAILABLE",
        instanceId: null,
      });
    }
  });
});

describe("a detach that outlasts the timeout", () => {
  it("fails naming the last status, keeping the attachment; a re-run finishes without a second detach", async () => {
    const kit = startKit({ nics: [nic({ on: INSTANCE })] });
    kit.zenlayer.behaviour.transitionMs = 20_000;
    const first = await run(deleteAttachment(kit.context(), ID, { ...STORED, timeouts: { delete: "5s" } }));
    expectDecision(kit, first, {
      outcome: [
        `detaching NIC ${NIC} from instance ${INSTANCE} did not finish within its 5s timeout (last status DETACHING)`,
        "The attachment stays in the stack",
      ],
      sends: { [DETACH]: 1 },
    });
    expectDecision(kit, await run(deleteAttachment(kit.context(), ID, STORED)), {
      outcome: "done",
      sends: { [DETACH]: 1 },
    });
  });
});
