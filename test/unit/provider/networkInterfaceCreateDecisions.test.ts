/**
 * The NetworkInterface create's decisions, one row per Zenlayer answer or cloud state: one NIC per
 * resource, whatever happens to the answer; a CREATE_FAILED NIC cleaned up; what a failure keeps in
 * the stack. On a scripted Zenlayer and fake time.
 */
import { createNetworkInterface } from "../../../provider/core/networkInterface/lifecycle";
import type { NetworkInterfaceInputs } from "../../../provider/core/networkInterface/inputs";
import type { NicInfo } from "../../../sdk/index";
import { nicRecord } from "./support/cloudTimeline";
import { expectDecision, resentAfter } from "./support/decisionExpectations";
import type { Expected } from "./support/decisionExpectations";
import { keptOutputs, run, startKit } from "./support/decisionKit";
import type { Kit } from "./support/decisionKit";
import { nicInputs, SUBNET, tagged } from "./support/networkInterfaceFixtures";
import { answers } from "./support/scriptedZenlayer";
import type { Answer } from "./support/scriptedZenlayer";

afterEach(() => jest.useRealTimers());

/** When the last create was sent. */
const lastCreateAt = (kit: Kit): number | undefined =>
  kit.zenlayer.requests.filter((request) => request.action === "CreateNetworkInterface").at(-1)?.at;

const CREATE = "CreateNetworkInterface";
const DELETE = "DeleteNetworkInterface";
const EARLIER = "1800000000000000001";
const NOTHING_LEFT = "Nothing is left behind";
const MAY_HAVE_CREATED = "A create was sent whose outcome Zenlayer did not report";

interface Row {
  readonly label: string;
  readonly answers?: readonly Answer[];
  readonly nics?: (inputs: NetworkInterfaceInputs) => NicInfo[];
  readonly inputs?: NetworkInterfaceInputs;
  readonly setup?: (kit: Kit) => void;
  readonly expected: Expected;
  /** How many NICs the subnet holds at the end. */
  readonly nicsAfter: number;
  readonly beforeMs?: number;
  /** The second create comes at least this long after the first (fake ms). */
  readonly resentNotBeforeMs?: number;
  readonly logged?: string;
}

const ONE = { outcome: "done", sends: { [CREATE]: 1 } } as const;
const withTimeout = nicInputs({ timeouts: { create: "10s" } });

