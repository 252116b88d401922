/**
 * End-to-end: `pulumi up` killed (SIGKILL, CLI and plugin) while the attach is in flight, and what
 * a user does next. Observed engine behaviour with the pinned CLI and a file backend:
 * 1. the killed CLI leaves its stack lock, so the next `up` fails until `pulumi cancel`;
 * 2. the next `up` warns about the pending CREATE, runs `create` again (which adopts the attach in
 *    flight: no second AttachNetworkInterface) and records the attachment, but keeps the pending
 *    operation in state;
 * 3. `pulumi refresh --clear-pending-creates` clears it.
 */
import type { AttachmentSpec } from "../../scripts/lib/driverRunner";
import { e2eTest, runOperation, startOperation, succeed } from "./support/e2eWorld";
import { useWorld } from "./support/useWorld";
import { exportedDeployment } from "./support/rawExport";
import { commandLineOf, killHard, killProcessesIn, processIdsIn } from "./support/processes";
import { newInstanceAndNic, requestsFor, succeeded } from "./support/simulatorQueries";
import { eventually } from "../support/eventually";
import { ATTACHMENT_TYPE, attachmentsIn, pendingOperationsIn } from "./support/stackState";

const CASE_TIMEOUT_MS = 180_000;

const w = useWorld({ label: "interrupted" });

/** Starts `up`, waits until the simulator has accepted the attach, then kills every process of the run. */
async function killUpDuringAttach(stackName: string, attachments: AttachmentSpec[], nicId: string) {
  const { sim, project } = w();
  const running = startOperation(w(), { op: "up", stackName, attachments }, { detached: true });
  await eventually(
    () => succeeded(requestsFor(sim, "AttachNetworkInterface", nicId)).length > 0,
    "the attach to be accepted",
    { timeoutMs: 120_000 },
  );
  killHard(-running.child.pid!);
  // The CLI starts the provider plugin in a process group of its own, so it outlives the group
  // kill and would finish the attach in the background; a dead machine would not.
  const survivors = processIdsIn(project.dir).map((pid) => `${pid} ${commandLineOf(pid)}`);
  killProcessesIn(project.dir);
  process.stderr.write(
    `[e2e] left running after the group kill (now killed): ${JSON.stringify(survivors)}\n`,
  );
  return running.result;
}

describe("an interrupted up", () => {
  e2eTest(
    "converges after cancel + up, and refresh --clear-pending-creates clears the pending create",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "interrupted-up";
      const attachments: AttachmentSpec[] = [{ name: "nic", nicId, instanceId }];
      sim.control.stallTransitions({ nicId, forMs: "forever" });

      const killed = await killUpDuringAttach(stackName, attachments, nicId);

      expect(killed.ok).toBe(false);
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "ATTACHING", instanceId });
      const locked = await runOperation(w(), { op: "up", stackName, attachments });
      expect(locked.ok).toBe(false);
      expect(locked.error).toContain("the stack is currently locked");
      await succeed(w(), { op: "cancel", stackName });
      sim.control.resetRequestLog();

      const rerun = startOperation(w(), { op: "up", stackName, attachments });
      // Let the new run see the attach still in flight, then let it complete.
      await eventually(
        () => (sim.control.actionCounts()["DescribeNetworkInterfaces"] ?? 0) > 0,
        "the new up to look at the NIC",
        { timeoutMs: 120_000 },
      );
      sim.control.releaseStalls();
      const up = await rerun.result;

      expect(up.ok).toBe(true);
      expect(up.output).toContain("Attempting to deploy or update resources with 1 pending operations");
      // The re-run may send its attach (the answer says whether a read would have found it in
      // flight), but Zenlayer must not have run a second one.
      const attaches = sim.control.requestLog().filter((entry) => entry.action === "AttachNetworkInterface");
      expect(attaches.filter((entry) => entry.status === 200 || entry.effect?.applied === true)).toEqual([]);
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId });
      const afterUp = await exportedDeployment(w(), stackName);
      expect(attachmentsIn(afterUp).map((resource) => resource.id)).toEqual([`${nicId}:${instanceId}`]);
      expect(pendingOperationsIn(afterUp)).toEqual([["creating", expect.stringContaining(ATTACHMENT_TYPE)]]);

      await succeed(w(), { op: "refresh", stackName, attachments, clearPendingCreates: true });

      const afterRefresh = await exportedDeployment(w(), stackName);
      expect(pendingOperationsIn(afterRefresh)).toEqual([]);
      expect(attachmentsIn(afterRefresh).map((resource) => resource.id)).toEqual([`${nicId}:${instanceId}`]);
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId });
      await succeed(w(), { op: "destroy", stackName });
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
    },
    CASE_TIMEOUT_MS,
  );
});
