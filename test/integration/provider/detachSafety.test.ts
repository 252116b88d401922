import {
  answeredWith,
  count,
  failureOf,
  INSTANCE_REFUSAL,
  inputs,
  startHarness,
  succeeded,
} from "./support/harness";
import { eventually } from "../../support/eventually";
import type { Harness } from "./support/harness";
import type { AttachmentOutputs } from "../../../provider/index";

let h: Harness;
let attached: { id: string; outs: AttachmentOutputs };
beforeEach(async () => {
  h = await startHarness();
  const created = await h.provider.create(inputs(h.nicId, h.instanceId));
  attached = { id: created.id, outs: created.outs! };
  h.sim.control.resetRequestLog();
});
afterEach(async () => {
  await h.sim.stop();
});

describe("delete is idempotent", () => {
  it("succeeds without a call when the NIC was deleted out of band", async () => {
    h.sim.control.outOfBand.detachNic(h.nicId);
    h.sim.control.outOfBand.deleteNic(h.nicId);
    await h.provider.delete?.(attached.id, attached.outs);
    expect(count(h.sim, "DetachNetworkInterface")).toBe(0);
    expect(h.logs).toContain(`NIC ${h.nicId} no longer exists: no detach needed`);
  });

  it("succeeds without a call when the NIC is already detached", async () => {
    h.sim.control.outOfBand.detachNic(h.nicId);
    await h.provider.delete?.(attached.id, attached.outs);
    expect(count(h.sim, "DetachNetworkInterface")).toBe(0);
  });

  it("never detaches a NIC now attached to an instance it does not own", async () => {
    const other = h.sim.control.addInstance({ regionId: "asia-east-1" });
    h.sim.control.outOfBand.detachNic(h.nicId);
    h.sim.control.outOfBand.attachNic(h.nicId, other.instanceId);
    await h.provider.delete?.(attached.id, attached.outs);
    expect(count(h.sim, "DetachNetworkInterface")).toBe(0);
    expect(h.sim.control.getNic(h.nicId)?.instanceId).toBe(other.instanceId);
    expect(h.logs.join("\n")).toContain("which this resource does not own, so it is left alone");
  });

  it.each([
    ["the current not-found code", 404, "INVALID_NIC_NOT_FOUND"],
    ["the legacy not-found code", 404, "OPERATION_FAILED_RESOURCE_NOT_FOUND"],
    ["the legacy not-attached code", 403, "OPERATION_DENIED_NIC_NOT_EXIST_INSTANCE"],
  ])("treats %s from Detach as done", async (_label, httpStatus, code) => {
    // The detach runs but its answer is replaced: what a retry sees after a lost response.
    h.sim.control.failNext({ action: "DetachNetworkInterface", count: 1, httpStatus, code, when: "after" });
    await h.provider.delete?.(attached.id, attached.outs);
    expect(count(h.sim, "DetachNetworkInterface")).toBe(1);
    expect(h.logs.join("\n")).toContain(`${code}, nothing left to detach`);
  });
});

