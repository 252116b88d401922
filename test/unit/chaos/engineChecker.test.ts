import { checkRun as checkEngineRun } from "../../chaos/check/index";
import { runFailures } from "../../chaos/failures";
import { formatViolation } from "../../chaos/format";
import type { RunTrace } from "../../chaos/trace";
import {
  command,
  EMPTY,
  engineTrace,
  FREE,
  holding,
  look,
  NIC,
  OTHER,
  OWN,
  SECRET,
  T0,
  USED_OWN,
  write,
} from "./fixtures";

/** The checker must be able to fail on engine runs too: each invariant, fed a hand-made violation, reports it. */
const invariantsOf = (t: RunTrace): number[] => checkEngineRun(t).violations.map((v) => v.invariant);

const ATTACHED = write("AttachNetworkInterface", 100, FREE, true);
const DETACHED = write("DetachNetworkInterface", 700, USED_OWN, true);
const UP = command(0, "up", [0, 500], USED_OWN);
const DESTROY = command(1, "destroy", [600, 1200], FREE);
const ON_OTHER = { instanceId: OTHER, status: "USED" };

describe("the chaos checker, on an engine run", () => {
  it("passes a clean up and destroy", () => {
    const t = engineTrace({ commands: [UP, DESTROY], requests: [ATTACHED, DETACHED] });
    expect(checkEngineRun(t)).toEqual({
      violations: [],
      racedDetaches: 0,
      excusedChecks: 0,
    });
  });

  describe("1: detaches", () => {
    it("reports a detach of the NIC while it was on an instance its resource never named", () => {
      const detach = write("DetachNetworkInterface", 900, ON_OTHER, false);
      const t = engineTrace({ commands: [UP, DESTROY], requests: [ATTACHED, detach] });
      expect(checkEngineRun(t).violations).toEqual([
        expect.objectContaining({ invariant: 1, resource: "r0", commandIndex: 1 }),
      ]);
      expect(formatViolation(t, checkEngineRun(t).violations[0]!)).toContain(
        "npm run chaos -- --engine --seed 42",
      );
    });

    it("reports a detach from an instance the stack recorded but the program never named", () => {
      const refreshed = command(1, "refresh", [300, 500], ON_OTHER, { stateAfter: holding(OTHER) });
      const destroy = command(2, "destroy", [600, 1200], FREE);
      const detach = write("DetachNetworkInterface", 900, ON_OTHER, true);
      const t = engineTrace({ commands: [UP, refreshed, destroy], requests: [ATTACHED, detach] });
      expect(checkEngineRun(t).violations).toEqual([
        expect.objectContaining({ invariant: 1, resource: "r0", commandIndex: 2 }),
      ]);
    });

    it("reports a detach from the instance a refresh in the same up --refresh saw", () => {
      const steps = [
        {
          resource: "r0",
          op: "refresh",
          outcome: "ok" as const,
          oldInstanceId: OWN,
          newInstanceId: OTHER,
        },
        { resource: "r0", op: "delete-replaced", outcome: "ok" as const, oldInstanceId: OTHER },
      ];
      const replace = command(1, "up --refresh", [600, 1500], USED_OWN, { steps });
      const detach = write("DetachNetworkInterface", 900, ON_OTHER, true);
      const t = engineTrace({
        commands: [UP, replace],
        requests: [ATTACHED, detach],
        finalNic: USED_OWN,
      });
      expect(checkEngineRun(t).violations).toEqual([
        expect.objectContaining({ invariant: 1, resource: "r0", commandIndex: 1 }),
      ]);
    });

    it("counts a move between a fresh look and the detach as a race", () => {
      const detach = write("DetachNetworkInterface", 900, ON_OTHER, true);
      const move = { atMs: T0 + 880, kind: "out-of-band move", nicId: NIC, instanceId: OTHER };
      const t = engineTrace({
        commands: [UP, DESTROY],
        requests: [ATTACHED, look(850), detach],
        events: [move],
      });
      expect(checkEngineRun(t)).toMatchObject({ violations: [], racedDetaches: 1 });
    });

    it("blames a detach after a look that showed the NIC on a foreign instance already", () => {
      const detach = write("DetachNetworkInterface", 900, ON_OTHER, true);
      const move = { atMs: T0 + 840, kind: "out-of-band move", nicId: NIC, instanceId: OTHER };
      const t = engineTrace({
        commands: [UP, DESTROY],
        requests: [ATTACHED, look(850, OTHER), detach],
        events: [move],
      });
      expect(checkEngineRun(t)).toMatchObject({ violations: [expect.objectContaining({ invariant: 1 })] });
    });
  });

  describe("2: after the last destroy succeeded", () => {
    it("reports the NIC still attached to its instance when destroy returned", () => {
      const destroy = command(1, "destroy", [600, 1200], USED_OWN);
      expect(invariantsOf(engineTrace({ commands: [UP, destroy], requests: [ATTACHED] }))).toEqual([2]);
    });

    it("reports an attach that landed after destroy returned", () => {
      const late = write("AttachNetworkInterface", 1500, FREE, true);
      const t = engineTrace({
        commands: [UP, DESTROY],
        requests: [ATTACHED, DETACHED, late],
        finalNic: USED_OWN,
      });
      expect(checkEngineRun(t).violations).toEqual([
        expect.objectContaining({ invariant: 3, detail: expect.stringContaining("at the end of the run") }),
      ]);
    });

    it("reports an attachment the stack still holds", () => {
      const destroy = command(1, "destroy", [600, 1200], FREE, { stateAfter: holding() });
      expect(invariantsOf(engineTrace({ commands: [UP, destroy], requests: [ATTACHED, DETACHED] }))).toEqual([
        2,
      ]);
    });

    it("does not judge a run whose last destroy failed (that is a failure to converge)", () => {
      const failed = command(1, "destroy", [600, 1200], USED_OWN, { ok: false, stateAfter: holding() });
      const t = engineTrace({ commands: [UP, failed], requests: [ATTACHED], finalNic: USED_OWN });
      expect(invariantsOf(t)).toEqual([]);
      expect(runFailures(t)).toEqual([expect.objectContaining({ what: "destroy failed", expected: false })]);
    });
  });

  describe("7: after an up that succeeded", () => {
    it("reports a NIC that is not USED on its instance", () => {
      const up = command(0, "up", [0, 500], FREE);
      const t = engineTrace({ commands: [up, DESTROY], requests: [ATTACHED, DETACHED] });
      expect(checkEngineRun(t).violations).toEqual([
        expect.objectContaining({ invariant: 7, commandIndex: 0 }),
      ]);
    });

    it("reports a NIC attached to a program instance with no attachment in the stack", () => {
      const up = command(0, "up", [0, 500], USED_OWN, { stateAfter: EMPTY });
      const t = engineTrace({ commands: [up, DESTROY], requests: [ATTACHED, DETACHED] });
      expect(checkEngineRun(t).violations).toEqual([
        expect.objectContaining({ invariant: 7, detail: expect.stringContaining("without a resource") }),
      ]);
    });

    it("excuses a NIC detached out of band that the up could not see, but not once a refresh saw it", () => {
      const detached = { atMs: T0 + 300, kind: "out-of-band detach", nicId: NIC };
      const first = command(0, "up", [0, 200], USED_OWN);
      const blind = command(1, "up", [400, 500], FREE);
      const t = engineTrace({ commands: [first, blind], requests: [ATTACHED], events: [detached] });
      expect(checkEngineRun(t)).toMatchObject({ violations: [], excusedChecks: 1 });
      const refreshed = command(1, "refresh", [350, 380], FREE, { stateAfter: EMPTY });
      const seen = engineTrace({
        commands: [first, refreshed, { ...blind, index: 2 }],
        requests: [ATTACHED],
        events: [detached],
      });
      expect(invariantsOf(seen)).toEqual([7]);
    });
  });

  describe("4: attaches per up", () => {
    it("reports two applied attaches of one NIC in one up", () => {
      const again = write("AttachNetworkInterface", 300, FREE, true);
      const t = engineTrace({ commands: [UP, DESTROY], requests: [ATTACHED, again, DETACHED] });
      expect(checkEngineRun(t).violations).toEqual([
        expect.objectContaining({ invariant: 4, commandIndex: 0, detail: expect.stringContaining("#0 up") }),
      ]);
    });

    it("does not blame a second attach after an out-of-band detach in between", () => {
      const again = write("AttachNetworkInterface", 300, FREE, true);
      const detached = { atMs: T0 + 200, kind: "out-of-band detach", nicId: NIC };
      const t = engineTrace({
        commands: [UP, DESTROY],
        requests: [ATTACHED, again, DETACHED],
        events: [detached],
      });
      expect(invariantsOf(t)).toEqual([]);
    });
  });

  describe("6: credentials", () => {
    it.each([
      ["CLI output", { output: `config: ${SECRET}` }, {}],
      [
        "a stack export",
        { exportText: '{"headers":{"Authorization":"ZC2-HMAC-SHA256 Credential=K/x"}}' },
        {},
      ],
      ["a file", {}, { files: [{ place: "file pulumi/home/x.json", text: "Signature=0123456789abcdef" }] }],
    ])("reports credential text in %s", (_place, commandExtra, traceExtra) => {
      const up = command(0, "up", [0, 500], USED_OWN, commandExtra);
      const t = engineTrace({ commands: [up, DESTROY], requests: [ATTACHED, DETACHED], ...traceExtra });
      expect(invariantsOf(t)).toEqual([6]);
    });

    it("accepts secret config stored as ciphertext", () => {
      const stackFile = "config:\n  zenlayer:accessKeyPassword:\n    secure: v1:AAAABBBBCCCC\n";
      const t = engineTrace({
        commands: [UP, DESTROY],
        requests: [ATTACHED, DETACHED],
        files: [{ place: "file project/Pulumi.s.yaml", text: stackFile }],
      });
      expect(invariantsOf(t)).toEqual([]);
    });
  });

  it("explains a recovery up that cannot create an attachment whose NIC was moved away out of band", () => {
    const moved = { atMs: T0 + 50, kind: "out-of-band move", nicId: NIC, instanceId: OTHER };
    const refused = {
      resource: "r0",
      op: "create",
      outcome: "failed" as const,
      error: `NIC ${NIC} is attached to instance ${OTHER}, not ${OWN}. Detach it there first`,
    };
    const up = command(0, "up", [0, 500], ON_OTHER, {
      ok: false,
      phase: "recovery",
      steps: [refused],
      stateAfter: EMPTY,
    });
    const destroy = command(1, "destroy", [600, 700], ON_OTHER, { stateAfter: EMPTY });
    const t = engineTrace({ commands: [up, destroy], events: [moved], finalNic: ON_OTHER });
    expect(runFailures(t)).toEqual([expect.objectContaining({ what: "recovery up failed", expected: true })]);
  });
});
