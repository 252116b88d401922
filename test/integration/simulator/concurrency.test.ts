import type { Simulator } from "../../../simulator";
import { seedBasic, startTestSimulator, stopAll } from "./helpers";
import { failure } from "./rawClient";

let sim: Simulator;

beforeEach(async () => {
  sim = await startTestSimulator({ nicLimitPerInstance: 4 });
});
afterEach(stopAll);

describe("concurrent requests", () => {
  it("accepts exactly one of many simultaneous attaches of the same NIC", async () => {
    const world = seedBasic(sim);
    sim.control.stallTransitions({ forMs: "forever" });
    const params = { nicId: world.spareNicId, instanceId: world.instanceId };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => failure(sim, "AttachNetworkInterface", params)),
    );
    expect(outcomes.filter((outcome) => outcome.status === 200)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.code === "INVALID_NIC_ATTACHED")).toHaveLength(19);
    sim.control.releaseStalls();
    await sim.control.whenIdle();
    expect(sim.control.getNic(world.spareNicId)).toMatchObject({
      status: "USED",
      instanceId: world.instanceId,
    });
  });

  it("never exceeds the NIC limit when many NICs race for one instance", async () => {
    const { instanceId } = sim.control.addInstance({});
    const nics = Array.from({ length: 10 }, () => sim.control.addNic({}).nicId);
    const outcomes = await Promise.all(
      nics.map((nicId) => failure(sim, "AttachNetworkInterface", { nicId, instanceId })),
    );
    expect(outcomes.filter((outcome) => outcome.status === 200)).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome.code === "INVALID_INSTANCE_NIC_LIMIT")).toHaveLength(7);
    await sim.control.whenIdle();
    expect(sim.control.getInstance(instanceId)?.nics).toHaveLength(4);
  });

  it("keeps attach/detach/delete races consistent", async () => {
    const world = seedBasic(sim);
    const nicId = world.spareNicId;
    const actions = ["AttachNetworkInterface", "DetachNetworkInterface", "DeleteNetworkInterface"];
    sim.control.stallTransitions({ forMs: "forever" }); // no write may complete mid-race on a slow machine
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        failure(sim, actions[i % 3] ?? "", { nicId, instanceId: world.instanceId }),
      ),
    );
    const accepted = outcomes.filter((outcome) => outcome.status === 200).length;
    expect(accepted).toBe(1);
    sim.control.releaseStalls();
    await sim.control.whenIdle();
    const nic = sim.control.getNic(nicId);
    expect([undefined, "USED"]).toContain(nic?.status);
  });
});