describe("delete survives passing trouble", () => {
  it("recovers from a throttling storm and a 5xx burst", async () => {
    h.sim.control.failNext({
      action: "DetachNetworkInterface",
      count: 4,
      httpStatus: 429,
      retryAfterSeconds: 0,
    });
    h.sim.control.failNext({ action: "DescribeNetworkInterfaces", count: 3, httpStatus: 503 });
    await h.provider.delete?.(attached.id, attached.outs);
    expect(h.sim.control.getNic(h.nicId)?.status).toBe("AVAILABLE");
    expect(count(h.sim, "DetachNetworkInterface")).toBe(5);
  });

  it("waits for a rebooting instance before detaching", async () => {
    h.sim.control.outOfBand.setInstanceStatus(h.instanceId, "REBOOT");
    const deleting = h.provider.delete!(attached.id, attached.outs);
    // Zenlayer refuses the detach while the instance reboots; the delete must wait, not fail.
    await eventually(
      () => answeredWith(h.sim, "DetachNetworkInterface", INSTANCE_REFUSAL) > 0,
      "a detach refused by the rebooting instance",
    );
    expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "USED", instanceId: h.instanceId });
    h.sim.control.outOfBand.startInstance(h.instanceId);
    await deleting;
    expect(h.sim.control.getNic(h.nicId)?.status).toBe("AVAILABLE");
    expect(succeeded(h.sim, "DetachNetworkInterface")).toBe(1);
  });

  it("keeps trying past the client's own retries until the operation's timeout", async () => {
    // FAST_CLIENT gives up after 12 attempts; the handler keeps polling within timeouts.delete. Each
    // unanswered detach is sent again only after its grace (five read-consistency windows).
    await h.sim.stop();
    h = await startHarness({}, { readConsistencyMs: 20 });
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    attached = { id: created.id, outs: created.outs! };
    h.sim.control.failNext({ action: "DetachNetworkInterface", count: 15, httpStatus: 503 });
    await h.provider.delete?.(attached.id, attached.outs);
    expect(h.sim.control.getNic(h.nicId)?.status).toBe("AVAILABLE");
    expect(count(h.sim, "DetachNetworkInterface")).toBe(16);
  });

  it("retries short-lived status conflicts", async () => {
    h.sim.control.failNext({
      action: "DetachNetworkInterface",
      count: 2,
      httpStatus: 400,
      code: "INVALID_NIC_STATUS",
    });
    await h.provider.delete?.(attached.id, attached.outs);
    expect(h.sim.control.getNic(h.nicId)?.status).toBe("AVAILABLE");
    expect(count(h.sim, "DetachNetworkInterface")).toBe(3);
  });

  it("counts a stale USED right after the call as pending", async () => {
    h.sim.control.setFaults({ staleReadMs: 150 });
    await h.provider.delete?.(attached.id, attached.outs);
    expect(h.sim.control.getNic(h.nicId)?.status).toBe("AVAILABLE");
    expect(count(h.sim, "DetachNetworkInterface")).toBe(1);
    expect(count(h.sim, "DescribeNetworkInterfaces")).toBeGreaterThan(2);
  });

  it("times out on a stalled detach naming the last status, and a re-run finishes", async () => {
    h.sim.control.stallTransitions({ nicId: h.nicId, forMs: "forever" });
    const shortTimeout = { ...attached.outs, timeouts: { delete: "300ms" } };
    const error = await failureOf(h.provider.delete!(attached.id, shortTimeout));
    expect(error.message).toMatch(
      new RegExp(
        `^detaching NIC ${h.nicId} from instance ${h.instanceId} did not finish within its 300ms timeout \\(last status DETACHING\\)`,
      ),
    );
    h.sim.control.releaseStalls();
    await h.provider.delete?.(attached.id, attached.outs);
    expect(h.sim.control.getNic(h.nicId)?.status).toBe("AVAILABLE");
    expect(count(h.sim, "DetachNetworkInterface")).toBe(1);
  });
});

describe("delete fails at once on permanent conditions", () => {
  it("refuses to attach a primary NIC, and drops an older attachment of one without a detach", async () => {
    const error = await failureOf(h.provider.create(inputs(h.primaryNicId, h.instanceId)));
    expect(error.message).toContain(`NIC ${h.primaryNicId} is the primary NIC of instance ${h.instanceId}`);
    expect(error.message).toMatch(/No attach was made\.$/);
    expect(error["id"]).toBeUndefined();
    // State an older version wrote when it adopted the primary NIC at create.
    const adopted = { ...attached.outs, nicId: h.primaryNicId, nicType: "Primary" };
    await h.provider.delete!(`${h.primaryNicId}:${h.instanceId}`, adopted);
    expect(count(h.sim, "DetachNetworkInterface")).toBe(0);
    expect(h.logs.join("\n")).toContain(
      `nic ${h.primaryNicId} is the primary NIC of instance ${h.instanceId}`,
    );
    expect(h.sim.control.getNic(h.primaryNicId)).toMatchObject({ status: "USED", instanceId: h.instanceId });
  });

  it("names a load balancer backend", async () => {
    h.sim.control.outOfBand.associateLoadBalancer(h.nicId);
    const error = await failureOf(h.provider.delete!(attached.id, attached.outs));
    expect(error.message).toMatch(
      /INVALID_NIC_LB_ASSOCIATED \(request id T[0-9A-F-]{36}\): .*load balancer backend/,
    );
    expect(h.sim.control.getNic(h.nicId)?.status).toBe("USED");
  });

  it("names a stopped instance and the way out, then works once it runs", async () => {
    h.sim.control.outOfBand.stopInstance(h.instanceId);
    const error = await failureOf(h.provider.delete!(attached.id, attached.outs));
    expect(error.message).toContain(`cannot detach NIC ${h.nicId} from instance ${h.instanceId}`);
    expect(error.message).toContain("is STOPPED");
    expect(error.message).toContain("deletedWith");
    h.sim.control.outOfBand.startInstance(h.instanceId);
    await h.provider.delete?.(attached.id, attached.outs);
    expect(h.sim.control.getNic(h.nicId)?.status).toBe("AVAILABLE");
  });
});
