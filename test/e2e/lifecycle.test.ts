/**
 * End-to-end: the installed package driven by the real Pulumi engine (CLI + Automation API)
 * against the simulator: up, preview with unknowns, replacement order, removal, refresh.
 */
import type { AttachmentSpec } from "./support/driverRunner";
import { e2eTest, succeed } from "./support/e2eWorld";
import { exportedDeployment, useWorld } from "./support/useWorld";
import { newInstanceAndNic, requestsFor, succeeded } from "./support/simulatorQueries";
import { attachmentsIn } from "./support/stackState";

const CASE_TIMEOUT_MS = 120_000;

const w = useWorld({ label: "lifecycle" });

describe("NetworkInterfaceAttachment through the Pulumi engine", () => {
  e2eTest(
    "up attaches the NIC and records <nicId>:<instanceId> with status USED",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "up-attaches";
      const attachments: AttachmentSpec[] = [{ name: "nic", nicId, instanceId }];

      const up = await succeed(w(), { op: "up", stackName, attachments });

      expect(sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId });
      expect(up.outputs?.["nic"]).toEqual({
        id: `${nicId}:${instanceId}`,
        nicId,
        instanceId,
        status: "USED",
      });
      const [attachment, ...others] = attachmentsIn(await exportedDeployment(w(), stackName));
      expect(others).toHaveLength(0);
      expect(attachment).toMatchObject({ id: `${nicId}:${instanceId}`, outputs: { status: "USED" } });
      expect(succeeded(requestsFor(sim, "AttachNetworkInterface", nicId))).toHaveLength(1);
      await succeed(w(), { op: "destroy", stackName });
    },
    CASE_TIMEOUT_MS,
  );

  e2eTest(
    "after refresh, preview shows no changes; changing only timeouts updates in place with no API writes",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "no-spurious-diffs";
      await succeed(w(), { op: "up", stackName, attachments: [{ name: "nic", nicId, instanceId }] });
      sim.control.resetRequestLog();

      const refresh = await succeed(w(), {
        op: "refresh",
        stackName,
        attachments: [{ name: "nic", nicId, instanceId }],
      });
      const preview = await succeed(w(), {
        op: "preview",
        stackName,
        attachments: [{ name: "nic", nicId, instanceId }],
      });
      const slower: AttachmentSpec = { name: "nic", nicId, instanceId, timeouts: { delete: "20m" } };
      const up = await succeed(w(), { op: "up", stackName, attachments: [slower] });

      expect(refresh.changes).toEqual({ same: 2 });
      expect(preview.changes).toEqual({ same: 2 });
      expect(up.changes).toEqual({ same: 1, update: 1 });
      const writes = sim.control.requestLog().filter((entry) => !entry.action?.startsWith("Describe"));
      expect(writes).toEqual([]);
      const [attachment] = attachmentsIn(await exportedDeployment(w(), stackName));
      expect(attachment?.outputs).toMatchObject({ status: "USED", timeouts: { delete: "20m" } });
      await succeed(w(), { op: "destroy", stackName });
    },
    CASE_TIMEOUT_MS,
  );

  e2eTest(
    "preview with an unknown nicId plans a create and never calls Attach",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "preview-unknown";
      sim.control.resetRequestLog();

      const preview = await succeed(w(), {
        op: "preview",
        stackName,
        attachments: [{ name: "nic", nicId, instanceId, nicIdFromOutput: true }],
      });

      // The stack, the resource whose output feeds nicId, and the attachment.
      expect(preview.changes).toEqual({ create: 3 });
      expect(preview.output).toMatch(
        /\+\s+pulumi-nodejs:dynamic\/zec:NetworkInterfaceAttachment\s+nic\s+create/,
      );
      expect(sim.control.actionCounts()["AttachNetworkInterface"] ?? 0).toBe(0);
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
      expect(attachmentsIn(await exportedDeployment(w(), stackName))).toHaveLength(0);
    },
    CASE_TIMEOUT_MS,
  );

  e2eTest(
    "changing instanceId replaces the attachment, detaching before attaching to the new instance",
    w,
    async () => {
      const { sim } = w();
      const { instanceId: first, nicId } = newInstanceAndNic(sim);
      const second = sim.control.addInstance({ regionId: "asia-east-1" }).instanceId;
      const stackName = "replace-instance";
      await succeed(w(), { op: "up", stackName, attachments: [{ name: "nic", nicId, instanceId: first }] });
      sim.control.resetRequestLog();

      const up = await succeed(w(), {
        op: "up",
        stackName,
        attachments: [{ name: "nic", nicId, instanceId: second }],
      });

      expect(up.changes).toMatchObject({ replace: 1 });
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId: second });
      const log = sim.control.requestLog();
      const body = (index: number) => log[index]!.body as { nicId?: string; instanceId?: string };
      const detach = log.findIndex(
        (entry, i) =>
          entry.action === "DetachNetworkInterface" && entry.status === 200 && body(i).nicId === nicId,
      );
      const attach = log.findIndex(
        (entry, i) =>
          entry.action === "AttachNetworkInterface" && entry.status === 200 && body(i).instanceId === second,
      );
      expect(detach).toBeGreaterThanOrEqual(0);
      expect(attach).toBeGreaterThan(detach);
      const attachments = attachmentsIn(await exportedDeployment(w(), stackName));
      expect(attachments.map((resource) => resource.id)).toEqual([`${nicId}:${second}`]);
      await succeed(w(), { op: "destroy", stackName });
    },
    CASE_TIMEOUT_MS,
  );

  e2eTest(
    "removing the resource from the program detaches the NIC",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "remove-resource";
      await succeed(w(), { op: "up", stackName, attachments: [{ name: "nic", nicId, instanceId }] });

      const up = await succeed(w(), { op: "up", stackName, attachments: [] });

      expect(up.changes).toMatchObject({ delete: 1 });
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
      expect(succeeded(requestsFor(sim, "DetachNetworkInterface", nicId))).toHaveLength(1);
      expect(attachmentsIn(await exportedDeployment(w(), stackName))).toHaveLength(0);
    },
    CASE_TIMEOUT_MS,
  );

  e2eTest(
    "refresh after an out-of-band detach drops the attachment; the next up attaches again",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "refresh-drift";
      const attachments: AttachmentSpec[] = [{ name: "nic", nicId, instanceId }];
      await succeed(w(), { op: "up", stackName, attachments });
      sim.control.outOfBand.detachNic(nicId);

      const refresh = await succeed(w(), { op: "refresh", stackName, attachments });

      expect(refresh.changes).toMatchObject({ delete: 1 });
      expect(attachmentsIn(await exportedDeployment(w(), stackName))).toHaveLength(0);
      expect(requestsFor(sim, "DetachNetworkInterface", nicId)).toHaveLength(0);
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });

      await succeed(w(), { op: "up", stackName, attachments });
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId });
      expect(attachmentsIn(await exportedDeployment(w(), stackName))).toHaveLength(1);
      await succeed(w(), { op: "destroy", stackName });
    },
    CASE_TIMEOUT_MS,
  );
});
