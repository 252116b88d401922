import type { Simulator } from "../../../simulator";
import { startSimulator } from "../../../simulator";
import { seedBasic, startTestSimulator, stopAll } from "./helpers";
import { ok, rawCall } from "./rawClient";

let sim: Simulator;

beforeEach(async () => {
  sim = await startTestSimulator({ requestLogLimit: 3 });
});
afterEach(stopAll);

describe("seeding", () => {
  it("gives an instance a USED primary NIC by default, in the region of its zone", () => {
    const instance = sim.control.addInstance({ instanceName: "web", zoneId: "asia-southeast-2c" });
    expect(instance).toMatchObject({ instanceName: "web", status: "RUNNING", zoneId: "asia-southeast-2c" });
    expect(instance.nics).toHaveLength(1);
    expect(instance.nics[0]).toMatchObject({
      nicType: "Primary",
      status: "USED",
      instanceId: instance.instanceId,
    });
    expect(instance.nics[0]?.regionId).toBe("asia-southeast-2");
    expect(instance.subnetId).toBe(instance.nics[0]?.subnetId);
    expect(sim.control.addInstance({ primaryNic: false }).nics).toEqual([]);
  });

  it("attaches a seeded NIC with an instanceId (USED) and leaves others AVAILABLE", () => {
    const { instanceId } = sim.control.addInstance({});
    expect(sim.control.addNic({ instanceId })).toMatchObject({ status: "USED", instanceId });
    expect(sim.control.addNic({})).toMatchObject({ status: "AVAILABLE", instanceId: null });
  });

  it.each([
    ["a duplicate NIC id", { nics: [{ nicId: "5" }, { nicId: "5" }] }, /duplicate NIC/],
    ["an unknown instance", { nics: [{ instanceId: "404" }] }, /unknown instance/],
    ["USED without an instance", { nics: [{ status: "USED" as const }] }, /needs an instanceId/],
    [
      "a zone outside its region",
      { instances: [{ zoneId: "asia-east-1a", regionId: "europe-west-1" }] },
      /not in region/,
    ],
    [
      "a subnet in two regions",
      { subnets: [{ subnetId: "9" }, { subnetId: "9", regionId: "europe-west-1" }] },
      /already exists/,
    ],
    ["an unknown resource group", { nics: [{ resourceGroupId: "404" }] }, /unknown resource group/],
    ["an unknown security group", { nics: [{ securityGroupId: "404" }] }, /unknown security group/],
    [
      "a tag key given twice",
      {
        instances: [
          {
            tags: [
              { key: "a", value: "1" },
              { key: "a", value: "2" },
            ],
          },
        ],
      },
      /tag key is given twice/,
    ],
    [
      "a resource group renamed",
      { resourceGroups: [{ resourceGroupId: "8", resourceGroupName: "x" }, { resourceGroupId: "8" }] },
      /already named/,
    ],
  ])("rejects %s", (_label, doc, message) => {
    expect(() => sim.control.seed(doc)).toThrow(message);
  });

  it("settles seeded in-flight statuses like writes in flight", async () => {
    const { instanceId } = sim.control.addInstance({ status: "BOOTING" });
    const detaching = sim.control.addNic({ instanceId, status: "DETACHING" });
    await sim.control.whenIdle();
    expect(sim.control.getInstance(instanceId)?.status).toBe("RUNNING");
    expect(sim.control.getNic(detaching.nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
  });

  it("applies options.seed at start", async () => {
    const seeded = await startTestSimulator({ seed: { instances: [{ instanceId: "77" }] } });
    expect(seeded.control.snapshot().instances.map((i) => i.instanceId)).toEqual(["77"]);
  });
});

describe("inspection", () => {
  it("returns deep copies of the true state", () => {
    const { spareNicId } = seedBasic(sim);
    const snapshot = sim.control.snapshot();
    const nic = snapshot.nics.find((candidate) => candidate.nicId === spareNicId);
    if (nic === undefined) throw new Error("seeded NIC missing from the snapshot");
    nic.status = "DELETING";
    nic.privateIpList.push("1.2.3.4");
    expect(sim.control.getNic(spareNicId)).toMatchObject({
      status: "AVAILABLE",
      privateIpList: ["10.0.0.3"],
    });
  });

  it("keeps only the last requestLogLimit entries but counts every request", async () => {
    for (const action of [
      "DescribeInstances",
      "DescribeInstances",
      "Nope",
      "DescribeNetworkInterfaces",
      "DescribeInstances",
    ]) {
      await rawCall(sim, action, {});
    }
    expect(sim.control.requestLog().map((entry) => entry.action)).toEqual([
      "Nope",
      "DescribeNetworkInterfaces",
      "DescribeInstances",
    ]);
    expect(sim.control.requestLog()[0]).toMatchObject({
      status: 403,
      code: "AUTHFAILURE_UNAUTHORIZED_OPERATION",
      body: {},
    });
    expect(sim.control.actionCounts()).toEqual({
      DescribeInstances: 3,
      Nope: 1,
      DescribeNetworkInterfaces: 1,
    });
    sim.control.resetRequestLog();
    expect(sim.control.requestLog()).toEqual([]);
    expect(sim.control.actionCounts()).toEqual({});
  });
});

describe("out-of-band changes", () => {
  it("detaches a NIC at once and cancels its pending transition", async () => {
    const world = seedBasic(sim);
    sim.control.setTransitionDelay(10_000);
    await ok(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId });
    sim.control.outOfBand.detachNic(world.spareNicId);
    await sim.control.whenIdle();
    expect(sim.control.getNic(world.spareNicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
  });

  it("attaches, deletes, stops, starts and sets statuses behind the API's back", () => {
    const world = seedBasic(sim);
    sim.control.outOfBand.attachNic(world.spareNicId, world.instanceId);
    expect(sim.control.getInstance(world.instanceId)?.nics).toHaveLength(2);
    sim.control.outOfBand.deleteNic(world.spareNicId);
    expect(sim.control.getNic(world.spareNicId)).toBeUndefined();
    sim.control.outOfBand.stopInstance(world.instanceId);
    expect(sim.control.getInstance(world.instanceId)?.status).toBe("STOPPED");
    sim.control.outOfBand.startInstance(world.instanceId);
    expect(sim.control.getInstance(world.instanceId)?.status).toBe("RUNNING");
    sim.control.outOfBand.setInstanceStatus(world.instanceId, "RESIZING");
    expect(sim.control.getInstance(world.instanceId)?.status).toBe("RESIZING");
    expect(() => sim.control.outOfBand.setInstanceStatus(world.instanceId, "DANCING")).toThrow(
      /unknown instance status/,
    );
    expect(() => sim.control.outOfBand.deleteNic("404")).toThrow(/unknown NIC/);
  });
});

describe("lifecycle", () => {
  it("stops cleanly with keep-alive sockets, stalled transitions and pending latency", async () => {
    const busy = await startSimulator({
      transitionDelayMs: 60_000,
      faults: { latencyMs: 60_000, actions: ["DescribeInstances"] },
    });
    const world = seedBasic(busy);
    await ok(busy, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId });
    const idle = busy.control.whenIdle();
    const pending = rawCall(busy, "DescribeInstances", {});
    pending.catch(() => undefined);
    await busy.stop();
    await expect(idle).resolves.toBeUndefined();
    await expect(pending).rejects.toThrow();
    await expect(rawCall(busy, "DescribeNetworkInterfaces", {})).rejects.toThrow(/ECONNREFUSED/);
  });
});
