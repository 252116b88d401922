import { checkRun as judge } from "../../chaos/check/index";
import { runFailures } from "../../chaos/failures";
import { formatViolation } from "../../chaos/format";
import type { RunTrace, Violation } from "../../chaos/trace";
import { FREE, look, NIC, op, OTHER, OWN, SECRET, T0, trace, USED_OWN, write } from "./fixtures";

/** The checker must be able to fail: each invariant, fed a hand-made violation in a handler run, reports it. */
const checkRun = (t: RunTrace): readonly Violation[] => judge(t).violations;
const countRacedDetaches = (t: RunTrace): number => judge(t).racedDetaches;
const invariantsOf = (t: RunTrace): number[] => checkRun(t).map((violation) => violation.invariant);

const ATTACHED = write("AttachNetworkInterface", 100, FREE, true);
const created = op(0, "create", "ok", [0, 500], USED_OWN);

describe("the chaos checker, on a handler run", () => {
  it("passes a clean create and delete", () => {
    const detach = write("DetachNetworkInterface", 700, USED_OWN, true);
    const deleted = op(1, "delete", "ok", [600, 1200], FREE);
    expect(checkRun(trace({ ops: [created, deleted], requests: [ATTACHED, detach] }))).toEqual([]);
  });

  it("1: reports a detach that ran while the NIC was on another instance, even if refused", () => {
    const moved = { instanceId: OTHER, status: "USED" };
    const deleted = op(1, "delete", "ok", [600, 1200], moved);
    const detach = write("DetachNetworkInterface", 900, moved, false);
    const t = trace({ ops: [created, deleted], requests: [ATTACHED, detach] });
    expect(checkRun(t)).toEqual([expect.objectContaining({ invariant: 1, resource: "r0", opIndex: 1 })]);
    expect(formatViolation(t, checkRun(t)[0]!)).toContain("npm run chaos -- --seed 42");
  });

  it("1: reports a detach from the instance the stored state recorded, which the program never named", () => {
    const onOther = { instanceId: OTHER, status: "USED" };
    const deleted = op(1, "delete", "ok", [600, 1200], FREE, { targetInstanceId: OTHER });
    const detach = write("DetachNetworkInterface", 900, onOther, true);
    const t = trace({ ops: [created, deleted], requests: [ATTACHED, look(850, OTHER), detach] });
    expect(checkRun(t)).toEqual([expect.objectContaining({ invariant: 1, resource: "r0", opIndex: 1 })]);
    expect(checkRun(t)[0]?.detail).toContain(`the program named ${OWN}`);
  });

  it("1: counts a move between a fresh look and the detach as a race, not a violation", () => {
    const moved = { instanceId: OTHER, status: "USED" };
    const deleted = op(1, "delete", "ok", [600, 1200], moved);
    const detach = write("DetachNetworkInterface", 900, moved, true);
    const move = { atMs: T0 + 880, kind: "out-of-band move", nicId: NIC, instanceId: OTHER };
    const raced = trace({ ops: [created, deleted], requests: [ATTACHED, look(850), detach], events: [move] });
    expect(invariantsOf(raced)).toEqual([]);
    expect(countRacedDetaches(raced)).toBe(1);
  });

  it("1: judges a look by what it was answered: a move in the same millisecond is a race", () => {
    const moved = { instanceId: OTHER, status: "USED" };
    const deleted = op(1, "delete", "ok", [600, 1200], moved);
    const detach = write("DetachNetworkInterface", 900, moved, true);
    const move = { atMs: T0 + 850, kind: "out-of-band move", nicId: NIC, instanceId: OTHER };
    const afterLookShowing = (seenOn: string | null): RunTrace =>
      trace({ ops: [created, deleted], requests: [ATTACHED, look(850, seenOn), detach], events: [move] });
    expect(invariantsOf(afterLookShowing(OWN))).toEqual([]);
    expect(countRacedDetaches(afterLookShowing(OWN))).toBe(1);
    expect(invariantsOf(afterLookShowing(OTHER))).toEqual([1]);
    expect(invariantsOf(afterLookShowing(null))).toEqual([1]);
  });

  it("1: blames a detach sent after a look that already saw the move, or after a stale look", () => {
    const moved = { instanceId: OTHER, status: "USED" };
    const deleted = op(1, "delete", "ok", [600, 3000], moved);
    const detach = write("DetachNetworkInterface", 2900, moved, true);
    const early = { atMs: T0 + 700, kind: "out-of-band move", nicId: NIC, instanceId: OTHER };
    const sawIt = trace({
      ops: [created, deleted],
      requests: [ATTACHED, look(800, OTHER), detach],
      events: [early],
    });
    expect(invariantsOf(sawIt)).toEqual([1]);
    const late = { atMs: T0 + 2800, kind: "out-of-band move", nicId: NIC, instanceId: OTHER };
    const stale = trace({ ops: [created, deleted], requests: [ATTACHED, look(800), detach], events: [late] });
    expect(invariantsOf(stale)).toEqual([1]);
    expect(countRacedDetaches(stale)).toBe(0);
  });

  it("1: does not blame a detach of a NIC attached nowhere", () => {
    const detach = write("DetachNetworkInterface", 900, FREE, false);
    const deleted = op(1, "delete", "ok", [600, 1200], FREE);
    expect(invariantsOf(trace({ ops: [created, deleted], requests: [ATTACHED, detach] }))).toEqual([]);
  });

  it("2: reports a successful delete that left the NIC attached to its instance", () => {
    const deleted = op(1, "delete", "ok", [600, 700], { instanceId: OWN, status: "ATTACHING" });
    const t = trace({
      ops: [created, deleted],
      requests: [ATTACHED],
      final: { r0: { inState: false, nic: USED_OWN } },
    });
    expect(invariantsOf(t)).toEqual([2]);
  });

  it("3: reports a create that failed without an id after its attach ran", () => {
    const lost = write("AttachNetworkInterface", 100, FREE, true, "lost-response");
    const failed = op(0, "create", "failed", [0, 400], { instanceId: OWN, status: "ATTACHING" });
    const t = trace({ ops: [failed], requests: [lost], final: { r0: { inState: false, nic: USED_OWN } } });
    expect(checkRun(t)).toEqual([expect.objectContaining({ invariant: 3, opIndex: 0 })]);
  });

  it("3: reports an attach that landed after its failed create had returned", () => {
    const failed = op(0, "create", "failed", [0, 400], FREE);
    const late = write("AttachNetworkInterface", 900, FREE, true);
    const t = trace({ ops: [failed], requests: [late], final: { r0: { inState: false, nic: USED_OWN } } });
    expect(checkRun(t)).toEqual([expect.objectContaining({ invariant: 3, opIndex: 0 })]);
  });

  it("3: reports a read that dropped a resource whose NIC it had attached", () => {
    const dropped = op(1, "read", "dropped", [600, 650], USED_OWN);
    const t = trace({
      ops: [created, dropped],
      requests: [ATTACHED],
      final: { r0: { inState: false, nic: USED_OWN } },
    });
    expect(invariantsOf(t)).toEqual([3]);
  });

  it("3: does not blame a failed create that never attached", () => {
    const failed = op(0, "create", "failed", [0, 400], FREE);
    expect(invariantsOf(trace({ ops: [failed] }))).toEqual([]);
  });

  it("4: reports two applied attaches in one create", () => {
    const again = write("AttachNetworkInterface", 300, FREE, true);
    const t = trace({
      ops: [created],
      requests: [ATTACHED, again],
      final: { r0: { inState: true, nic: USED_OWN } },
    });
    expect(checkRun(t)).toEqual([expect.objectContaining({ invariant: 4, opIndex: 0 })]);
  });

  it("4: does not blame a second attach after the NIC was detached out of band in between", () => {
    const again = write("AttachNetworkInterface", 300, FREE, true);
    const t = trace({
      ops: [created],
      requests: [ATTACHED, again],
      events: [{ atMs: T0 + 200, kind: "out-of-band detach", nicId: NIC }],
      final: { r0: { inState: true, nic: USED_OWN } },
    });
    expect(invariantsOf(t)).toEqual([]);
    const later = trace({ ...t, events: [{ atMs: T0 + 400, kind: "out-of-band detach", nicId: NIC }] });
    expect(invariantsOf(later)).toEqual([4]);
  });

  it("5: reports an operation that ran past its timeout by more than 1 s plus a request timeout", () => {
    const slow = op(0, "create", "partial", [0, 5000 + 3001], USED_OWN);
    const justInTime = op(1, "update", "ok", [9000, 9000 + 5000 + 3000], USED_OWN);
    const t = trace({
      ops: [slow, justInTime],
      requests: [ATTACHED],
      final: { r0: { inState: true, nic: USED_OWN } },
    });
    expect(checkRun(t)).toEqual([expect.objectContaining({ invariant: 5, opIndex: 0 })]);
  });

  it.each([
    ["an error's cause", { errorText: `cause: {"config":{"password":"${SECRET}"}}` }],
    ["an error's stack", { errorText: "stack: Error: Authorization: ZC2-HMAC-SHA256 Credential=K/x" }],
    ["stored properties", { storedProps: { note: `Signature=abcdef0123456789abcdef` } }],
  ])("6: reports credential text in %s", (_place, extra) => {
    const failed = op(0, "create", "failed", [0, 400], FREE, extra);
    expect(invariantsOf(trace({ ops: [failed] }))).toEqual([6]);
  });

  it("6: reports credential text in a provider log line, but not an error code that merely names it", () => {
    const failed = op(0, "create", "failed", [0, 400], FREE, {
      errorText: "message: Zenlayer answered AUTHFAILURE_INVALID_AUTHORIZATION",
    });
    expect(invariantsOf(trace({ ops: [failed] }))).toEqual([]);
    expect(invariantsOf(trace({ ops: [failed], logs: [`using key ${SECRET}`] }))).toEqual([6]);
  });

  it("counts a run whose last destroy failed as not converged, unless a later refresh emptied the state", () => {
    const failed = op(0, "delete", "failed", [0, 400], USED_OWN);
    const left = trace({ ops: [failed], final: { r0: { inState: true, nic: USED_OWN } } });
    expect(runFailures(left)).toEqual([expect.objectContaining({ what: "destroy failed", commandIndex: 0 })]);
    const dropped = op(1, "read", "dropped", [500, 600], FREE);
    expect(runFailures(trace({ ops: [failed, dropped] }))).toEqual([]);
  });
});
