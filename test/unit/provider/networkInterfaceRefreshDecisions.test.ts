/**
 * The NetworkInterface refresh: kept (waiting out a transition) or dropped from the stack, one row
 * per status, and free duplicates carrying its creation tag deleted; on a scripted Zenlayer and
 * fake time.
 */
import { readNetworkInterface } from "../../../provider/core/networkInterface/lifecycle";
import type { NicInfo } from "../../../sdk/index";
import { INSTANCE, NIC, nicLater, run, sentBeforeStart, startKit } from "./support/decisionKit";
import type { Kit } from "./support/decisionKit";
import { GROUP, nicInputs, stored, tagged } from "./support/networkInterfaceFixtures";

afterEach(() => jest.useRealTimers());

const OLD = nicInputs({ securityGroupId: GROUP });
/** This resource's NIC as Zenlayer holds it: made by its create, in its security group. */
const mine = (fields: Partial<NicInfo> = {}): NicInfo =>
  tagged(NIC, OLD, { securityGroupId: GROUP, ...fields });
const free = mine();

interface RefreshRow {
  readonly label: string;
  readonly nic: NicInfo | undefined;
  readonly storedStatus?: string;
  /** When the stack says the create was sent, that long before the refresh (absent: older state). */
  readonly sentAgoMs?: number;
  readonly then?: (kit: Kit) => void;
  /** The status the refreshed NIC has, or `"dropped"`. */
  readonly expected: string;
  readonly notBeforeMs?: number;
  readonly beforeMs?: number;
}

describe("a NetworkInterface refresh", () => {
  it.each<RefreshRow>([
    { label: "AVAILABLE: kept", nic: free, expected: "AVAILABLE" },
    {
      label: "USED: kept, with its instance",
      nic: mine({ status: "USED", instanceId: INSTANCE }),
      expected: "USED",
    },
    {
      label: "PENDING: waited out",
      nic: mine({ status: "PENDING" }),
      then: nicLater(1500, { status: "AVAILABLE" }, mine()),
      expected: "AVAILABLE",
    },
    {
      label: "CREATE_FAILED: kept as it is (the next up replaces it)",
      nic: mine({ status: "CREATE_FAILED" }),
      expected: "CREATE_FAILED",
    },
    {
      label: "gone: dropped once a read a window later agrees",
      nic: undefined,
      expected: "dropped",
      notBeforeMs: 1000,
    },
    {
      label: "stored UNKNOWN, listed only 3 s later: kept",
      nic: undefined,
      storedStatus: "UNKNOWN",
      then: nicLater(3000, { status: "AVAILABLE" }, mine()),
      expected: "AVAILABLE",
      notBeforeMs: 3000,
    },
    {
      label: "stored UNKNOWN, never listed: dropped after five windows",
      nic: undefined,
      storedStatus: "UNKNOWN",
      expected: "dropped",
      notBeforeMs: 5000,
    },
    {
      label:
        "stored UNKNOWN, its create sent 6 s before (its grace over), never listed: dropped once confirmed",
      nic: undefined,
      storedStatus: "UNKNOWN",
      sentAgoMs: 6000,
      expected: "dropped",
      notBeforeMs: 1000,
      beforeMs: 2000,
    },
  ])("$label", async ({ nic: start, storedStatus, sentAgoMs, then, expected, notBeforeMs = 0, beforeMs }) => {
    const kit = startKit({ nics: start === undefined ? [] : [start] });
    then?.(kit);
    const sent = sentAgoMs === undefined ? {} : { writeSentAt: sentBeforeStart(sentAgoMs) };
    const props = { ...stored(OLD, start ?? free, storedStatus), ...sent };
    const outcome = await run(readNetworkInterface(kit.context(), NIC, props));
    if (!outcome.ok) throw outcome.error;
    expect(outcome.value === undefined ? "dropped" : outcome.value.outputs.status).toBe(expected);
    expect(outcome.afterMs).toBeGreaterThanOrEqual(notBeforeMs);
    if (beforeMs !== undefined) expect(outcome.afterMs).toBeLessThan(beforeMs);
    expect(kit.zenlayer.writes()).toEqual([]);
  });

  it("deletes a free duplicate carrying its creation tag, and names an attached one but leaves it", async () => {
    const freeCopy = tagged("1800000000000000002", OLD);
    const busyCopy = tagged("1800000000000000003", OLD, { status: "USED", instanceId: INSTANCE });
    const kit = startKit({ nics: [free, freeCopy, busyCopy] });
    const outcome = await run(readNetworkInterface(kit.context(), NIC, stored(OLD, free)));
    expect(outcome.ok && outcome.value?.outputs.nicId).toBe(NIC);
    expect(kit.zenlayer.writes()).toEqual([`DeleteNetworkInterface ${freeCopy.nicId}`]);
    const logs = kit.logs.join("\n");
    expect(logs).toContain(
      `nic ${freeCopy.nicId} carries the creation tag of eth1 (NIC ${NIC}): a duplicate`,
    );
    expect(logs).toContain(
      `nic ${busyCopy.nicId} carries the creation tag of eth1 (NIC ${NIC}) but is USED on instance ${INSTANCE}: left alone`,
    );
  });
});
