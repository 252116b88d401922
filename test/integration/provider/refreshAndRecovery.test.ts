import { failureOf, inputs, startHarness, succeeded } from "./support/harness";
import type { Harness } from "./support/harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.sim.stop();
});

describe("read (refresh)", () => {
  it("returns the live outputs and the inputs", async () => {
    const created = await h.provider.create(inputs(h.nicId, h.instanceId, { delete: "15m" }));
    const read = await h.provider.read?.(created.id, created.outs);
    expect(read).toEqual({
      id: created.id,
      props: created.outs,
      inputs: { nicId: h.nicId, instanceId: h.instanceId, timeouts: { delete: "15m" } },
    });
  });

  it("returns no id once the NIC was detached or deleted out of band, so refresh drops it", async () => {
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    h.sim.control.outOfBand.detachNic(h.nicId);
    expect(await h.provider.read?.(created.id, created.outs)).toEqual({});
    h.sim.control.outOfBand.deleteNic(h.nicId);
    expect(await h.provider.read?.(created.id, created.outs)).toEqual({});
  });

  it("drops an attachment whose NIC is now on another instance, which it does not own", async () => {
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    const other = h.sim.control.addInstance({ regionId: "asia-east-1" });
    h.sim.control.outOfBand.detachNic(h.nicId);
    h.sim.control.outOfBand.attachNic(h.nicId, other.instanceId);
    expect(await h.provider.read?.(created.id, created.outs)).toEqual({});
    expect(h.logs.join("\n")).toContain(`is attached to instance ${other.instanceId}, not ${h.instanceId}`);
    // The next `up` creates it again, and fails naming the instance instead of taking the NIC.
    const error = await failureOf(h.provider.create(inputs(h.nicId, h.instanceId)));
    expect(error.message).toContain(
      `attached to instance ${other.instanceId}, not ${h.instanceId}. Detach it there first`,
    );
    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "USED", instanceId: other.instanceId });
  });

  it("owns the instance in its id, not another one that older state recorded", async () => {
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    const other = h.sim.control.addInstance({ regionId: "asia-east-1" });
    h.sim.control.outOfBand.detachNic(h.nicId);
    h.sim.control.outOfBand.attachNic(h.nicId, other.instanceId);
    // Older versions recorded the instance a refresh or a partial create saw the NIC on.
    const older = { ...created.outs!, instanceId: other.instanceId };
    const diff = await h.provider.diff?.(created.id, older, inputs(h.nicId, h.instanceId));
    expect(diff).toEqual({ changes: false });
    expect(await h.provider.read?.(created.id, older)).toEqual({});
    await h.provider.delete!(created.id, older);
    expect(h.sim.control.requestLog().filter((entry) => entry.action === "DetachNetworkInterface")).toEqual(
      [],
    );
    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "USED", instanceId: other.instanceId });
  });

  it("reads the id when old state lacks properties", async () => {
    await h.provider.create(inputs(h.nicId, h.instanceId));
    const read = await h.provider.read?.(`${h.nicId}:${h.instanceId}`);
    expect(read?.props?.status).toBe("USED");
  });
});

describe("a create that outlives its timeout", () => {
  it("stays in state as a partial failure with the provider code, and the next up finishes it", async () => {
    h.sim.control.stallTransitions({ nicId: h.nicId, forMs: "forever" });
    const news = {
      ...inputs(h.nicId, h.instanceId, { create: "250ms" }),
      __provider: "serialized-provider-text",
    };
    const error = await failureOf(h.provider.create(news));
    expect(error["id"]).toBe(`${h.nicId}:${h.instanceId}`);
    expect(error["properties"]).toMatchObject({
      status: "ATTACHING",
      __provider: "serialized-provider-text",
    });
    expect(error["reasons"]).toEqual([error.message]);
    expect(error.message).toMatch(/did not finish within its 250ms timeout \(last status ATTACHING\)/);

    h.sim.control.releaseStalls();
    const olds = error["properties"] as Parameters<NonNullable<typeof h.provider.update>>[1];
    const continued = await h.provider.update?.(
      `${h.nicId}:${h.instanceId}`,
      olds,
      inputs(h.nicId, h.instanceId),
    );
    expect(continued?.outs?.status).toBe("USED");
    expect(succeeded(h.sim, "AttachNetworkInterface")).toBe(1);
  });

  it("fails plainly, recording nothing, when the instance never became ready", async () => {
    h.sim.control.outOfBand.setInstanceStatus(h.instanceId, "BOOTING");
    const error = await failureOf(h.provider.create(inputs(h.nicId, h.instanceId, { create: "200ms" })));
    expect(error["id"]).toBeUndefined();
    expect(error.message).toContain("did not finish within its 200ms timeout (last status instance BOOTING)");
    expect(error.message).toContain("No attach was made.");
    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
  });
});

describe("the older error-code generation", () => {
  it("is understood end to end", async () => {
    h.sim.control.setErrorCodes("legacy");
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    await h.provider.delete?.(created.id, created.outs!);
    expect(h.sim.control.getNic(h.nicId)?.status).toBe("AVAILABLE");
    const error = await failureOf(h.provider.create(inputs(h.nicId, "1777777777777777777")));
    expect(error.message).toContain("instance 1777777777777777777 does not exist");
  });
});
