import { ok, rawCall } from "./rawClient";
import { seedBasic, startTestSimulator, stopAll } from "./helpers";

afterEach(stopAll);

/** The request log records what executed NIC writes did, whatever answer the client received. */
describe("request log write effects", () => {
  it("records an applied attach with the NIC as it was before", async () => {
    const sim = await startTestSimulator();
    const world = seedBasic(sim);
    const before = Date.now();
    await ok(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId });
    const [entry] = sim.control.requestLog();
    expect(entry?.effect).toEqual({
      nicId: world.spareNicId,
      instanceIdBefore: null,
      statusBefore: "AVAILABLE",
      targetInstanceId: world.instanceId,
      applied: true,
      atMs: expect.any(Number),
    });
    expect(entry?.effect?.atMs).toBeGreaterThanOrEqual(before);
    expect(entry?.receivedAtMs).toBeGreaterThanOrEqual(before);
    expect(entry?.effect?.atMs).toBeGreaterThanOrEqual(entry?.receivedAtMs ?? Infinity);
    await sim.control.whenIdle();
  });

  it("records a refused detach as executed but not applied", async () => {
    const sim = await startTestSimulator();
    const world = seedBasic(sim);
    const refused = await rawCall(sim, "DetachNetworkInterface", { nicId: world.spareNicId });
    expect(refused.status).toBe(400);
    expect(sim.control.requestLog()[0]?.effect).toMatchObject({
      nicId: world.spareNicId,
      instanceIdBefore: null,
      statusBefore: "AVAILABLE",
      applied: false,
    });
  });

  it("records writes whose answer was lost or replaced, and nothing for writes that never ran", async () => {
    const sim = await startTestSimulator();
    const world = seedBasic(sim);
    sim.control.failNext({ action: "AttachNetworkInterface", count: 1, httpStatus: 503 });
    sim.control.failNext({ action: "AttachNetworkInterface", count: 1, httpStatus: 500, when: "after" });
    const params = { nicId: world.spareNicId, instanceId: world.instanceId };
    expect((await rawCall(sim, "AttachNetworkInterface", params)).status).toBe(503);
    expect((await rawCall(sim, "AttachNetworkInterface", params)).status).toBe(500);
    await sim.control.whenIdle();
    sim.control.setFaults({ lostResponseRate: 1, actions: ["DetachNetworkInterface"] });
    await expect(rawCall(sim, "DetachNetworkInterface", { nicId: world.spareNicId })).rejects.toThrow();
    const log = sim.control.requestLog();
    expect(log.map((entry) => [entry.fault, entry.effect?.applied])).toEqual([
      ["fail-next", undefined],
      ["fail-next-after", true],
      ["lost-response", true],
    ]);
    expect(log[2]?.effect).toMatchObject({ instanceIdBefore: world.instanceId, statusBefore: "USED" });
    expect(JSON.stringify(log)).not.toMatch(/simulator-secret-password|Signature=|Credential=/);
    await sim.control.whenIdle();
  });

  it("leaves reads without an effect", async () => {
    const sim = await startTestSimulator();
    const world = seedBasic(sim);
    await ok(sim, "DescribeNetworkInterfaces", { nicIds: [world.spareNicId] });
    expect(sim.control.requestLog()[0]?.effect).toBeUndefined();
  });
});

/** Reads of NICs by id record what their answer said, stale or not: what the client acted on. */
describe("request log read answers", () => {
  it("records where each named NIC was shown, leaving out NICs the answer lacked", async () => {
    const sim = await startTestSimulator();
    const world = seedBasic(sim);
    const missing = "2000000000000000099";
    await ok(sim, "DescribeNetworkInterfaces", { nicIds: [world.primaryNicId, world.spareNicId, missing] });
    await ok(sim, "DescribeNetworkInterfaces", { vpcId: "no-such-vpc" });
    const [byId, byFilter] = sim.control.requestLog();
    expect(byId?.seen).toEqual({ [world.primaryNicId]: world.instanceId, [world.spareNicId]: null });
    expect(byFilter?.seen).toBeUndefined();
  });

  it("records the stale answer a client got, not the truth", async () => {
    const sim = await startTestSimulator();
    const world = seedBasic(sim);
    sim.control.setFaults({ staleReadMs: 60_000 });
    await ok(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId });
    await sim.control.whenIdle();
    await ok(sim, "DescribeNetworkInterfaces", { nicIds: [world.spareNicId] });
    expect(sim.control.getNic(world.spareNicId)?.instanceId).toBe(world.instanceId);
    expect(sim.control.requestLog()[1]?.seen).toEqual({ [world.spareNicId]: null });
  });

  it("records nothing for an answer the client never got", async () => {
    const sim = await startTestSimulator();
    const world = seedBasic(sim);
    sim.control.setFaults({ lostResponseRate: 1, actions: ["DescribeNetworkInterfaces"] });
    await expect(rawCall(sim, "DescribeNetworkInterfaces", { nicIds: [world.spareNicId] })).rejects.toThrow();
    expect(sim.control.requestLog()[0]).toMatchObject({ fault: "lost-response" });
    expect(sim.control.requestLog()[0]?.seen).toBeUndefined();
  });
});
