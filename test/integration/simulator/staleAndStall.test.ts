import { describeNic, seedBasic, startTestSimulator, stopAll } from "./helpers";
import { ok } from "./rawClient";

afterEach(stopAll);

/** An injected clock, started at real time so requests signed with the real clock stay within the skew window. */
let clockMs = Date.now();
const now = () => clockMs;

describe("eventual consistency and transitions", () => {
  it("shows the pre-write state for staleReadMs after a write, while the true state moves on", async () => {
    const sim = await startTestSimulator({ now, faults: { staleReadMs: 2000 } });
    const world = seedBasic(sim);
    await ok(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId });
    await sim.control.whenIdle();
    expect(sim.control.getNic(world.spareNicId)?.status).toBe("USED");
    expect(await describeNic(sim, world.spareNicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
    clockMs += 2001;
    expect(await describeNic(sim, world.spareNicId)).toMatchObject({
      status: "USED",
      instanceId: world.instanceId,
    });
  });

  it("applies to instances too", async () => {
    const sim = await startTestSimulator({ now, faults: { staleReadMs: 1000 } });
    const { instanceId } = seedBasic(sim);
    await ok(sim, "StopInstances", { instanceIds: [instanceId] });
    await sim.control.whenIdle();
    const shown = async () =>
      (
        (await ok(sim, "DescribeInstances", { instanceIds: [instanceId] }))["dataSet"] as { status: string }[]
      )[0];
    expect(await shown()).toMatchObject({ status: "RUNNING" });
    expect(sim.control.getInstance(instanceId)?.status).toBe("STOPPED");
    clockMs += 1001;
    expect(await shown()).toMatchObject({ status: "STOPPED" });
  });

  it("hides a just-created NIC and keeps showing a just-deleted one", async () => {
    const sim = await startTestSimulator({ now, faults: { staleReadMs: 500 } });
    const world = seedBasic(sim);
    const created = (await ok(sim, "CreateNetworkInterface", { name: "fresh", subnetId: world.subnetId }))[
      "nicId"
    ] as string;
    await ok(sim, "DeleteNetworkInterface", { nicId: world.spareNicId });
    await sim.control.whenIdle();
    expect(await describeNic(sim, created)).toBeUndefined();
    expect((await describeNic(sim, world.spareNicId))?.status).toBe("AVAILABLE");
    clockMs += 501;
    expect((await describeNic(sim, created))?.status).toBe("AVAILABLE");
    expect(await describeNic(sim, world.spareNicId)).toBeUndefined();
  });

  it("stalls transitions at random with stallRate, until released", async () => {
    const sim = await startTestSimulator({ faults: { stallRate: 1, stallMs: "forever" } });
    const world = seedBasic(sim);
    await ok(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId });
    let idle = false;
    void sim.control.whenIdle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(idle).toBe(false);
    expect(sim.control.getNic(world.spareNicId)?.status).toBe("ATTACHING");
    sim.control.releaseStalls();
    await sim.control.whenIdle();
    expect(sim.control.getNic(world.spareNicId)?.status).toBe("USED");
  });

  it("ends a timed stall by itself", async () => {
    const sim = await startTestSimulator();
    const world = seedBasic(sim);
    sim.control.stallTransitions({ nicId: world.spareNicId, forMs: 50 });
    await ok(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId });
    await sim.control.whenIdle();
    expect(sim.control.getNic(world.spareNicId)?.status).toBe("USED");
  });

  it("ends creations in CREATE_FAILED with createFailureRate 1", async () => {
    const sim = await startTestSimulator({ faults: { createFailureRate: 1 } });
    const world = seedBasic(sim);
    const nicId = (await ok(sim, "CreateNetworkInterface", { name: "doomed", subnetId: world.subnetId }))[
      "nicId"
    ] as string;
    await sim.control.whenIdle();
    expect((await describeNic(sim, nicId))?.status).toBe("CREATE_FAILED");
  });
});
