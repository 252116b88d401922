/**
 * A create's decisions by Zenlayer's answer to the attach (of a free NIC), one row each, on a
 * scripted Zenlayer and fake time.
 */
import { createAttachment } from "../../../provider/core/attachment/lifecycle";
import type { InstanceStatus } from "../../../sdk/index";
import { expectDecision, resentAfter } from "./support/decisionExpectations";
import type { Expected } from "./support/decisionExpectations";
import { INSTANCE, NIC, nic, run, startKit } from "./support/decisionKit";
import { answers } from "./support/scriptedZenlayer";
import type { Answer } from "./support/scriptedZenlayer";

afterEach(() => jest.useRealTimers());

const ATTACH = "AttachNetworkInterface";
const inputs = () => ({ nicId: NIC, instanceId: INSTANCE });

const NOTHING = "No attach was made.";

interface AnswerRow {
  readonly label: string;
  readonly answer: Answer;
  /** The instance's status when it is read (absent: gone). */
  readonly instance?: InstanceStatus;
  readonly expected: Expected;
  /** How many times the instance is read. */
  readonly instanceReads?: number;
  /** The second attach comes at least this long after the first (fake ms). */
  readonly resentNotBeforeMs?: number;
}

const refusedFor = (code: string, status = 400) => answers.refused(code, status);
const INSTANCE_REFUSAL = "OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT";

describe("a create of a free NIC, by Zenlayer's answer to the attach (later attaches are accepted)", () => {
  it.each<AnswerRow>([
    {
      label: "accepted: done",
      answer: answers.accepted,
      instance: "RUNNING",
      expected: { outcome: "done", sends: { [ATTACH]: 1 } },
    },
    {
      label:
        "INVALID_NIC_ATTACHED while reads show it free: believed over them, attached again only after five windows",
      answer: refusedFor("INVALID_NIC_ATTACHED"),
      instance: "RUNNING",
      expected: { outcome: "done", sends: { [ATTACH]: 2 } },
      resentNotBeforeMs: 5000,
    },
    {
      label: "INVALID_NIC_STATUS while reads show it free: the same",
      answer: refusedFor("INVALID_NIC_STATUS"),
      instance: "RUNNING",
      expected: { outcome: "done", sends: { [ATTACH]: 2 } },
      resentNotBeforeMs: 5000,
    },
    ...(["RUNNING", "BOOTING", "REBOOT"] as const).map((status) => ({
      label: `${INSTANCE_REFUSAL}, the instance ${status}: waits, then attaches again`,
      answer: refusedFor(INSTANCE_REFUSAL),
      instance: status,
      instanceReads: 1,
      expected: { outcome: "done", sends: { [ATTACH]: 2 } } as const,
    })),
    {
      label: `${INSTANCE_REFUSAL}, the instance STOPPED: fails at once, saying to start it`,
      answer: refusedFor(INSTANCE_REFUSAL),
      instance: "STOPPED",
      instanceReads: 1,
      expected: {
        outcome: [
          `instance ${INSTANCE} is STOPPED; start the instance, then run \`pulumi up\` again`,
          `Zenlayer answered ${INSTANCE_REFUSAL}, request id T-1`,
          NOTHING,
        ],
        sends: { [ATTACH]: 1 },
      },
    },
    {
      label: `${INSTANCE_REFUSAL}, the instance gone: fails at once`,
      answer: refusedFor(INSTANCE_REFUSAL),
      instanceReads: 1,
      expected: {
        outcome: [`instance ${INSTANCE} does not exist in Zenlayer Cloud`, NOTHING],
        sends: { [ATTACH]: 1 },
      },
    },
    {
      label: "INVALID_INSTANCE_NOT_FOUND, the instance gone: fails at once",
      answer: refusedFor("INVALID_INSTANCE_NOT_FOUND", 404),
      instanceReads: 1,
      expected: {
        outcome: [
          `instance ${INSTANCE} does not exist in Zenlayer Cloud`,
          "INVALID_INSTANCE_NOT_FOUND",
          NOTHING,
        ],
        sends: { [ATTACH]: 1 },
      },
    },
    {
      label: "INVALID_NIC_INSTANCE_REGION_MISMATCH: fails at once with the code, request id and advice",
      answer: refusedFor("INVALID_NIC_INSTANCE_REGION_MISMATCH", 409),
      instance: "RUNNING",
      instanceReads: 0,
      expected: {
        outcome: [
          "Zenlayer answered INVALID_NIC_INSTANCE_REGION_MISMATCH (request id T-1)",
          "same region",
          NOTHING,
        ],
        sends: { [ATTACH]: 1 },
      },
    },
    {
      label: "another permanent code: fails at once with it",
      answer: refusedFor("INVALID_INSTANCE_NIC_LIMIT"),
      instance: "RUNNING",
      instanceReads: 0,
      expected: {
        outcome: ["INVALID_INSTANCE_NIC_LIMIT (request id T-1)", "detach another NIC first", NOTHING],
        sends: { [ATTACH]: 1 },
      },
    },
    {
      label: "429: sent again",
      answer: answers.throttled,
      instance: "RUNNING",
      instanceReads: 0,
      expected: { outcome: "done", sends: { [ATTACH]: 2 } },
    },
    {
      label: "503 before it took effect: sent again once a read a window later shows the NIC still free",
      answer: answers.unavailableBefore,
      instance: "RUNNING",
      instanceReads: 0,
      expected: { outcome: "done", sends: { [ATTACH]: 2 } },
      resentNotBeforeMs: 1000,
    },
    {
      label: "503 after it took effect: not sent again, the read shows it",
      answer: answers.lostAfter,
      instance: "RUNNING",
      instanceReads: 0,
      expected: { outcome: "done", sends: { [ATTACH]: 1 } },
    },
    {
      label: "a dropped connection after it took effect: not sent again",
      answer: answers.dropped(true),
      instance: "RUNNING",
      expected: { outcome: "done", sends: { [ATTACH]: 1 } },
    },
    {
      label: "a dropped connection before: sent again once a read a window later shows the NIC still free",
      answer: answers.dropped(false),
      instance: "RUNNING",
      expected: { outcome: "done", sends: { [ATTACH]: 2 } },
      resentNotBeforeMs: 1000,
    },
  ])("$label", async ({ answer, instance, expected, instanceReads, resentNotBeforeMs }) => {
    const kit = startKit({
      nics: [nic()],
      instances: instance === undefined ? {} : { [INSTANCE]: instance },
    });
    kit.zenlayer.script(ATTACH, answer);
    expectDecision(kit, await run(createAttachment(kit.context(), inputs())), expected);
    if (instanceReads !== undefined) expect(kit.zenlayer.sent("DescribeInstances")).toBe(instanceReads);
    if (resentNotBeforeMs !== undefined)
      expect(resentAfter(kit, ATTACH)[0]).toBeGreaterThanOrEqual(resentNotBeforeMs);
  });
});
