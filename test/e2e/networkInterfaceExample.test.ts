/**
 * End-to-end: examples/network-interface as a user copies it (its Pulumi.yaml, index.ts and
 * tsconfig.json, with the packed package installed), run with the `pulumi` binary: a NIC created in
 * a subnet and attached to an instance found by a lookup, replaced, and destroyed. The NIC's own
 * decisions are proven without the engine in test/integration/provider: a wrong instance id in the
 * lookup (lookups.test.ts), a lost create answer (networkInterfaceFailures.test.ts, readLag.test.ts),
 * a NIC deleted elsewhere and forceDetach (networkInterfaceLifecycle.test.ts).
 */
import * as path from "node:path";
import type { Simulator, WireInstance } from "../../simulator/index";
import { driverEnv, e2eTest } from "./support/e2eWorld";
import type { E2eWorld } from "./support/e2eWorld";
import { describeLanguage } from "./support/languageAvailability";
import { destroy, initStack, setConfig, stackOutputs, up } from "./support/onDiskStack";
import type { OnDiskStack } from "./support/onDiskStack";
import { requestsFor, succeeded } from "./support/simulatorQueries";
import { PINNED_PULUMI_SDK, REPO_ROOT } from "./support/testProject";
import { userProjectWorld } from "./support/userProject";
import { useWorld } from "./support/useWorld";

const CASE_TIMEOUT_MS = 300_000;
const EXAMPLE = path.join(REPO_ROOT, "examples", "network-interface");
const REGION = "asia-east-1";

function nicsIn(sim: Simulator, subnetId: string) {
  return sim.control.snapshot().nics.filter((nic) => nic.subnetId === subnetId);
}

function instanceStatus(sim: Simulator, instanceId: string): string | undefined {
  return sim.control.snapshot().instances.find((instance) => instance.instanceId === instanceId)?.status;
}

/** When the first successful request of `action` about the NIC arrived. */
function firstSuccess(sim: Simulator, action: string, nicId: string): number {
  const [entry] = succeeded(requestsFor(sim, action, nicId));
  if (entry === undefined) throw new Error(`no successful ${action} for NIC ${nicId}`);
  return entry.receivedAtMs;
}

interface ExampleStack {
  readonly stack: OnDiskStack;
  readonly instance: WireInstance;
  readonly subnetIds: readonly string[];
}

/** A stack of the example with its own two subnets and a running instance. */
async function exampleStack(world: E2eWorld, name: string): Promise<ExampleStack> {
  const subnetIds = ["3100000000000011", "3100000000000012"];
  world.sim.control.seed({ subnets: subnetIds.map((subnetId) => ({ subnetId, regionId: REGION })) });
  const instance = world.sim.control.addInstance({ regionId: REGION });
  const stack = await initStack({ cli: world.cli, cwd: world.project.dir, env: driverEnv(world) }, name);
  await setConfig(stack, "instanceId", instance.instanceId);
  await setConfig(stack, "subnetId", subnetIds[0] ?? "");
  return { stack, instance, subnetIds };
}

describeLanguage("nodejs", "examples/network-interface, run with `pulumi` as a user copies it", () => {
  const w = useWorld(userProjectWorld("network-interface", PINNED_PULUMI_SDK, {}, EXAMPLE));

  e2eTest(
    "up creates and attaches a NIC; a new subnet replaces it, the attachment moving first; destroy detaches, then deletes",
    w,
    async () => {
      const { sim } = w();
      const { stack, instance, subnetIds } = await exampleStack(w(), "lifecycle");
      const [firstSubnet = "", secondSubnet = ""] = subnetIds;

      await up(stack);
      const [first] = nicsIn(sim, firstSubnet);
      expect(first).toMatchObject({ name: "app-nic", status: "USED", instanceId: instance.instanceId });
      expect(await stackOutputs(stack)).toMatchObject({
        nicId: first?.nicId,
        primaryIpv4: first?.primaryIpv4,
        attachmentStatus: "USED",
        instanceName: instance.instanceName,
      });

      await setConfig(stack, "subnetId", secondSubnet);
      expect((await up(stack)).stdout).toMatch(/replaced/);
      const [second] = nicsIn(sim, secondSubnet);
      expect(second).toMatchObject({ name: "app-nic", status: "USED", instanceId: instance.instanceId });
      expect(nicsIn(sim, firstSubnet)).toEqual([]);
      const oldId = first?.nicId ?? "";
      const newId = second?.nicId ?? "";
      expect(firstSuccess(sim, "AttachNetworkInterface", newId)).toBeLessThan(
        firstSuccess(sim, "DetachNetworkInterface", oldId),
      );
      expect(firstSuccess(sim, "DetachNetworkInterface", oldId)).toBeLessThan(
        firstSuccess(sim, "DeleteNetworkInterface", oldId),
      );

      await destroy(stack);
      expect(nicsIn(sim, secondSubnet)).toEqual([]);
      expect(firstSuccess(sim, "DetachNetworkInterface", newId)).toBeLessThan(
        firstSuccess(sim, "DeleteNetworkInterface", newId),
      );
      expect(instanceStatus(sim, instance.instanceId)).toBe("RUNNING");
    },
    CASE_TIMEOUT_MS,
  );
});
