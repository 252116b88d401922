/**
 * The NetworkInterface update (rename, security group, continuing a partial create), one row per
 * case, on a scripted Zenlayer and fake time.
 */
import { updateNetworkInterface } from "../../../provider/core/networkInterface/lifecycle";
import type { NetworkInterfaceInputs } from "../../../provider/core/networkInterface/inputs";
import type { NicInfo } from "../../../sdk/index";
import { expectDecision } from "./support/decisionExpectations";
import type { Expected } from "./support/decisionExpectations";
import { NIC, nicLater, run, startKit } from "./support/decisionKit";
import type { Kit } from "./support/decisionKit";
import { GROUP, nicInputs, OTHER_GROUP, stored, tagged } from "./support/networkInterfaceFixtures";
import { answers } from "./support/scriptedZenlayer";
import type { Answer } from "./support/scriptedZenlayer";

afterEach(() => jest.useRealTimers());

const MODIFY = "ModifyNetworkInterfaceAttribute";
const OLD = nicInputs({ securityGroupId: GROUP });
/** This resource's NIC as Zenlayer holds it: made by its create, in its security group. */
const mine = (fields: Partial<NicInfo> = {}): NicInfo =>
  tagged(NIC, OLD, { securityGroupId: GROUP, ...fields });

interface Row {
  readonly label: string;
  /** The NIC in the cloud (`undefined`: not listed); the stack holds it with `storedStatus`, or its own. */
  readonly nic: NicInfo | undefined;
  readonly storedStatus?: string;
  readonly news: NetworkInterfaceInputs;
  readonly answers?: readonly Answer[];
  readonly then?: (kit: Kit) => void;
  readonly expected: Expected;
  /** The request body of the ModifyNetworkInterfaceAttribute, and the outputs after the update. */
  readonly modify?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}

const free = mine();
const KEPT_PARTIAL = "The NIC stays in the stack";

describe("a NetworkInterface update", () => {
  it.each<Row>([
    {
      label: "a new name: one ModifyNetworkInterfaceAttribute with the name",
      nic: free,
      news: nicInputs({ name: "eth1-renamed", securityGroupId: GROUP }),
      expected: { outcome: "done", sends: { [MODIFY]: 1 } },
      modify: { nicId: NIC, name: "eth1-renamed" },
      outputs: { name: "eth1-renamed", securityGroupId: GROUP },
    },
    {
      label: "a new security group: one with the group",
      nic: free,
      news: nicInputs({ securityGroupId: OTHER_GROUP }),
      expected: { outcome: "done", sends: { [MODIFY]: 1 } },
      modify: { nicId: NIC, securityGroupId: OTHER_GROUP },
      outputs: { securityGroupId: OTHER_GROUP },
    },
    {
      label: "both: one call with both",
      nic: free,
      news: nicInputs({ name: "eth2", securityGroupId: OTHER_GROUP }),
      expected: { outcome: "done", sends: { [MODIFY]: 1 } },
      modify: { nicId: NIC, name: "eth2", securityGroupId: OTHER_GROUP },
    },
    {
      label: "only forceDetach and timeouts: no request, the settings recorded",
      nic: free,
      news: { ...OLD, forceDetach: true, timeouts: { delete: "2m" } },
      expected: { outcome: "done", sends: {} },
      outputs: { forceDetach: true, timeouts: { delete: "2m" } },
    },
    {
      label: "a 503, then accepted: the rename is repeated (it is idempotent)",
      nic: free,
      news: nicInputs({ name: "eth3", securityGroupId: GROUP }),
      answers: [answers.unavailableBefore],
      expected: { outcome: "done", sends: { [MODIFY]: 2 } },
    },
    {
      label: "INVALID_SECURITY_GROUP_NOT_FOUND: fails naming securityGroupId",
      nic: free,
      news: nicInputs({ securityGroupId: OTHER_GROUP }),
      answers: [answers.refused("INVALID_SECURITY_GROUP_NOT_FOUND", 404)],
      expected: {
        outcome: ["check `securityGroupId`", "the change is repeated safely"],
        sends: { [MODIFY]: 1 },
      },
    },
    {
      label: "a NIC gone since: fails, saying to refresh",
      nic: undefined,
      news: nicInputs({ name: "eth4", securityGroupId: GROUP }),
      expected: { outcome: [`NIC ${NIC} no longer exists; run \`pulumi refresh\``], sends: { [MODIFY]: 1 } },
    },
    {
      label: "continuing a partial create (PENDING): waits until AVAILABLE, sends no create",
      nic: mine({ status: "PENDING" }),
      news: OLD,
      then: nicLater(1500, { status: "AVAILABLE" }, mine()),
      expected: { outcome: "done", sends: {} },
      outputs: { status: "AVAILABLE" },
    },
    {
      label: "continuing a partial create, renamed meanwhile: waits, then renames",
      nic: mine({ status: "PENDING" }),
      news: { ...OLD, name: "eth5" },
      then: nicLater(1500, { status: "AVAILABLE" }, mine()),
      expected: { outcome: "done", sends: { [MODIFY]: 1 } },
      outputs: { status: "AVAILABLE", name: "eth5" },
    },
    {
      label: "continuing a create no read showed yet (UNKNOWN), listed 3 s later: waits for it",
      nic: undefined,
      storedStatus: "UNKNOWN",
      news: OLD,
      then: nicLater(3000, { status: "AVAILABLE" }, mine()),
      expected: { outcome: "done", sends: {} },
      outputs: { status: "AVAILABLE" },
    },
    {
      label: "continuing a create that ended CREATE_FAILED: kept for replacement, no delete",
      nic: mine({ status: "CREATE_FAILED" }),
      storedStatus: "PENDING",
      news: OLD,
      expected: {
        outcome: ["it ended CREATE_FAILED", "the next `pulumi up` replaces it"],
        kept: { status: "CREATE_FAILED" },
        sends: {},
      },
    },
    {
      label: "continuing a create still PENDING at the timeout: kept",
      nic: mine({ status: "PENDING" }),
      news: { ...OLD, timeouts: { create: "5s" } },
      expected: {
        outcome: ["did not finish within its 5s timeout (last status PENDING)", KEPT_PARTIAL],
        kept: { status: "PENDING" },
        sends: {},
      },
    },
  ])(
    "$label",
    async ({ nic: start, storedStatus, news, answers: list = [], then, expected, modify, outputs }) => {
      const kit = startKit({ nics: start === undefined ? [] : [start] });
      kit.zenlayer.script(MODIFY, ...list);
      then?.(kit);
      const olds = stored(OLD, start ?? mine(), storedStatus);
      const outcome = await run(updateNetworkInterface(kit.context(), NIC, olds, news));
      expectDecision(kit, outcome, expected);
      if (modify !== undefined)
        expect(kit.zenlayer.requests.find((r) => r.action === MODIFY)?.body).toEqual(modify);
      if (outputs !== undefined && outcome.ok)
        expect(outcome.value).toMatchObject({ nicId: NIC, ...outputs });
    },
  );
});
