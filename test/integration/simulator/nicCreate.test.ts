import type { Simulator } from "../../../simulator";
import { describeNic, seedBasic, startTestSimulator, stopAll } from "./helpers";
import { failure, ok } from "./rawClient";

let sim: Simulator;
let world: ReturnType<typeof seedBasic>;

beforeEach(async () => {
  sim = await startTestSimulator();
  world = seedBasic(sim);
});
afterEach(stopAll);

describe("CreateNetworkInterface", () => {
  it("returns a nicId at once; the NIC settles AVAILABLE in the subnet's region and VPC", async () => {
    const nicId = (await ok(sim, "CreateNetworkInterface", { name: "eth1", subnetId: world.subnetId }))[
      "nicId"
    ] as string;
    await sim.control.whenIdle();
    const created = await describeNic(sim, nicId);
    const spare = sim.control.getNic(world.spareNicId);
    expect(created).toMatchObject({
      name: "eth1",
      status: "AVAILABLE",
      nicType: "Secondary",
      instanceId: null,
    });
    expect(created).toMatchObject({ regionId: "asia-east-1", vpcId: spare?.vpcId, subnetId: world.subnetId });
    expect(created?.createTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("shows PENDING while the creation is in flight", async () => {
    sim.control.stallTransitions({ forMs: "forever" });
    const nicId = (await ok(sim, "CreateNetworkInterface", { name: "eth2", subnetId: world.subnetId }))[
      "nicId"
    ] as string;
    expect((await describeNic(sim, nicId))?.status).toBe("PENDING");
    sim.control.releaseStalls();
    await sim.control.whenIdle();
    expect((await describeNic(sim, nicId))?.status).toBe("AVAILABLE");
  });

  it.each([
    [{ subnetId: "1" }, "MISSING_PARAMETER"],
    [{ name: "eth1" }, "MISSING_PARAMETER"],
    [{ name: "a", subnetId: "1" }, "INVALID_PARAMETER_LESS_LENGTH"],
    [{ name: "a".repeat(64), subnetId: "1" }, "INVALID_PARAMETER_EXCEED_LENGTH"],
    [{ name: "-leading-dash", subnetId: "1" }, "INVALID_PARAMETER_PATTERN_ERROR"],
    [{ name: "has space", subnetId: "1" }, "INVALID_PARAMETER_PATTERN_ERROR"],
  ])("validates %j with %s", async (params, code) => {
    expect(await failure(sim, "CreateNetworkInterface", params)).toEqual({ status: 400, code });
  });

  it("accepts the documented name alphabet and 63 characters", async () => {
    await ok(sim, "CreateNetworkInterface", { name: "a_b-c.d9", subnetId: world.subnetId });
    await ok(sim, "CreateNetworkInterface", { name: "a".repeat(63), subnetId: world.subnetId });
    await sim.control.whenIdle();
  });

  it("answers an unknown subnet with INVALID_SUBNET_NOT_FOUND", async () => {
    expect(await failure(sim, "CreateNetworkInterface", { name: "eth1", subnetId: "777" })).toEqual({
      status: 404,
      code: "INVALID_SUBNET_NOT_FOUND",
    });
  });
});
