/**
 * What a create that fails leaves in the stack (a partial failure, with which status and instance,
 * or nothing), and what the next `up` does with an attachment a partial create left (stored status
 * ATTACHING), one row per case, on a scripted Zenlayer and fake time.
 */
import { createAttachment, updateAttachment } from "../../../provider/core/attachment/lifecycle";
import type { AttachmentOutputs } from "../../../provider/core/attachment/inputs";
import type { InstanceStatus, NicInfo } from "../../../sdk/index";
import { expectDecision } from "./support/decisionExpectations";
import type { Expected } from "./support/decisionExpectations";
import {
  INSTANCE,
  keptOutputs,
  NIC,
  nic,
  nicLater,
  OTHER_INSTANCE,
  run,
  startKit,
  succeeds,
} from "./support/decisionKit";
import type { Kit } from "./support/decisionKit";
import { answers } from "./support/scriptedZenlayer";
import type { Answer } from "./support/scriptedZenlayer";

afterEach(() => jest.useRealTimers());

const ATTACH = "AttachNetworkInterface";
const INSTANCE_REFUSAL = "OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT";
const MAY_BE_ATTACHED = "The attachment stays in the stack because the NIC may be attached";
const NOTHING = "No attach was made.";
const ELSEWHERE = `NIC ${NIC} is attached to instance ${OTHER_INSTANCE}, not ${INSTANCE}`;

/** Changes the NIC `ms` from now, as someone else would. */
const stalled = (kit: Kit) => void (kit.zenlayer.behaviour.transitionMs = Number.POSITIVE_INFINITY);

interface FailedCreateRow {
  readonly label: string;
  readonly answers: readonly Answer[];
  readonly instance?: InstanceStatus;
  readonly then?: (kit: Kit) => void;
  readonly expected: Expected;
}

describe("a create that fails, by what its attach may have done", () => {
  it.each<FailedCreateRow>([
    {
      label: "accepted, still ATTACHING at the timeout: kept, ATTACHING on the instance named",
      answers: [answers.accepted],
      then: stalled,
      expected: {
        outcome: ["did not finish within its 5s timeout (last status ATTACHING)", MAY_BE_ATTACHED],
        kept: { status: "ATTACHING", instanceId: INSTANCE },
        sends: { [ATTACH]: 1 },
      },
    },
    {
      label: "answer lost (503 after it ran), still ATTACHING at the timeout: kept",
      answers: [answers.lostAfter],
      then: stalled,
      expected: {
        outcome: [MAY_BE_ATTACHED],
        kept: { status: "ATTACHING", instanceId: INSTANCE },
        sends: { [ATTACH]: 1 },
      },
    },
    {
      label:
        "accepted, then the NIC is seen on another instance: kept, with the instance named, never the other",
      answers: [answers.accepted],
      then: nicLater(500, { status: "USED", instanceId: OTHER_INSTANCE }),
      expected: {
        outcome: [ELSEWHERE, MAY_BE_ATTACHED],
        kept: { status: "ATTACHING", instanceId: INSTANCE },
        sends: { [ATTACH]: 1 },
      },
    },
    {
      label: "connection dropped (outcome unknown), then the instance is STOPPED: kept, ATTACHING",
      answers: [answers.dropped(false), answers.refused(INSTANCE_REFUSAL)],
      instance: "STOPPED",
      expected: {
        outcome: ["is STOPPED", MAY_BE_ATTACHED],
        kept: { status: "ATTACHING", instanceId: INSTANCE },
        sends: { [ATTACH]: 2 },
      },
    },
    {
      label: "refused for a STOPPED instance, nothing sent before: nothing kept",
      answers: [answers.refused(INSTANCE_REFUSAL)],
      instance: "STOPPED",
      expected: { outcome: ["is STOPPED", NOTHING], sends: { [ATTACH]: 1 } },
    },
    {
      label:
        "refused while the instance boots, until the timeout: nothing kept, naming the instance's status",
      answers: Array.from({ length: 20 }, () => answers.refused(INSTANCE_REFUSAL)),
      instance: "BOOTING",
      expected: {
        outcome: ["did not finish within its 5s timeout (last status instance BOOTING)", NOTHING],
        sends: { [ATTACH]: expect.any(Number) as number },
      },
    },
  ])("$label", async ({ answers: list, instance = "RUNNING", then, expected }) => {
    const kit = startKit({ nics: [nic()], instances: { [INSTANCE]: instance } });
    kit.zenlayer.script(ATTACH, ...list);
    then?.(kit);
    const outcome = await run(
      createAttachment(kit.context(), { nicId: NIC, instanceId: INSTANCE, timeouts: { create: "5s" } }),
    );
    expectDecision(kit, outcome, expected);
    // A kept ATTACHING records when the attach that may have run was sent: the first one.
    const kept = outcome.ok ? undefined : keptOutputs(outcome.error);
    if (kept?.["status"] === "ATTACHING") expect(kept["writeSentAt"]).toBe(kit.zenlayer.requests[0]!.at);
  });
});

