/**
 * An attachment's delete, by Zenlayer's answer to the detach (of a NIC USED on its instance), one
 * row each, on a scripted Zenlayer and fake time.
 */
import { deleteAttachment } from "../../../provider/core/attachment/lifecycle";
import type { InstanceStatus } from "../../../sdk/index";
import { expectDecision, resentAfter } from "./support/decisionExpectations";
import type { Expected } from "./support/decisionExpectations";
import { INSTANCE, NIC, nic, run, startKit } from "./support/decisionKit";
import { answers } from "./support/scriptedZenlayer";
import type { Answer } from "./support/scriptedZenlayer";

afterEach(() => jest.useRealTimers());

const DETACH = "DetachNetworkInterface";
const ID = `${NIC}:${INSTANCE}`;
const STORED = { nicId: NIC, instanceId: INSTANCE, status: "USED" };
const STAYS = "The attachment stays in the stack";
const INSTANCE_REFUSAL = "OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT";

interface AnswerRow {
  readonly label: string;
  readonly answer: Answer;
  readonly instance?: InstanceStatus;
  readonly expected: Expected;
  readonly logged?: string;
  /** The second detach comes at least this long after the first (fake ms). */
  readonly resentNotBeforeMs?: number;
}

describe("a delete of a NIC USED on ours, by Zenlayer's answer to the detach (later ones are accepted)", () => {
  it.each<AnswerRow>([
    {
      label: "accepted: done",
      answer: answers.accepted,
      expected: { outcome: "done", sends: { [DETACH]: 1 } },
    },
    ...(
      [
        ["INVALID_NIC_NOT_FOUND", 404],
        ["OPERATION_FAILED_RESOURCE_NOT_FOUND", 404],
        ["OPERATION_DENIED_NIC_NOT_EXIST_INSTANCE", 403],
      ] as const
    ).map(([code, status]) => ({
      label: `${code}: done, Zenlayer's own answer`,
      answer: answers.refused(code, status),
      expected: { outcome: "done", sends: { [DETACH]: 1 } } as const,
      logged: `nic ${NIC}: ${code}, nothing left to detach`,
    })),
    {
      label: "INVALID_NIC_STATUS: looks again, detaches again",
      answer: answers.refused("INVALID_NIC_STATUS"),
      expected: { outcome: "done", sends: { [DETACH]: 2 } },
    },
    ...(["RUNNING", "REBOOT", "BOOTING"] as const).map((instance) => ({
      label: `${INSTANCE_REFUSAL}, the instance ${instance}: waits, detaches again`,
      answer: answers.refused(INSTANCE_REFUSAL),
      instance,
      expected: { outcome: "done", sends: { [DETACH]: 2 } } as const,
    })),
    {
      label: `${INSTANCE_REFUSAL}, the instance STOPPED: fails at once, saying how to skip the detach`,
      answer: answers.refused(INSTANCE_REFUSAL),
      instance: "STOPPED",
      expected: {
        outcome: [`instance ${INSTANCE} is STOPPED; start the instance`, "deletedWith", STAYS],
        sends: { [DETACH]: 1 },
      },
    },
    {
      label: `${INSTANCE_REFUSAL}, the instance gone: fails at once`,
      answer: answers.refused(INSTANCE_REFUSAL),
      expected: {
        outcome: [`instance ${INSTANCE} does not exist in Zenlayer Cloud`, STAYS],
        sends: { [DETACH]: 1 },
      },
    },
    {
      label: "INVALID_INSTANCE_NOT_FOUND: done, a not-found answer (nothing left to detach from)",
      answer: answers.refused("INVALID_INSTANCE_NOT_FOUND", 404),
      expected: { outcome: "done", sends: { [DETACH]: 1 } },
      logged: `nic ${NIC}: INVALID_INSTANCE_NOT_FOUND, nothing left to detach`,
    },
    {
      label: "INVALID_NIC_PRIMARY_CANT_DETACH: fails, saying how to remove the resource",
      answer: answers.refused("INVALID_NIC_PRIMARY_CANT_DETACH", 409),
      expected: {
        outcome: ["INVALID_NIC_PRIMARY_CANT_DETACH (request id T-2)", "retainOnDelete: true", STAYS],
        sends: { [DETACH]: 1 },
      },
    },
    {
      label: "INVALID_NIC_LB_ASSOCIATED: fails, naming the load balancer",
      answer: answers.refused("INVALID_NIC_LB_ASSOCIATED", 409),
      expected: {
        outcome: ["INVALID_NIC_LB_ASSOCIATED (request id T-2)", "load balancer backend", STAYS],
        sends: { [DETACH]: 1 },
      },
    },
    {
      label: "429: sent again",
      answer: answers.throttled,
      expected: { outcome: "done", sends: { [DETACH]: 2 } },
    },
    {
      label: "503 before it took effect: not sent again until reads showed it still USED for five windows",
      answer: answers.unavailableBefore,
      expected: { outcome: "done", sends: { [DETACH]: 2 } },
      resentNotBeforeMs: 5000,
    },
    {
      label: "503 after it took effect: not sent again",
      answer: answers.lostAfter,
      expected: { outcome: "done", sends: { [DETACH]: 1 } },
    },
    {
      label: "a dropped connection after it took effect: not sent again",
      answer: answers.dropped(true),
      expected: { outcome: "done", sends: { [DETACH]: 1 } },
    },
    {
      label: "a dropped connection before: sent again after five windows",
      answer: answers.dropped(false),
      expected: { outcome: "done", sends: { [DETACH]: 2 } },
      resentNotBeforeMs: 5000,
    },
  ])("$label", async ({ answer, instance, expected, logged, resentNotBeforeMs }) => {
    const kit = startKit({
      nics: [nic({ on: INSTANCE })],
      instances: instance === undefined ? {} : { [INSTANCE]: instance },
    });
    kit.zenlayer.script(DETACH, answer);
    const outcome = await run(deleteAttachment(kit.context(), ID, STORED));
    expectDecision(kit, outcome, expected);
    if (logged !== undefined) expect(kit.logs.join("\n")).toContain(logged);
    if (resentNotBeforeMs !== undefined)
      expect(resentAfter(kit, DETACH)[0]).toBeGreaterThanOrEqual(resentNotBeforeMs);
  });
});

describe("a delete whose timeout is shorter than the read-consistency window", () => {
  it("fails at once when a verdict cannot be confirmed in time, saying to raise the timeout", async () => {
    const kit = startKit({ nics: [nic()] });
    const outcome = await run(
      deleteAttachment(kit.context(), ID, { ...STORED, timeouts: { delete: "500ms" } }),
    );
    expectDecision(kit, outcome, {
      outcome: [
        "is not attached to any instance, as far as Zenlayer shows",
        "does not fit in what is left of the 500ms timeout: raise the timeout",
        STAYS,
      ],
      sends: {},
    });
    expect(outcome.afterMs).toBeLessThan(100);
  });
});
