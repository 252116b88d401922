/**
 * A create's decisions by the NIC's status, one row each, on a scripted Zenlayer and fake time.
 * The first attach is sent without a read first: Zenlayer's answer, as it answers for a NIC in
 * that status, decides what happens next.
 */
import { createAttachment } from "../../../provider/core/attachment/lifecycle";
import type { NicInfo } from "../../../sdk/index";
import { expectDecision } from "./support/decisionExpectations";
import type { Expected } from "./support/decisionExpectations";
import { INSTANCE, NIC, nic, nicLater, OTHER_INSTANCE, run, startKit } from "./support/decisionKit";
import type { Kit } from "./support/decisionKit";
import { answers } from "./support/scriptedZenlayer";
import type { Answer } from "./support/scriptedZenlayer";

afterEach(() => jest.useRealTimers());

const ATTACH = "AttachNetworkInterface";
const inputs = () => ({ nicId: NIC, instanceId: INSTANCE });

const ATTACHED_ELSEWHERE = [
  `NIC ${NIC} is attached to instance ${OTHER_INSTANCE}, not ${INSTANCE}`,
  "Detach it there first",
];
const NOTHING = "No attach was made.";

interface StatusRow {
  readonly label: string;
  readonly nic: NicInfo | undefined;
  /** Zenlayer's answer to the first attach, as it answers for a NIC in that state. */
  readonly answer: Answer;
  readonly then?: (kit: Kit) => void;
  readonly expected: Expected;
}

const attachedTo = (instanceId: string, status: NicInfo["status"]) => nic({ on: instanceId, status });

describe("a create, by the NIC's status (the first attach is sent without a read; its answer decides)", () => {
  it.each<StatusRow>([
    {
      label: "free: attaches",
      nic: nic(),
      answer: answers.accepted,
      expected: { outcome: "done", sends: { [ATTACH]: 1 } },
    },
    {
      label: "ATTACHING on ours: adopts it once USED",
      nic: attachedTo(INSTANCE, "ATTACHING"),
      answer: answers.refused("INVALID_NIC_STATUS"),
      then: nicLater(1500, { status: "USED" }),
      expected: { outcome: "done", sends: { [ATTACH]: 1 } },
    },
    {
      label: "USED on ours: adopts it",
      nic: attachedTo(INSTANCE, "USED"),
      answer: answers.refused("INVALID_NIC_ATTACHED"),
      expected: { outcome: "done", sends: { [ATTACH]: 1 } },
    },
    {
      label: "USED on another instance: fails naming both",
      nic: attachedTo(OTHER_INSTANCE, "USED"),
      answer: answers.refused("INVALID_NIC_ATTACHED"),
      expected: { outcome: [...ATTACHED_ELSEWHERE, NOTHING], sends: { [ATTACH]: 1 } },
    },
    {
      label: "ATTACHING to another instance: fails naming both",
      nic: attachedTo(OTHER_INSTANCE, "ATTACHING"),
      answer: answers.refused("INVALID_NIC_STATUS"),
      expected: { outcome: [...ATTACHED_ELSEWHERE, NOTHING], sends: { [ATTACH]: 1 } },
    },
    {
      label: "DETACHING from another instance: waits until it is free, then attaches",
      nic: attachedTo(OTHER_INSTANCE, "DETACHING"),
      answer: answers.refused("INVALID_NIC_STATUS"),
      then: nicLater(1500, { status: "AVAILABLE", instanceId: null }),
      expected: { outcome: "done", sends: { [ATTACH]: 2 } },
    },
    {
      label: "CREATE_FAILED: fails",
      nic: nic({ status: "CREATE_FAILED" }),
      answer: answers.refused("INVALID_NIC_STATUS"),
      expected: {
        outcome: [`NIC ${NIC} is CREATE_FAILED and cannot be attached`, NOTHING],
        sends: { [ATTACH]: 1 },
      },
    },
    {
      label: "DELETING: fails",
      nic: nic({ status: "DELETING" }),
      answer: answers.refused("INVALID_NIC_STATUS"),
      expected: {
        outcome: [`NIC ${NIC} is DELETING and cannot be attached`, NOTHING],
        sends: { [ATTACH]: 1 },
      },
    },
    {
      label: "gone: fails, after reading the instance the refusal may blame",
      nic: undefined,
      answer: answers.refused("INVALID_NIC_NOT_FOUND", 404),
      expected: { outcome: [`NIC ${NIC} does not exist in Zenlayer Cloud`, NOTHING], sends: { [ATTACH]: 1 } },
    },
    {
      label: "the instance's primary NIC: refused, never adopted",
      nic: nic({ on: INSTANCE, nicType: "Primary" }),
      answer: answers.refused("INVALID_NIC_ATTACHED"),
      expected: {
        outcome: [`NIC ${NIC} is the primary NIC of instance ${INSTANCE}`, NOTHING],
        sends: { [ATTACH]: 1 },
      },
    },
  ])("$label", async ({ nic: start, answer, then, expected }) => {
    const kit = startKit({ nics: start === undefined ? [] : [start] });
    kit.zenlayer.script(ATTACH, answer);
    then?.(kit);
    expectDecision(kit, await run(createAttachment(kit.context(), inputs())), expected);
    if (expected.outcome === "done") {
      expect(kit.zenlayer.cloud.current().nics.get(NIC)).toMatchObject({
        status: "USED",
        instanceId: INSTANCE,
      });
    }
  });
});
