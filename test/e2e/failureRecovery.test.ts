/**
 * End-to-end: `pulumi destroy` through throttling and 5xx bursts, and a detach that stalls past
 * its timeout, with the installed package driven by the real engine against the simulator.
 */
import type { AttachmentSpec } from "./support/driverRunner";
import { e2eTest, runOperation, succeed } from "./support/e2eWorld";
import { exportedDeployment, useWorld } from "./support/useWorld";
import { newInstanceAndNic, requestsFor, succeeded } from "./support/simulatorQueries";
import { attachmentsIn, providerTextIn } from "./support/stackState";

const CASE_TIMEOUT_MS = 180_000;

const w = useWorld({ label: "recovery" });

afterEach(() => {
  w().sim.control.setFaults({});
  w().sim.control.releaseStalls();
});

async function exportedAttachments(stackName: string) {
  return attachmentsIn(await exportedDeployment(w(), stackName));
}

function injected(entries: ReturnType<typeof requestsFor>, status: number) {
  return entries.filter((entry) => entry.fault === "fail-next" && entry.status === status);
}

describe("failures the engine and the provider recover from", () => {
  e2eTest(
    "destroy rides out 429 throttling, 5xx bursts and a rate limit",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "destroy-throttled";
      await succeed(w(), { op: "up", stackName, attachments: [{ name: "nic", nicId, instanceId }] });
      sim.control.resetRequestLog();
      sim.control.failNext({ action: "DetachNetworkInterface", count: 2, httpStatus: 429 });
      sim.control.failNext({ action: "DetachNetworkInterface", count: 2, httpStatus: 503 });
      sim.control.failNext({ action: "DescribeNetworkInterfaces", count: 3, httpStatus: 503 });
      sim.control.setFaults({ rateLimitRps: 5, errorRate: 0.1 });

      await succeed(w(), { op: "destroy", stackName });

      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
      expect(await exportedAttachments(stackName)).toHaveLength(0);
      const detaches = requestsFor(sim, "DetachNetworkInterface", nicId);
      expect(injected(detaches, 429)).toHaveLength(2);
      expect(injected(detaches, 503)).toHaveLength(2);
      expect(succeeded(detaches)).toHaveLength(1);
      const describes = sim.control
        .requestLog()
        .filter((entry) => entry.action === "DescribeNetworkInterfaces");
      expect(injected(describes, 503)).toHaveLength(3);
      // The instance is never read: a detach refused for the instance's sake would say so itself.
      const instanceReads = sim.control.requestLog().filter((entry) => entry.action === "DescribeInstances");
      expect(instanceReads).toHaveLength(0);
    },
    CASE_TIMEOUT_MS,
  );

  e2eTest(
    "a detach stalled past timeouts.delete fails and keeps the resource; after the stall ends, destroy finishes",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "destroy-stalled";
      const attachments: AttachmentSpec[] = [{ name: "nic", nicId, instanceId, timeouts: { delete: "3s" } }];
      await succeed(w(), { op: "up", stackName, attachments });
      sim.control.stallTransitions({ nicId, forMs: "forever" });

      const stalled = await runOperation(w(), { op: "destroy", stackName });

      expect(stalled.ok).toBe(false);
      expect(stalled.error).toContain(`detaching NIC ${nicId} from instance ${instanceId} did not finish`);
      expect(stalled.error).toContain("within its 3s timeout (last status DETACHING");
      expect(stalled.error).toContain("The attachment stays in the stack");
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "DETACHING", instanceId });
      const kept = await exportedAttachments(stackName);
      expect(kept.map((resource) => resource.id)).toEqual([`${nicId}:${instanceId}`]);

      sim.control.releaseStalls();
      await succeed(w(), { op: "destroy", stackName });

      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
      expect(await exportedAttachments(stackName)).toHaveLength(0);
      expect(succeeded(requestsFor(sim, "DetachNetworkInterface", nicId))).toHaveLength(1);
    },
    CASE_TIMEOUT_MS,
  );

  e2eTest(
    "an attach stalled past timeouts.create is kept as a partial failure; the next up finishes it",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "create-stalled";
      const attachments: AttachmentSpec[] = [{ name: "nic", nicId, instanceId, timeouts: { create: "3s" } }];
      sim.control.stallTransitions({ nicId, forMs: "forever" });

      const stalled = await runOperation(w(), { op: "up", stackName, attachments });

      expect(stalled.ok).toBe(false);
      expect(stalled.error).toContain(`attaching NIC ${nicId} to instance ${instanceId} did not finish`);
      const [partial, ...others] = await exportedAttachments(stackName);
      expect(others).toHaveLength(0);
      expect(partial).toMatchObject({ id: `${nicId}:${instanceId}`, outputs: { status: "ATTACHING" } });
      // Without the provider reference in the stored outputs, no later operation could load the handlers.
      expect(providerTextIn(partial?.outputs)).toContain("pulumi-zenlayer/provider");

      sim.control.releaseStalls();
      const up = await succeed(w(), { op: "up", stackName, attachments });

      expect(up.changes).toMatchObject({ update: 1 });
      expect(up.outputs?.["nic"]).toMatchObject({ status: "USED" });
      expect(succeeded(requestsFor(sim, "AttachNetworkInterface", nicId))).toHaveLength(1);
      await succeed(w(), { op: "destroy", stackName });
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
    },
    CASE_TIMEOUT_MS,
  );
});
