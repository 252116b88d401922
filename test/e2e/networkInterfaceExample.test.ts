/**
 * End-to-end: examples/network-interface as a user copies it (its Pulumi.yaml, index.ts and
 * tsconfig.json, with the packed package installed), run with the `pulumi` binary. `up` creates a
 * NIC in a subnet and attaches it; a new subnet replaces the NIC, the attachment following it to
 * the new one before the old is detached and deleted; `destroy` detaches and deletes. The program's
 * instance lookup runs in preview and in up.
 */
import * as path from "node:path";
import type { Simulator } from "../../simulator/index";
import { driverEnv, e2eTest } from "./support/e2eWorld";
import { describeOnDisk } from "./support/onDiskAvailability";
import { destroy, initStack, setConfig, stackOutputs, up } from "./support/onDiskStack";
import { requestsFor, succeeded } from "./support/simulatorQueries";
import { PINNED_PULUMI_SDK, REPO_ROOT } from "./support/testProject";
import { userProjectWorld } from "./support/userProject";
import { useWorld } from "./support/useWorld";

const CASE_TIMEOUT_MS = 300_000;
const EXAMPLE = path.join(REPO_ROOT, "examples", "network-interface");
const REGION = "asia-east-1";
const FIRST_SUBNET = "3100000000000000001";
const SECOND_SUBNET = "3100000000000000002";

function nicsIn(sim: Simulator, subnetId: string) {
  return sim.control.snapshot().nics.filter((nic) => nic.subnetId === subnetId);
}

/** When the first successful request of `action` about the NIC arrived. */
function firstSuccess(sim: Simulator, action: string, nicId: string): number {
  const [entry] = succeeded(requestsFor(sim, action, nicId));
  if (entry === undefined) throw new Error(`no successful ${action} for NIC ${nicId}`);
  return entry.receivedAtMs;
}

describeOnDisk("examples/network-interface, run with `pulumi` as a user copies it", () => {
  const w = useWorld(userProjectWorld("network-interface", PINNED_PULUMI_SDK, {}, EXAMPLE));

  e2eTest(
    "up creates and attaches a NIC; a new subnet replaces it, the attachment moving first; destroy detaches and deletes",
    w,
    async () => {
      const { sim, cli, project } = w();
      sim.control.seed({
        subnets: [
          { subnetId: FIRST_SUBNET, regionId: REGION },
          { subnetId: SECOND_SUBNET, regionId: REGION },
        ],
      });
      const instance = sim.control.addInstance({ regionId: REGION });
      const stack = await initStack({ cli, cwd: project.dir, env: driverEnv(w()) }, "dev");
      await setConfig(stack, "instanceId", instance.instanceId);
      await setConfig(stack, "subnetId", FIRST_SUBNET);

      await up(stack);
      const [first] = nicsIn(sim, FIRST_SUBNET);
      expect(first).toMatchObject({ name: "app-nic", status: "USED", instanceId: instance.instanceId });
      expect(await stackOutputs(stack)).toMatchObject({
        nicId: first?.nicId,
        primaryIpv4: first?.primaryIpv4,
        attachmentStatus: "USED",
        instanceName: instance.instanceName,
      });

      await setConfig(stack, "subnetId", SECOND_SUBNET);
      const replaced = await up(stack);
      expect(replaced.stdout).toMatch(/replaced/);
      const [second] = nicsIn(sim, SECOND_SUBNET);
      expect(second).toMatchObject({ name: "app-nic", status: "USED", instanceId: instance.instanceId });
      expect(nicsIn(sim, FIRST_SUBNET)).toEqual([]);
      const oldId = first?.nicId ?? "";
      const newId = second?.nicId ?? "";
      expect(firstSuccess(sim, "AttachNetworkInterface", newId)).toBeLessThan(
        firstSuccess(sim, "DetachNetworkInterface", oldId),
      );
      expect(firstSuccess(sim, "DetachNetworkInterface", oldId)).toBeLessThan(
        firstSuccess(sim, "DeleteNetworkInterface", oldId),
      );

      await destroy(stack);
      expect(nicsIn(sim, SECOND_SUBNET)).toEqual([]);
      expect(sim.control.snapshot().instances.find((i) => i.instanceId === instance.instanceId)?.status).toBe(
        "RUNNING",
      );
    },
    CASE_TIMEOUT_MS,
  );
});
