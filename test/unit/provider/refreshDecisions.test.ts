/**
 * A refresh of an attachment: kept (with what Zenlayer shows) or dropped from the stack, one row
 * per NIC status and stored status, on a scripted Zenlayer and fake time. It owns the pair in its
 * id; "gone", "free" and "elsewhere" drop it only once a read a window later agrees, and after an
 * attach no read has shown yet (stored ATTACHING), not within that attach's grace.
 */
import { readAttachment } from "../../../provider/core/attachment/lifecycle";
import type { NicInfo } from "../../../sdk/index";
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

const ID = `${NIC}:${INSTANCE}`;

interface Row {
  readonly label: string;
  readonly nic: NicInfo | undefined;
  /** The status the stack holds; `undefined`: no stored properties (an import, or old state). */
  readonly stored: string | undefined;
  /** When the stack says the earlier attach was sent, that long before the refresh (absent: older state). */
  readonly sentAgoMs?: number;
  readonly then?: (kit: Kit) => void;
  /** The status the refreshed resource has, or `"dropped"`. */
  readonly expected: string;
  readonly logged?: string;
  /** At least this long, and (when given) less than `beforeMs`, before it ends (fake ms). */
  readonly notBeforeMs?: number;
  readonly beforeMs?: number;
}

describe("a refresh of an attachment", () => {
  it.each<Row>([
    {
      label: "USED on ours: kept at once",
      nic: nic({ on: INSTANCE }),
      stored: "USED",
      expected: "USED",
      beforeMs: 100,
    },
    {
      label: "ATTACHING to ours: kept",
      nic: nic({ on: INSTANCE, status: "ATTACHING" }),
      stored: "USED",
      expected: "ATTACHING",
      beforeMs: 100,
    },
    {
      label: "DETACHING from ours: kept",
      nic: nic({ on: INSTANCE, status: "DETACHING" }),
      stored: "USED",
      expected: "DETACHING",
      beforeMs: 100,
    },
    {
      label: "free: dropped once a read a window later agrees",
      nic: nic(),
      stored: "USED",
      expected: "dropped",
      logged: `NIC ${NIC} is not attached: the attachment is dropped from the stack`,
      notBeforeMs: 1000,
    },
    {
      label: "on another instance: dropped, the other instance not taken over",
      nic: nic({ on: OTHER_INSTANCE }),
      stored: "USED",
      expected: "dropped",
      logged: `NIC ${NIC} is attached to instance ${OTHER_INSTANCE}, not ${INSTANCE}: the attachment is dropped`,
      notBeforeMs: 1000,
    },
    {
      label: "gone: dropped",
      nic: undefined,
      stored: "USED",
      expected: "dropped",
      logged: `NIC ${NIC} is gone`,
      notBeforeMs: 1000,
    },
    {
      label: "free, then on ours again within the window: kept",
      nic: nic(),
      stored: "USED",
      then: nicLater(500, { status: "USED", instanceId: INSTANCE }),
      expected: "USED",
    },
    {
      label: "stored ATTACHING, USED on ours: kept",
      nic: nic({ on: INSTANCE }),
      stored: "ATTACHING",
      expected: "USED",
      beforeMs: 100,
    },
    {
      label: "stored ATTACHING, free until reads show the attach 3 s later: kept",
      nic: nic(),
      stored: "ATTACHING",
      then: nicLater(3000, { status: "USED", instanceId: INSTANCE }),
      expected: "USED",
      notBeforeMs: 3000,
    },
    {
      label: "stored ATTACHING, free for five windows (the attach never ran): dropped",
      nic: nic(),
      stored: "ATTACHING",
      expected: "dropped",
      notBeforeMs: 5000,
    },
    {
      label: "stored ATTACHING sent 6 s before (its grace over), free: dropped once confirmed",
      nic: nic(),
      stored: "ATTACHING",
      sentAgoMs: 6000,
      expected: "dropped",
      notBeforeMs: 1000,
      beforeMs: 2000,
    },
    {
      label: "stored ATTACHING sent 3 s before, free: dropped once its grace from then is over",
      nic: nic(),
      stored: "ATTACHING",
      sentAgoMs: 3000,
      expected: "dropped",
      notBeforeMs: 2000,
      beforeMs: 5000,
    },
    {
      label:
        "stored ATTACHING, on another instance (not what a missing attach shows): dropped once confirmed",
      nic: nic({ on: OTHER_INSTANCE }),
      stored: "ATTACHING",
      expected: "dropped",
      notBeforeMs: 1000,
    },
    {
      label: "no stored properties (by id alone): kept, its inputs from the id",
      nic: nic({ on: INSTANCE }),
      stored: undefined,
      expected: "USED",
    },
  ])(
    "$label",
    async ({ nic: start, stored, sentAgoMs, then, expected, logged, notBeforeMs = 0, beforeMs }) => {
      const kit = startKit({ nics: start === undefined ? [] : [start] });
      then?.(kit);
      const sent = sentAgoMs === undefined ? {} : { writeSentAt: sentBeforeStart(sentAgoMs) };
      const props = stored === undefined ? {} : { nicId: NIC, instanceId: INSTANCE, status: stored, ...sent };
      const outcome = await run(readAttachment(kit.context(), ID, props));
      if (!outcome.ok) throw outcome.error;
      expect(outcome.value === undefined ? "dropped" : outcome.value.outputs.status).toBe(expected);
      if (outcome.value !== undefined) {
        expect(outcome.value.outputs).toMatchObject({ nicId: NIC, instanceId: INSTANCE });
        expect(outcome.value.inputs).toEqual({ nicId: NIC, instanceId: INSTANCE });
      }
      if (logged !== undefined) expect(kit.logs.join("\n")).toContain(logged);
      expect(outcome.afterMs).toBeGreaterThanOrEqual(notBeforeMs);
      if (beforeMs !== undefined) expect(outcome.afterMs).toBeLessThan(beforeMs);
      expect(kit.zenlayer.writes()).toEqual([]);
    },
  );
});

describe("a refresh of state an older version wrote, recording the instance the NIC was seen on", () => {
  it("owns the pair in its id: a NIC on that other instance drops it", async () => {
    const kit = startKit({ nics: [nic({ on: OTHER_INSTANCE })] });
    const older = { nicId: NIC, instanceId: OTHER_INSTANCE, status: "USED" };
    expect(await run(readAttachment(kit.context(), ID, older))).toMatchObject({ ok: true, value: undefined });
    expect(kit.zenlayer.writes()).toEqual([]);
  });
});
