/**
 * End-to-end compatibility: the packed package in a project on the NEWEST `@pulumi/pulumi` (which
 * requires Node.js 22), run with Node.js 22 from the npm `node` package, with the pinned CLI.
 * Node 22 comes first on PATH, so the dynamic-provider plugin (which runs `node` from PATH) uses it
 * too. No version-check override is set: the Automation API accepts the older CLI as it is. A
 * user's on-disk program on the same versions is userProjectNode22.test.ts.
 */
import { realpath } from "node:fs/promises";
import type { AttachmentSpec } from "../../scripts/lib/driverRunner";
import { e2eTest, startOperation, succeed } from "./support/e2eWorld";
import { useWorld } from "./support/useWorld";
import { exportedDeployment } from "./support/rawExport";
import { commandLineOf, executableOf, processIdsIn } from "./support/processes";
import { newInstanceAndNic, requestsFor, succeeded } from "./support/simulatorQueries";
import { eventually } from "../support/eventually";
import { attachmentsIn } from "./support/stackState";
import { NEWEST_PULUMI_SDK, node22Binary, NODE_22_PACKAGE, projectDependencies } from "./support/testProject";

const CASE_TIMEOUT_MS = 180_000;

const w = useWorld({
  label: "node22",
  dependencies: projectDependencies(NEWEST_PULUMI_SDK, { node: NODE_22_PACKAGE }),
  nodeBinary: node22Binary,
});

/** The executables of the dynamic-provider plugin processes running for the project right now. */
function pluginExecutables(): string[] {
  return processIdsIn(w().project.dir)
    .filter((pid) => commandLineOf(pid).includes("dynamic-provider"))
    .map((pid) => executableOf(pid) ?? "?");
}

describe(`Node.js 22 with @pulumi/pulumi ${NEWEST_PULUMI_SDK}`, () => {
  e2eTest(
    "up and destroy work, with the driver and the provider plugin on Node 22",
    w,
    async () => {
      const { sim, cli } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "node22";
      const attachments: AttachmentSpec[] = [{ name: "nic", nicId, instanceId }];
      const node22 = await realpath(w().nodeBinary!);
      sim.control.stallTransitions({ nicId, forMs: "forever" });

      const running = startOperation(w(), { op: "up", stackName, attachments });
      // While the attach is held in flight, the plugin process is certainly alive: look at it.
      await eventually(
        () => succeeded(requestsFor(sim, "AttachNetworkInterface", nicId)).length > 0,
        "the attach to be accepted",
        { timeoutMs: 120_000 },
      );
      const executables = pluginExecutables();
      sim.control.releaseStalls();
      const up = await running.result;

      expect(up.ok).toBe(true);
      expect(executables).toEqual([node22]);
      expect(up.runtime).toEqual({ node: expect.stringMatching(/^v22\./), pulumiSdk: NEWEST_PULUMI_SDK });
      expect(cli.version).toBe("3.248.0");
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId });
      expect(up.outputs?.["nic"]).toMatchObject({ id: `${nicId}:${instanceId}`, status: "USED" });

      const [attachment] = attachmentsIn(await exportedDeployment(w(), stackName));
      expect(attachment).toMatchObject({ id: `${nicId}:${instanceId}`, outputs: { status: "USED" } });

      await succeed(w(), { op: "destroy", stackName });
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
      expect(attachmentsIn(await exportedDeployment(w(), stackName))).toHaveLength(0);
    },
    CASE_TIMEOUT_MS,
  );
});