describe("a NetworkInterface create", () => {
  it.each<Row>([
    { label: "accepted: one NIC, AVAILABLE", expected: ONE, nicsAfter: 1 },
    {
      label: "answer lost (503 after it ran): the NIC it made is found by its tag, no second create",
      answers: [answers.lostAfter],
      expected: ONE,
      nicsAfter: 1,
      logged: "found, made by an earlier create of this resource",
    },
    {
      label: "connection dropped after it ran: found, no second create",
      answers: [answers.dropped(true)],
      expected: ONE,
      nicsAfter: 1,
    },
    {
      label: "503 before it ran: sent again only after thirty windows without a NIC",
      answers: [answers.unavailableBefore],
      expected: { outcome: "done", sends: { [CREATE]: 2 } },
      nicsAfter: 1,
      resentNotBeforeMs: 30_000,
    },
    {
      label: "connection dropped before it ran: the same",
      answers: [answers.dropped(false)],
      expected: { outcome: "done", sends: { [CREATE]: 2 } },
      nicsAfter: 1,
      resentNotBeforeMs: 30_000,
    },
    {
      label: "429 (nothing ran): sent again after a fresh search, without the long wait",
      answers: [answers.throttled],
      expected: { outcome: "done", sends: { [CREATE]: 2 } },
      nicsAfter: 1,
      beforeMs: 5000,
    },
    {
      label: "INVALID_SUBNET_NOT_FOUND: fails at once, naming subnetId",
      answers: [answers.refused("INVALID_SUBNET_NOT_FOUND", 404)],
      expected: {
        outcome: [
          "Zenlayer answered INVALID_SUBNET_NOT_FOUND (request id T-2): check `subnetId`",
          NOTHING_LEFT,
        ],
        sends: { [CREATE]: 1 },
      },
      nicsAfter: 0,
    },
    {
      label: "INVALID_PARAMETER_EXCEED_LENGTH: fails at once, naming the limits",
      answers: [answers.refused("INVALID_PARAMETER_EXCEED_LENGTH")],
      expected: { outcome: ["`tags` holds at most 49 tags", NOTHING_LEFT], sends: { [CREATE]: 1 } },
      nicsAfter: 0,
    },
    {
      label: "a NIC an earlier create of this resource made: adopted, nothing sent",
      nics: (inputs) => [tagged(EARLIER, inputs)],
      expected: { outcome: "done", sends: {} },
      nicsAfter: 1,
    },
    {
      label: "a NIC of the same name without the tag, from a Zenlayer that ignores the tag filter: not taken",
      nics: () => [nicRecord(EARLIER, { name: "eth1", subnetId: SUBNET })],
      setup: (kit) => void (kit.zenlayer.ignoreTagFilter = true),
      expected: ONE,
      nicsAfter: 2,
    },
    {
      label: "ends CREATE_FAILED: deleted, nothing kept",
      setup: (kit) => void (kit.zenlayer.behaviour.createEndsAs = "CREATE_FAILED"),
      expected: {
        outcome: ["it ended CREATE_FAILED; the failed NIC was deleted", NOTHING_LEFT],
        sends: { [CREATE]: 1, [DELETE]: 1 },
      },
      nicsAfter: 0,
    },
    {
      label:
        "ends CREATE_FAILED and Zenlayer refuses its delete: kept as CREATE_FAILED, for the next up to replace",
      setup: (kit) => {
        kit.zenlayer.behaviour.createEndsAs = "CREATE_FAILED";
        kit.zenlayer.always(DELETE, answers.refused("OPERATION_DENIED_POSTPAID_INSTANCE_IN_PROMISE", 403));
      },
      expected: {
        outcome: [
          "deleting it failed",
          "OPERATION_DENIED_POSTPAID_INSTANCE_IN_PROMISE",
          "the next `pulumi up` replaces it",
        ],
        kept: { status: "CREATE_FAILED" },
        sends: { [CREATE]: 1, [DELETE]: 1 },
      },
      nicsAfter: 1,
    },
    {
      label: "still PENDING at the timeout: kept as PENDING",
      inputs: withTimeout,
      setup: (kit) => void (kit.zenlayer.behaviour.transitionMs = Number.POSITIVE_INFINITY),
      expected: {
        outcome: [
          "did not finish within its 10s timeout (last status PENDING)",
          "The NIC stays in the stack",
        ],
        kept: { status: "PENDING" },
        sends: { [CREATE]: 1 },
      },
      nicsAfter: 1,
    },
    {
      label:
        "503 before it ran, and the timeout comes before a second create may be sent: nothing kept, saying a NIC may exist",
      inputs: withTimeout,
      answers: [answers.unavailableBefore],
      expected: { outcome: [MAY_HAVE_CREATED], sends: { [CREATE]: 1 } },
      nicsAfter: 0,
    },
    {
      label: "accepted, and the NIC vanishes before any read shows it: kept, status unknown",
      setup: (kit) => kit.zenlayer.cloud.later(100, (state) => ({ ...state, nics: new Map() })),
      expected: {
        outcome: ["disappeared while it was being created", "The NIC stays in the stack"],
        kept: { status: "UNKNOWN" },
        sends: { [CREATE]: 1 },
      },
      nicsAfter: 0,
    },
  ])(
    "$label",
    async ({
      answers: list = [],
      nics,
      inputs = nicInputs(),
      setup,
      expected,
      nicsAfter,
      beforeMs,
      resentNotBeforeMs,
      logged,
    }) => {
      const kit = startKit({ nics: nics?.(inputs) ?? [] });
      kit.zenlayer.script(CREATE, ...list);
      setup?.(kit);
      const outcome = await run(createNetworkInterface(kit.context(), inputs));
      expectDecision(kit, outcome, expected);
      // A NIC kept before any read showed it records when its create was sent.
      const kept = outcome.ok ? undefined : keptOutputs(outcome.error);
      if (kept?.["status"] === "UNKNOWN") expect(kept["writeSentAt"]).toBe(lastCreateAt(kit));
      expect(kit.zenlayer.cloud.current().nics.size).toBe(nicsAfter);
      if (resentNotBeforeMs !== undefined)
        expect(resentAfter(kit, CREATE)[0]).toBeGreaterThanOrEqual(resentNotBeforeMs);
      if (beforeMs !== undefined) expect(outcome.afterMs).toBeLessThan(beforeMs);
      if (logged !== undefined) expect(kit.logs.join("\n")).toContain(logged);
      if (outcome.ok)
        expect(outcome.value.outputs).toMatchObject({
          status: "AVAILABLE",
          name: "eth1",
          nicId: outcome.value.id,
        });
    },
  );
});
