import type { Simulator } from "../../../simulator";
import { observeInFlight, seedBasic, startTestSimulator, stopAll } from "./helpers";
import { failure, ok } from "./rawClient";

let sim: Simulator;
let world: ReturnType<typeof seedBasic>;

beforeEach(async () => {
  sim = await startTestSimulator({ nicLimitPerInstance: 3 });
  world = seedBasic(sim);
});
afterEach(stopAll);

const attach = (nicId: string, instanceId = world.instanceId) =>
  ok(sim, "AttachNetworkInterface", { nicId, instanceId });
const detach = (nicId: string) => ok(sim, "DetachNetworkInterface", { nicId });

describe("AttachNetworkInterface", () => {
  it("goes AVAILABLE → ATTACHING (instanceId already set) → USED", async () => {
    const { during, after } = await observeInFlight(sim, world.spareNicId, () => attach(world.spareNicId));
    expect(during).toMatchObject({ status: "ATTACHING", instanceId: world.instanceId });
    expect(after).toMatchObject({ status: "USED", instanceId: world.instanceId });
    const instance = (await ok(sim, "DescribeInstances", { instanceIds: [world.instanceId] }))["dataSet"] as {
      nics: { nicId: string }[];
    }[];
    expect(instance[0]?.nics.map((nic) => nic.nicId)).toEqual([world.primaryNicId, world.spareNicId]);
  });

  it("completes by itself after the transition delay", async () => {
    await attach(world.spareNicId);
    await sim.control.whenIdle();
    expect(sim.control.getNic(world.spareNicId)?.status).toBe("USED");
  });

  it("refuses unknown NICs and instances", async () => {
    const unknownNic = await failure(sim, "AttachNetworkInterface", {
      nicId: "404",
      instanceId: world.instanceId,
    });
    expect(unknownNic).toEqual({ status: 404, code: "INVALID_NIC_NOT_FOUND" });
    const unknownInstance = await failure(sim, "AttachNetworkInterface", {
      nicId: world.spareNicId,
      instanceId: "404",
    });
    expect(unknownInstance).toEqual({ status: 404, code: "INVALID_INSTANCE_NOT_FOUND" });
  });

  it("answers INVALID_NIC_ATTACHED while ATTACHING and once USED", async () => {
    sim.control.stallTransitions({ forMs: "forever" });
    await attach(world.spareNicId);
    const params = { nicId: world.spareNicId, instanceId: world.instanceId };
    expect(await failure(sim, "AttachNetworkInterface", params)).toEqual({
      status: 400,
      code: "INVALID_NIC_ATTACHED",
    });
    sim.control.releaseStalls();
    await sim.control.whenIdle();
    expect(await failure(sim, "AttachNetworkInterface", params)).toEqual({
      status: 400,
      code: "INVALID_NIC_ATTACHED",
    });
  });

  it("answers INVALID_NIC_STATUS for a NIC that is not AVAILABLE", async () => {
    sim.control.stallTransitions({ forMs: "forever" });
    const pending = sim.control.addNic({ status: "PENDING" });
    expect(
      await failure(sim, "AttachNetworkInterface", { nicId: pending.nicId, instanceId: world.instanceId }),
    ).toEqual({
      status: 400,
      code: "INVALID_NIC_STATUS",
    });
    sim.control.releaseStalls();
  });

  it("answers OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT for a stopped instance", async () => {
    sim.control.outOfBand.stopInstance(world.instanceId);
    expect(
      await failure(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId }),
    ).toEqual({
      status: 400,
      code: "OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT",
    });
  });

  it("answers INVALID_NIC_INSTANCE_REGION_MISMATCH across regions", async () => {
    const remote = sim.control.addInstance({ zoneId: "europe-west-1b" });
    expect(remote.zoneId).toBe("europe-west-1b");
    expect(
      await failure(sim, "AttachNetworkInterface", {
        nicId: world.spareNicId,
        instanceId: remote.instanceId,
      }),
    ).toEqual({
      status: 409,
      code: "INVALID_NIC_INSTANCE_REGION_MISMATCH",
    });
  });

  it("answers INVALID_INSTANCE_NIC_LIMIT beyond the per-instance limit (primary included)", async () => {
    const second = sim.control.addNic({});
    const third = sim.control.addNic({});
    await attach(world.spareNicId);
    await attach(second.nicId);
    expect(
      await failure(sim, "AttachNetworkInterface", { nicId: third.nicId, instanceId: world.instanceId }),
    ).toEqual({
      status: 400,
      code: "INVALID_INSTANCE_NIC_LIMIT",
    });
    await sim.control.whenIdle();
  });
});

