/**
 * End-to-end: a partial failure and its recovery through the real engine. An attach that outlives
 * `timeouts.create` must stay in the stack with the provider reference in its outputs (without it
 * no later operation could load the handlers), and the next `up` must finish it. The handlers' own
 * recoveries (throttling, 5xx bursts, a stalled detach and its re-run) are proven without the engine
 * in test/integration/provider/detachSafety.test.ts and refreshAndRecovery.test.ts.
 */
import type { AttachmentSpec } from "../../scripts/lib/driverRunner";
import { e2eTest, runOperation, succeed } from "./support/e2eWorld";
import { useWorld } from "./support/useWorld";
import { exportedDeployment } from "./support/rawExport";
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

describe("a partial failure the engine and the provider recover from", () => {
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
