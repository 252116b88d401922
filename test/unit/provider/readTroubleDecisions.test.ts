/**
 * What a failed read means to an operation, one row per kind of trouble, on a scripted Zenlayer
 * and fake time: passing trouble (5xx, a dropped connection, throttling) is "not yet", retried at a
 * later look until the resource's timeout; anything else ends the operation at once.
 */
import { deleteAttachment } from "../../../provider/core/attachment/lifecycle";
import { expectDecision } from "./support/decisionExpectations";
import type { Expected } from "./support/decisionExpectations";
import { INSTANCE, NIC, nic, run, startKit } from "./support/decisionKit";
import { answers } from "./support/scriptedZenlayer";
import type { Answer } from "./support/scriptedZenlayer";

afterEach(() => jest.useRealTimers());

const DESCRIBE = "DescribeNetworkInterfaces";
const DETACH = "DetachNetworkInterface";
const STAYS = "The attachment stays in the stack";
const DETACHED = { outcome: "done", sends: { [DETACH]: 1 } } as const;

interface Row {
  readonly label: string;
  /** Zenlayer's answers to the first reads (later ones answer what the cloud shows). */
  readonly reads: readonly Answer[];
  /** Every read's answer, when the trouble does not pass. */
  readonly always?: Answer;
  readonly timeout?: string;
  readonly expected: Expected;
}

describe("a delete whose reads fail", () => {
  it.each<Row>([
    {
      label: "three 503s: not yet, then detached",
      reads: Array(3).fill(answers.unavailableBefore),
      expected: DETACHED,
    },
    {
      label: "two dropped connections: not yet, then detached",
      reads: [answers.dropped(false), answers.dropped(false)],
      expected: DETACHED,
    },
    {
      label: "two 429s: not yet, then detached",
      reads: [answers.throttled, answers.throttled],
      expected: DETACHED,
    },
    {
      label: "503 until the timeout: fails naming the last failed request, kept",
      reads: [],
      always: answers.unavailableBefore,
      timeout: "5s",
      expected: {
        outcome: [
          "did not finish within its 5s timeout (last status unknown); the last failed request: " +
            "DescribeNetworkInterfaces failed with SERVICE_TEMPORARY_UNAVAILABLE (HTTP 503",
          STAYS,
        ],
        sends: {},
      },
    },
    {
      label: "a permanent refusal: fails at once with its code",
      reads: [answers.refused("AUTHFAILURE_UNAUTHORIZED_OPERATION", 403)],
      expected: { outcome: ["AUTHFAILURE_UNAUTHORIZED_OPERATION (request id T-1)", STAYS], sends: {} },
    },
  ])("$label", async ({ reads, always, timeout = "1m", expected }) => {
    const kit = startKit({ nics: [nic({ on: INSTANCE })] });
    kit.zenlayer.script(DESCRIBE, ...reads);
    if (always !== undefined) kit.zenlayer.always(DESCRIBE, always);
    const stored = { nicId: NIC, instanceId: INSTANCE, status: "USED", timeouts: { delete: timeout } };
    expectDecision(kit, await run(deleteAttachment(kit.context(), `${NIC}:${INSTANCE}`, stored)), expected);
  });
});
