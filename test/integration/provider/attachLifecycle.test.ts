/**
 * The attachment end to end against the simulator, over HTTP: create, refresh and delete, and the
 * older error-code generation. Each step's decisions (every NIC status, every answer, every lag
 * case) are in the unit tier's decision tables (`test/unit/provider/*Decisions.test.ts`).
 */
import { count, failureOf, inputs, startHarness } from "./support/harness";
import type { Harness } from "./support/harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.sim.stop();
});

describe("the attachment against the simulator", () => {
  it("attaches, waits for USED, refreshes, then detaches and waits for AVAILABLE", async () => {
    const created = await h.provider.create(inputs(h.nicId, h.instanceId, { delete: "15m" }));
    expect(created.id).toBe(`${h.nicId}:${h.instanceId}`);
    expect(created.outs).toMatchObject({
      nicId: h.nicId,
      instanceId: h.instanceId,
      status: "USED",
      nicType: "Secondary",
    });
    expect(created.outs?.macAddress).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "USED", instanceId: h.instanceId });

    const read = await h.provider.read?.(created.id, created.outs);
    expect(read).toEqual({
      id: created.id,
      props: created.outs,
      inputs: { nicId: h.nicId, instanceId: h.instanceId, timeouts: { delete: "15m" } },
    });

    await h.provider.delete?.(created.id, created.outs!);
    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
    expect(count(h.sim, "AttachNetworkInterface")).toBe(1);
    expect(count(h.sim, "DetachNetworkInterface")).toBe(1);
  });

  it("understands the older error-code generation end to end", async () => {
    h.sim.control.setErrorCodes("legacy");
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    await h.provider.delete?.(created.id, created.outs!);
    expect(h.sim.control.getNic(h.nicId)?.status).toBe("AVAILABLE");
    const error = await failureOf(h.provider.create(inputs(h.nicId, "1777777777777777777")));
    expect(error.message).toContain("instance 1777777777777777777 does not exist");
  });
});
