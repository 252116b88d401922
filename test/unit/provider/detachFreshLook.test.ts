/**
 * The look right before a detach is sent (DetachNetworkInterface names only the NIC): when the
 * instance lock kept the delete waiting, or its rate-limit token came more than half a second
 * after the look, the NIC is read once more, and a NIC that moved meanwhile keeps its new instance.
 */
import { deleteAttachment } from "../../../provider/core/attachment/lifecycle";
import { withInstanceLock } from "../../../provider/core/instanceLocks";
import type { NicInfo, RateLimiter } from "../../../sdk/index";
import { abortableSleep } from "../../../sdk/util/time";
import { INSTANCE, NIC, nic, OTHER_INSTANCE, run, startKit } from "./support/decisionKit";
import { answers } from "./support/scriptedZenlayer";

afterEach(() => jest.useRealTimers());

const DETACH = "DetachNetworkInterface";
const STORED = { nicId: NIC, instanceId: INSTANCE, status: "USED" };

/** A limiter that grants each token 600 ms after it is asked for: a look is older than 500 ms by the send. */
const SLOW_TOKENS: RateLimiter = { acquire: (signal) => abortableSleep(600, signal) };

interface Why {
  readonly label: string;
  readonly rateLimiter?: RateLimiter;
  /** Holds the delete up as the row says, from before it starts; settles once it lets go. */
  readonly hold: () => Promise<void>;
}

const LOCK_WAITED: Why = {
  label: "the instance lock kept it waiting",
  hold: () => {
    let release: () => void = () => undefined;
    const held = withInstanceLock(INSTANCE, () => new Promise<void>((resolve) => (release = resolve)));
    setTimeout(() => release(), 3000);
    return held;
  },
};

const TOKEN_LATE: Why = {
  label: "its token came 600 ms after the look",
  rateLimiter: SLOW_TOKENS,
  hold: () => Promise.resolve(),
};

interface Meanwhile {
  readonly label: string;
  /** The NIC as it is when the fresh look is taken (`undefined`: deleted). */
  readonly nic: NicInfo | undefined;
  readonly detaches: number;
}

const MEANWHILE: readonly Meanwhile[] = [
  { label: "still USED on ours: detaches once", nic: nic({ on: INSTANCE }), detaches: 1 },
  {
    label: "moved to another instance: no detach, the NIC stays there",
    nic: nic({ on: OTHER_INSTANCE }),
    detaches: 0,
  },
  { label: "detached by someone else: no detach", nic: nic(), detaches: 0 },
  { label: "deleted: no detach", nic: undefined, detaches: 0 },
];

const ROWS = [LOCK_WAITED, TOKEN_LATE].flatMap((why) => MEANWHILE.map((meanwhile) => ({ why, meanwhile })));

describe("the look right before the detach", () => {
  it.each(ROWS)("when $why.label, and the NIC is $meanwhile.label", async ({ why, meanwhile }) => {
    const kit = startKit(
      { nics: [nic({ on: INSTANCE })] },
      why.rateLimiter === undefined ? {} : { rateLimiter: why.rateLimiter },
    );
    // After the look that decides to detach, before the send.
    const changeAt = why === LOCK_WAITED ? 2000 : 1000;
    kit.zenlayer.cloud.later(changeAt, (state) => {
      const nics = new Map(state.nics);
      if (meanwhile.nic === undefined) nics.delete(NIC);
      else nics.set(NIC, meanwhile.nic);
      return { ...state, nics };
    });
    const holding = why.hold();
    const outcome = await run(deleteAttachment(kit.context(), `${NIC}:${INSTANCE}`, STORED));
    await holding;
    expect(outcome.ok).toBe(true);
    expect(kit.zenlayer.sent(DETACH)).toBe(meanwhile.detaches);
    const now = kit.zenlayer.cloud.current().nics.get(NIC);
    if (meanwhile.nic?.instanceId === OTHER_INSTANCE)
      expect(now).toMatchObject({ status: "USED", instanceId: OTHER_INSTANCE });
    if (meanwhile.detaches > 0) {
      // The look that chose to detach, the look right before the send, the send.
      const actions = kit.zenlayer.requests.map((request) => request.action);
      expect(actions.slice(0, 3)).toEqual(["DescribeNetworkInterfaces", "DescribeNetworkInterfaces", DETACH]);
    }
  });

  it("a look younger than half a second is not taken again", async () => {
    const kit = startKit({ nics: [nic({ on: INSTANCE })] });
    await run(deleteAttachment(kit.context(), `${NIC}:${INSTANCE}`, STORED));
    const actions = kit.zenlayer.requests.map((request) => request.action);
    expect(actions.slice(0, 2)).toEqual(["DescribeNetworkInterfaces", DETACH]);
  });
});

describe("after Zenlayer refused the detach for a rebooting instance", () => {
  it("looks again, and leaves a NIC that moved meanwhile on its new instance", async () => {
    const kit = startKit({ nics: [nic({ on: INSTANCE })], instances: { [INSTANCE]: "REBOOT" } });
    kit.zenlayer.script(DETACH, answers.refused("OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT"));
    kit.zenlayer.cloud.later(500, (state) => ({
      ...state,
      nics: new Map(state.nics).set(NIC, nic({ on: OTHER_INSTANCE })),
    }));
    const outcome = await run(deleteAttachment(kit.context(), `${NIC}:${INSTANCE}`, STORED));
    expect(outcome.ok).toBe(true);
    expect(kit.zenlayer.sent(DETACH)).toBe(1);
    expect(kit.zenlayer.cloud.current().nics.get(NIC)).toMatchObject({ instanceId: OTHER_INSTANCE });
  });
});
