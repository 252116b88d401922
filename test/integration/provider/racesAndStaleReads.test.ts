/**
 * Deterministic reproductions of what can change between a look and an act: a NIC that moves to
 * another instance while a delete waits, and Describe answers that lag a write (issue 8,
 * findings 2–4). Each case sets the race up explicitly instead of hoping for the timing.
 */
import { instanceLockQueue, withInstanceLock } from "../../../provider/core/instanceLocks";
import type { AttachmentOutputs } from "../../../provider/index";
import type { RequestLogEntry } from "../../../simulator/index";
import { eventually } from "../../support/eventually";
import {
  answeredWith,
  failureOf,
  INSTANCE_REFUSAL,
  inputs,
  startHarness,
  succeeded,
} from "./support/harness";
import type { Harness } from "./support/harness";

let h: Harness;
afterEach(async () => {
  h.sim.control.releaseStalls();
  await h.sim.stop();
});

/** Detaches the server ran (refused or not), with the instance the NIC was on at that moment. */
function detachesRan(): { bound: string | null; applied: boolean }[] {
  return h.sim.control
    .requestLog()
    .filter(
      (entry: RequestLogEntry) => entry.action === "DetachNetworkInterface" && entry.effect !== undefined,
    )
    .map((entry) => ({ bound: entry.effect!.instanceIdBefore, applied: entry.effect!.applied }));
}

async function attached(): Promise<{ id: string; outs: AttachmentOutputs }> {
  const created = await h.provider.create(inputs(h.nicId, h.instanceId));
  h.sim.control.resetRequestLog();
  return { id: created.id, outs: created.outs! };
}

describe("a NIC that moves while a delete waits (finding 2)", () => {
  beforeEach(async () => {
    h = await startHarness();
  });

  it("reads again after waiting for the instance lock, and leaves the moved NIC alone", async () => {
    const { id, outs } = await attached();
    const other = h.sim.control.addInstance({ regionId: "asia-east-1" });
    let release: () => void = () => undefined;
    const held = withInstanceLock(h.instanceId, () => new Promise<void>((resolve) => (release = resolve)));

    const deleting = h.provider.delete!(id, outs);
    await eventually(() => instanceLockQueue(h.instanceId) === 2, "the delete to wait for the lock");
    h.sim.control.outOfBand.detachNic(h.nicId);
    h.sim.control.outOfBand.attachNic(h.nicId, other.instanceId);
    release();
    await held;
    await deleting;

    expect(detachesRan()).toEqual([]);
    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "USED", instanceId: other.instanceId });
    expect(h.logs.join("\n")).toContain(
      `is attached to instance ${other.instanceId}, which this resource does not own`,
    );
  });

  it("looks again after a reboot refused the detach, and never detaches from the new owner", async () => {
    const { id, outs } = await attached();
    const other = h.sim.control.addInstance({ regionId: "asia-east-1" });
    h.sim.control.outOfBand.setInstanceStatus(h.instanceId, "REBOOT");

    const deleting = h.provider.delete!(id, outs);
    await eventually(
      () => answeredWith(h.sim, "DetachNetworkInterface", INSTANCE_REFUSAL) > 0,
      "a detach refused by the rebooting instance",
    );
    h.sim.control.outOfBand.detachNic(h.nicId);
    h.sim.control.outOfBand.attachNic(h.nicId, other.instanceId);
    h.sim.control.outOfBand.startInstance(h.instanceId);
    await deleting;

    expect(detachesRan().every((ran) => ran.bound === h.instanceId)).toBe(true);
    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "USED", instanceId: other.instanceId });
  });
});

describe("Describe answers that lag a write (findings 3 and 4)", () => {
  beforeEach(async () => {
    // Shorter than the provider's one-second consistency window, as the provider assumes.
    h = await startHarness({ faults: { staleReadMs: 700 } });
  });

  it("a delete right after an attach does not take the stale 'not attached' for an answer", async () => {
    h.sim.control.stallTransitions({ nicId: h.nicId, forMs: 300 });
    const error = await failureOf(h.provider.create(inputs(h.nicId, h.instanceId, { create: "200ms" })));
    expect(error["id"]).toBe(`${h.nicId}:${h.instanceId}`);
    const kept = error["properties"] as AttachmentOutputs;

    await h.provider.delete!(String(error["id"]), kept);

    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
    expect(succeeded(h.sim, "DetachNetworkInterface")).toBe(1);
  });

  it("a refresh right after an attach does not drop the attachment", async () => {
    h.sim.control.stallTransitions({ nicId: h.nicId, forMs: "forever" });
    const error = await failureOf(h.provider.create(inputs(h.nicId, h.instanceId, { create: "200ms" })));
    const id = String(error["id"]);
    const read = await h.provider.read!(id, error["properties"] as AttachmentOutputs);
    expect(read.id).toBe(id);
    expect(read.props).toMatchObject({ instanceId: h.instanceId, status: "ATTACHING" });
  });

  it("an attach whose answer was lost is not sent twice, and the create ends attached", async () => {
    h.sim.control.failNext({ action: "AttachNetworkInterface", count: 1, httpStatus: 503, when: "after" });
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    expect(created.outs?.status).toBe("USED");
    const applied = h.sim.control
      .requestLog()
      .filter((entry) => entry.action === "AttachNetworkInterface" && entry.effect?.applied === true);
    expect(applied).toHaveLength(1);
  });

  it("a create that may have attached and then fails keeps the attachment in the stack", async () => {
    h.sim.control.failNext({ action: "AttachNetworkInterface", count: 1, httpStatus: 503, when: "after" });
    const error = await failureOf(h.provider.create(inputs(h.nicId, h.instanceId, { create: "300ms" })));
    expect(error["id"]).toBe(`${h.nicId}:${h.instanceId}`);
    expect(error.message).toContain("The attachment stays in the stack because the NIC may be attached");
    expect(h.sim.control.getNic(h.nicId)?.instanceId).toBe(h.instanceId);
  });

  it("a create that attached nothing says so, and never that something stays in the stack", async () => {
    const far = h.sim.control.addNic({ regionId: "na-west-1" });
    const error = await failureOf(h.provider.create(inputs(far.nicId, h.instanceId)));
    expect(error["id"]).toBeUndefined();
    expect(error.message).toMatch(/No attach was made\.$/);
    expect(error.message).not.toContain("stays in the stack");
  });
});