/** What a partial create stored: status ATTACHING, the pair the program named. */
function partial(): AttachmentOutputs {
  const blank = {
    nicType: "",
    nicName: "",
    regionId: "",
    vpcId: "",
    subnetId: "",
    primaryIpv4: "",
    macAddress: "",
  };
  return { nicId: NIC, instanceId: INSTANCE, status: "ATTACHING", ...blank, privateIpList: [] };
}

interface ContinueRow {
  readonly label: string;
  readonly nic: NicInfo;
  readonly then?: (kit: Kit) => void;
  readonly expected: Expected;
  /** How long before this `up` the stack says the earlier attach was sent (absent: older state). */
  readonly sentAgoMs?: number;
  /** When this `up` sends its attach, at the earliest and before (fake ms from its start). */
  readonly attachNotBeforeMs?: number;
  readonly attachBeforeMs?: number;
}

describe("an `up` continuing a partial create (stored ATTACHING), by what reads show", () => {
  it.each<ContinueRow>([
    {
      label: "USED on ours: done, no attach",
      nic: nic({ on: INSTANCE }),
      expected: { outcome: "done", sends: {} },
    },
    {
      label: "ATTACHING on ours: waits it out, no attach",
      nic: nic({ on: INSTANCE, status: "ATTACHING" }),
      then: nicLater(1500, { status: "USED" }),
      expected: { outcome: "done", sends: {} },
    },
    {
      label: "free, then USED on ours (reads lagged the earlier attach): no attach",
      nic: nic(),
      then: nicLater(3000, { status: "USED", instanceId: INSTANCE }),
      expected: { outcome: "done", sends: {} },
    },
    {
      label: "free for five windows (the earlier attach never ran): attaches once",
      nic: nic(),
      expected: { outcome: "done", sends: { [ATTACH]: 1 } },
      attachNotBeforeMs: 5000,
    },
    {
      label: "free, the earlier attach sent 2 s before: attaches once its five windows from then have passed",
      nic: nic(),
      sentAgoMs: 2000,
      expected: { outcome: "done", sends: { [ATTACH]: 1 } },
      attachNotBeforeMs: 3000,
      attachBeforeMs: 5000,
    },
    {
      label: "free, the earlier attach sent 6 s before (its grace over): attaches at the first look",
      nic: nic(),
      sentAgoMs: 6000,
      expected: { outcome: "done", sends: { [ATTACH]: 1 } },
      attachBeforeMs: 1000,
    },
    {
      label: "on another instance, seen twice a window apart: fails, kept",
      nic: nic({ on: OTHER_INSTANCE }),
      expected: {
        outcome: [ELSEWHERE, MAY_BE_ATTACHED],
        kept: { status: "ATTACHING", instanceId: INSTANCE },
        sends: {},
      },
    },
  ])("$label", async ({ nic: start, then, expected, sentAgoMs, attachNotBeforeMs = 0, attachBeforeMs }) => {
    const kit = startKit({ nics: [start] });
    then?.(kit);
    const startedAt = Date.now();
    const olds = { ...partial(), ...(sentAgoMs === undefined ? {} : { writeSentAt: startedAt - sentAgoMs }) };
    const outcome = await run(updateAttachment(kit.context(), olds, { nicId: NIC, instanceId: INSTANCE }));
    expectDecision(kit, outcome, expected);
    const attach = kit.zenlayer.requests.find((request) => request.action === ATTACH);
    if (attach !== undefined) expect(attach.at - startedAt).toBeGreaterThanOrEqual(attachNotBeforeMs);
    if (attach !== undefined && attachBeforeMs !== undefined)
      expect(attach.at - startedAt).toBeLessThan(attachBeforeMs);
    if (outcome.ok) expect(outcome.value).not.toHaveProperty("writeSentAt");
  });

  it("a change of timeouts only on an attached one: no request, the new timeouts kept", async () => {
    const kit = startKit({ nics: [nic({ on: INSTANCE })] });
    const olds = { ...partial(), status: "USED", timeouts: { create: "1m" } };
    const news = { nicId: NIC, instanceId: INSTANCE, timeouts: { delete: "20m" } };
    expect(await succeeds(updateAttachment(kit.context(), olds, news))).toEqual({
      ...olds,
      timeouts: { delete: "20m" },
    });
    expect(kit.zenlayer.requests).toEqual([]);
  });
});
