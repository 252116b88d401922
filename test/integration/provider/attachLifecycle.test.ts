import {
  answeredWith,
  count,
  failureOf,
  INSTANCE_REFUSAL,
  inputs,
  startHarness,
  succeeded,
} from "./support/harness";
import type { Harness } from "./support/harness";
import { eventually } from "../../support/eventually";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.sim.stop();
});

describe("create and delete against the simulator", () => {
  it("attaches, waits for USED, then detaches and waits for AVAILABLE", async () => {
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    expect(created.id).toBe(`${h.nicId}:${h.instanceId}`);
    expect(created.outs).toMatchObject({
      nicId: h.nicId,
      instanceId: h.instanceId,
      status: "USED",
      nicType: "Secondary",
    });
    expect(created.outs?.macAddress).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "USED", instanceId: h.instanceId });

    await h.provider.delete?.(created.id, created.outs!);
    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
    expect(count(h.sim, "AttachNetworkInterface")).toBe(1);
    expect(count(h.sim, "DetachNetworkInterface")).toBe(1);
  });

  it("keeps attaching through throttling that outlasts the client's own retries", async () => {
    h.sim.control.failNext({
      action: "AttachNetworkInterface",
      count: 14,
      httpStatus: 429,
      retryAfterSeconds: 0,
    });
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    expect(created.outs?.status).toBe("USED");
    expect(count(h.sim, "AttachNetworkInterface")).toBe(15);
  });

  it("adopts a NIC already attached to the instance: Zenlayer refuses the attach, nothing runs twice", async () => {
    h.sim.control.outOfBand.attachNic(h.nicId, h.instanceId);
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    expect(created.outs?.status).toBe("USED");
    expect(answeredWith(h.sim, "AttachNetworkInterface", "INVALID_NIC_ATTACHED")).toBe(1);
    expect(succeeded(h.sim, "AttachNetworkInterface")).toBe(0);
  });

  it("adopts an attach still in flight from an interrupted run", async () => {
    const nic = h.sim.control.addNic({ instanceId: h.instanceId, status: "ATTACHING" });
    const created = await h.provider.create(inputs(nic.nicId, h.instanceId));
    expect(created.outs?.status).toBe("USED");
    expect(succeeded(h.sim, "AttachNetworkInterface")).toBe(0);
  });

  it("refuses a NIC attached to another instance, naming both", async () => {
    const other = h.sim.control.addInstance({ regionId: "asia-east-1" });
    h.sim.control.outOfBand.attachNic(h.nicId, other.instanceId);
    const error = await failureOf(h.provider.create(inputs(h.nicId, h.instanceId)));
    expect(error.message).toContain(
      `NIC ${h.nicId} is attached to instance ${other.instanceId}, not ${h.instanceId}`,
    );
    expect(error["id"]).toBeUndefined();
    expect(answeredWith(h.sim, "AttachNetworkInterface", "INVALID_NIC_ATTACHED")).toBe(1);
    expect(h.sim.control.getNic(h.nicId)?.instanceId).toBe(other.instanceId);
  });

  it("waits for a booting instance, then attaches", async () => {
    h.sim.control.outOfBand.setInstanceStatus(h.instanceId, "BOOTING");
    const creating = h.provider.create(inputs(h.nicId, h.instanceId));
    await eventually(
      () => answeredWith(h.sim, "AttachNetworkInterface", INSTANCE_REFUSAL) > 0,
      "an attach refused by the BOOTING instance",
    );
    h.sim.control.outOfBand.startInstance(h.instanceId);
    const created = await creating;
    expect(created.outs?.status).toBe("USED");
    expect(succeeded(h.sim, "AttachNetworkInterface")).toBe(1);
    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "USED", instanceId: h.instanceId });
  });

  it("fails at once on a stopped instance, with what to do", async () => {
    h.sim.control.outOfBand.stopInstance(h.instanceId);
    const error = await failureOf(h.provider.create(inputs(h.nicId, h.instanceId)));
    expect(error.message).toMatch(
      new RegExp(
        `^cannot attach NIC ${h.nicId} to instance ${h.instanceId}: instance ${h.instanceId} is STOPPED; ` +
          "start the instance, then run `pulumi up` again \\(Zenlayer answered " +
          "OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT, request id T[0-9A-F-]{36}\\)\\. No attach was made\\.$",
      ),
    );
    expect(error.cause).toMatchObject({
      code: "OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT",
      action: "AttachNetworkInterface",
    });
    expect(error["id"]).toBeUndefined();
    // The refused attach itself says the instance is not running; no read of it is spent first.
    expect(count(h.sim, "AttachNetworkInterface")).toBe(1);
    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
  });

  it("fails clearly for a missing NIC or instance", async () => {
    expect(
      (await failureOf(h.provider.create(inputs("1999999999999999999", h.instanceId)))).message,
    ).toContain("NIC 1999999999999999999 does not exist");
    expect((await failureOf(h.provider.create(inputs(h.nicId, "1888888888888888888")))).message).toContain(
      "instance 1888888888888888888 does not exist",
    );
  });

  it("reports region mismatch and the NIC limit with the Zenlayer code and request id", async () => {
    const far = h.sim.control.addNic({ regionId: "na-west-1" });
    const mismatch = await failureOf(h.provider.create(inputs(far.nicId, h.instanceId)));
    expect(mismatch.message).toMatch(
      /INVALID_NIC_INSTANCE_REGION_MISMATCH \(request id T[0-9A-F-]{36}\): .*same region/,
    );

    const full = await startHarness({ nicLimitPerInstance: 1 });
    try {
      const limit = await failureOf(full.provider.create(inputs(full.nicId, full.instanceId)));
      expect(limit.message).toMatch(
        /INVALID_INSTANCE_NIC_LIMIT \(request id T[0-9A-F-]{36}\): .*detach another NIC/,
      );
    } finally {
      await full.sim.stop();
    }
  });

  it("changes only timeouts in place, without any API call, keeping every output", async () => {
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    h.sim.control.resetRequestLog();
    const updated = await h.provider.update?.(
      created.id,
      created.outs!,
      inputs(h.nicId, h.instanceId, { delete: "20m" }),
    );
    expect(updated?.outs).toEqual({ ...created.outs, timeouts: { delete: "20m" } });
    expect(h.sim.control.actionCounts()).toEqual({});
  });
});