describe("DetachNetworkInterface", () => {
  beforeEach(async () => {
    await attach(world.spareNicId);
    await sim.control.whenIdle();
  });

  it("goes USED → DETACHING (instanceId kept) → AVAILABLE with instanceId null", async () => {
    const { during, after } = await observeInFlight(sim, world.spareNicId, () => detach(world.spareNicId));
    expect(during).toMatchObject({ status: "DETACHING", instanceId: world.instanceId });
    expect(after).toMatchObject({ status: "AVAILABLE", instanceId: null });
  });

  it("answers INVALID_NIC_NOT_FOUND for an unknown NIC", async () => {
    expect(await failure(sim, "DetachNetworkInterface", { nicId: "404" })).toEqual({
      status: 404,
      code: "INVALID_NIC_NOT_FOUND",
    });
  });

  it("answers INVALID_NIC_PRIMARY_CANT_DETACH for the primary NIC", async () => {
    expect(await failure(sim, "DetachNetworkInterface", { nicId: world.primaryNicId })).toEqual({
      status: 409,
      code: "INVALID_NIC_PRIMARY_CANT_DETACH",
    });
  });

  it("answers INVALID_NIC_STATUS while DETACHING and once detached", async () => {
    sim.control.stallTransitions({ forMs: "forever" });
    await detach(world.spareNicId);
    const invalid = { status: 400, code: "INVALID_NIC_STATUS" };
    expect(await failure(sim, "DetachNetworkInterface", { nicId: world.spareNicId })).toEqual(invalid);
    sim.control.releaseStalls();
    await sim.control.whenIdle();
    expect(await failure(sim, "DetachNetworkInterface", { nicId: world.spareNicId })).toEqual(invalid);
  });

  it("answers OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT when the instance is not RUNNING", async () => {
    sim.control.outOfBand.setInstanceStatus(world.instanceId, "REBOOT");
    expect(await failure(sim, "DetachNetworkInterface", { nicId: world.spareNicId })).toEqual({
      status: 400,
      code: "OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT",
    });
  });

  it("answers INVALID_NIC_LB_ASSOCIATED while the NIC backs a load balancer", async () => {
    sim.control.outOfBand.associateLoadBalancer(world.spareNicId);
    expect(await failure(sim, "DetachNetworkInterface", { nicId: world.spareNicId })).toEqual({
      status: 409,
      code: "INVALID_NIC_LB_ASSOCIATED",
    });
    sim.control.outOfBand.associateLoadBalancer(world.spareNicId, false);
    await detach(world.spareNicId);
    await sim.control.whenIdle();
  });
});

describe("DeleteNetworkInterface", () => {
  it("goes AVAILABLE → DELETING → gone (an empty dataSet), then not found", async () => {
    const { during, after } = await observeInFlight(sim, world.spareNicId, () =>
      ok(sim, "DeleteNetworkInterface", { nicId: world.spareNicId }),
    );
    expect(during?.status).toBe("DELETING");
    expect(after).toBeUndefined();
    expect(await failure(sim, "DeleteNetworkInterface", { nicId: world.spareNicId })).toEqual({
      status: 404,
      code: "INVALID_NIC_NOT_FOUND",
    });
  });

  it("refuses attached, primary, and in-flight NICs", async () => {
    await attach(world.spareNicId);
    expect(await failure(sim, "DeleteNetworkInterface", { nicId: world.spareNicId })).toEqual({
      status: 400,
      code: "INVALID_NIC_ATTACHED",
    });
    expect(await failure(sim, "DeleteNetworkInterface", { nicId: world.primaryNicId })).toEqual({
      status: 409,
      code: "INVALID_NIC_PRIMARY_CANT_DELETE",
    });
    sim.control.stallTransitions({ forMs: "forever" });
    const pending = (await ok(sim, "CreateNetworkInterface", { name: "pending", subnetId: world.subnetId }))[
      "nicId"
    ];
    expect(await failure(sim, "DeleteNetworkInterface", { nicId: pending })).toEqual({
      status: 400,
      code: "INVALID_NIC_STATUS",
    });
    sim.control.releaseStalls();
    await sim.control.whenIdle();
  });

  it("deletes a CREATE_FAILED NIC", async () => {
    const failed = sim.control.addNic({ status: "CREATE_FAILED" });
    await ok(sim, "DeleteNetworkInterface", { nicId: failed.nicId });
    await sim.control.whenIdle();
    expect(sim.control.getNic(failed.nicId)).toBeUndefined();
  });
});
