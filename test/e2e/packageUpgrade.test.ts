/**
 * End-to-end: upgrading `pulumi-zenlayer` changes the delete logic of stacks created by the older
 * release, without an `up` in between. The state stores only a small reference that loads the
 * handlers from the installed package (unlike a plain dynamic provider, whose code is frozen).
 */
import * as path from "node:path";
import { e2eTest, succeed } from "./support/e2eWorld";
import { useWorld } from "./support/useWorld";
import { exportedDeployment } from "./support/rawExport";
import { newInstanceAndNic, requestsFor, succeeded } from "./support/simulatorQueries";
import { attachmentsIn, providerTextIn } from "./support/stackState";
import { installedVersion, installIntoProject } from "./support/testProject";
import { buildUpgradedPackage, nextPatchVersion } from "./support/upgradedPackage";

const CASE_TIMEOUT_MS = 180_000;
const MARKER = "E2E-UPGRADED-DELETE-LOGIC for nic ";

const w = useWorld({ label: "upgrade" });

async function storedProviderText(stackName: string): Promise<string | undefined> {
  const [attachment] = attachmentsIn(await exportedDeployment(w(), stackName));
  return providerTextIn(attachment?.outputs);
}

describe("package upgrade", () => {
  e2eTest(
    "destroy after installing a newer release runs the newer delete logic, with no up in between",
    w,
    async () => {
      const { sim, project, tarball, root } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "upgrade-delete";
      await succeed(w(), { op: "up", stackName, attachments: [{ name: "nic", nicId, instanceId }] });
      const originalVersion = await installedVersion(project, "pulumi-zenlayer");
      const storedBefore = await storedProviderText(stackName);

      const upgraded = await buildUpgradedPackage(tarball, path.join(root, "upgrade"), MARKER);
      await installIntoProject(project, upgraded.tarball);

      expect(upgraded.version).toBe(nextPatchVersion(originalVersion));
      expect(await installedVersion(project, "pulumi-zenlayer")).toBe(upgraded.version);
      expect(await storedProviderText(stackName)).toBe(storedBefore);
      expect(storedBefore).not.toContain(MARKER);

      const destroy = await succeed(w(), { op: "destroy", stackName });

      expect(destroy.output).toContain(`${MARKER}${nicId}`);
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
      expect(succeeded(requestsFor(sim, "DetachNetworkInterface", nicId))).toHaveLength(1);
      expect(attachmentsIn(await exportedDeployment(w(), stackName))).toHaveLength(0);
    },
    CASE_TIMEOUT_MS,
  );
});
