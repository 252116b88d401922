import type { StatusTransition } from "../../../simulator";
import { seedBasic, startTestSimulator, stopAll, TEST_DELAY_MS } from "./helpers";
import { ok, send } from "./rawClient";

afterEach(stopAll);

/** The log without the clock, for comparing sequences. */
const steps = (log: StatusTransition[]) =>
  log.map(({ resource, id, from, to, instanceId, cause }) => ({ resource, id, from, to, instanceId, cause }));

/** The status transition log: when each NIC and instance status really changed, and why. */
describe("status transition log", () => {
  it("records seeds, API writes and the transitions that settle them, on the simulator clock", async () => {
    const sim = await startTestSimulator();
    const world = seedBasic(sim);
    const nic = world.spareNicId;
    await ok(sim, "AttachNetworkInterface", { nicId: nic, instanceId: world.instanceId });
    await sim.control.whenIdle();
    await ok(sim, "DetachNetworkInterface", { nicId: nic });
    await sim.control.whenIdle();
    const log = sim.control.transitionLog();
    expect(steps(log)).toEqual([
      {
        resource: "instance",
        id: world.instanceId,
        from: null,
        to: "RUNNING",
        instanceId: null,
        cause: "seed",
      },
      {
        ...{ resource: "nic", id: world.primaryNicId, from: null, to: "USED" },
        ...{ instanceId: world.instanceId, cause: "seed" },
      },
      { resource: "nic", id: nic, from: null, to: "AVAILABLE", instanceId: null, cause: "seed" },
      {
        resource: "nic",
        id: nic,
        from: "AVAILABLE",
        to: "ATTACHING",
        instanceId: world.instanceId,
        cause: "api",
      },
      {
        resource: "nic",
        id: nic,
        from: "ATTACHING",
        to: "USED",
        instanceId: world.instanceId,
        cause: "transition",
      },
      { resource: "nic", id: nic, from: "USED", to: "DETACHING", instanceId: world.instanceId, cause: "api" },
      { resource: "nic", id: nic, from: "DETACHING", to: "AVAILABLE", instanceId: null, cause: "transition" },
    ]);
    const requests = sim.control.requestLog();
    const attachAt = requests[0]!.effect!.atMs;
    const [attaching, used] = log.slice(3, 5);
    expect(attaching!.atMs - attachAt).toBeGreaterThanOrEqual(0);
    expect(attaching!.atMs - attachAt).toBeLessThan(TEST_DELAY_MS);
    // The timer fires the transition delay after the write (a timer is never early by more than a ms).
    expect(used!.atMs - attachAt).toBeGreaterThanOrEqual(TEST_DELAY_MS - 1);
    expect(log.map((entry) => entry.atMs)).toEqual([...log.map((entry) => entry.atMs)].sort((a, b) => a - b));
  });

  it("dates a stalled transition at its release, and records out-of-band changes and deletes", async () => {
    const sim = await startTestSimulator();
    const world = seedBasic(sim);
    sim.control.stallTransitions({ nicId: world.spareNicId, forMs: "forever" });
    await ok(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId });
    await new Promise((resolve) => setTimeout(resolve, TEST_DELAY_MS * 3));
    const releasedAt = Date.now();
    sim.control.releaseStalls();
    const used = sim.control.transitionLog().at(-1)!;
    expect(used).toMatchObject({ from: "ATTACHING", to: "USED", cause: "transition" });
    expect(used.atMs).toBeGreaterThanOrEqual(releasedAt);
    sim.control.outOfBand.detachNic(world.spareNicId);
    sim.control.outOfBand.detachNic(world.spareNicId); // already free: nothing changed, nothing logged
    sim.control.outOfBand.deleteNic(world.spareNicId);
    sim.control.outOfBand.stopInstance(world.instanceId);
    expect(steps(sim.control.transitionLog().slice(-3))).toEqual([
      {
        resource: "nic",
        id: world.spareNicId,
        from: "USED",
        to: "AVAILABLE",
        instanceId: null,
        cause: "out-of-band",
      },
      {
        resource: "nic",
        id: world.spareNicId,
        from: "AVAILABLE",
        to: null,
        instanceId: null,
        cause: "out-of-band",
      },
      {
        resource: "instance",
        id: world.instanceId,
        from: "RUNNING",
        to: "STOPPED",
        instanceId: null,
        cause: "out-of-band",
      },
    ]);
  });

  it("keeps the newest transitionLogLimit entries, and serves them at /_simulator/transitions", async () => {
    const sim = await startTestSimulator({ transitionLogLimit: 2 });
    const world = seedBasic(sim);
    await ok(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId });
    await sim.control.whenIdle();
    const kept = sim.control.transitionLog();
    expect(kept.map((entry) => `${entry.from}->${entry.to}`)).toEqual([
      "AVAILABLE->ATTACHING",
      "ATTACHING->USED",
    ]);
    const response = await send(sim.port, {
      method: "GET",
      path: "/_simulator/transitions",
      headers: { "content-type": "application/json" },
      body: "",
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual(kept);
    expect(() => sim.control.transitionLog().pop()).not.toThrow();
    expect(sim.control.transitionLog()).toHaveLength(2); // copies: the caller cannot change the log
  });

  it("refuses a limit that is not a positive integer", async () => {
    await expect(startTestSimulator({ transitionLogLimit: 0 })).rejects.toThrow(/transitionLogLimit/);
  });
});
