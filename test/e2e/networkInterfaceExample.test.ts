/**
 * End-to-end: examples/network-interface as a user copies it (its Pulumi.yaml, index.ts and
 * tsconfig.json, with the packed package installed), run with the `pulumi` binary: a NIC created in
 * a subnet and attached to an instance found by a lookup. Each case has its own stack, subnets and
 * instance on the world's simulator.
 */
import * as path from "node:path";
import type { Simulator, WireInstance } from "../../simulator/index";
import { driverEnv, e2eTest } from "./support/e2eWorld";
import type { E2eWorld } from "./support/e2eWorld";
import { describeOnDisk } from "./support/onDiskAvailability";
import { attempt, destroy, initStack, refresh, setConfig, stackOutputs, up } from "./support/onDiskStack";
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

/** Writes that name one of the subnets or the instance: what a case's program sent. */
function requestsAbout(sim: Simulator, subnetIds: readonly string[], instanceId: string) {
  return sim.control.requestLog().filter((entry) => {
    const body = (entry.body ?? {}) as { subnetId?: unknown; instanceId?: unknown };
    const named = subnetIds.includes(String(body.subnetId)) || body.instanceId === instanceId;
    return named && !(entry.action ?? "").startsWith("Describe");
  });
}

interface ExampleStack {
  readonly stack: OnDiskStack;
  readonly instance: WireInstance;
  readonly subnetIds: readonly string[];
}

/** A stack of the example with its own subnets (`310000000000000<case><n>`) and a running instance. */
async function exampleStack(world: E2eWorld, name: string, caseNumber: number): Promise<ExampleStack> {
  const subnetIds = [1, 2].map((n) => `31000000000000${String(caseNumber)}${String(n)}`);
  world.sim.control.seed({ subnets: subnetIds.map((subnetId) => ({ subnetId, regionId: REGION })) });
  const instance = world.sim.control.addInstance({ regionId: REGION });
  const stack = await initStack({ cli: world.cli, cwd: world.project.dir, env: driverEnv(world) }, name);
  await setConfig(stack, "instanceId", instance.instanceId);
  await setConfig(stack, "subnetId", subnetIds[0] ?? "");
  return { stack, instance, subnetIds };
}

describeOnDisk("examples/network-interface, run with `pulumi` as a user copies it", () => {
  const w = useWorld(userProjectWorld("network-interface", PINNED_PULUMI_SDK, {}, EXAMPLE));

  e2eTest(
    "up creates and attaches a NIC; a new subnet replaces it, the attachment moving first; destroy detaches, then deletes",
    w,
    async () => {
      const { sim } = w();
      const { stack, instance, subnetIds } = await exampleStack(w(), "lifecycle", 1);
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

  e2eTest(
    "preview runs the instance lookup: a wrong instance id fails it, naming the id, before anything is created",
    w,
    async () => {
      const { sim } = w();
      const { stack, instance, subnetIds } = await exampleStack(w(), "lookups", 2);
      await setConfig(stack, "instanceId", "1234567890123");
      const wrong = await attempt(stack, "preview");
      expect(wrong.ok).toBe(false);
      expect(wrong.stdout + wrong.stderr).toMatch(
        /getInstance: no instance 1234567890123 in this account \(request id/,
      );

      await setConfig(stack, "instanceId", instance.instanceId);
      const right = await attempt(stack, "preview");
      expect(right.ok).toBe(true);
      expect(right.stdout).toContain(instance.instanceName);
      expect(requestsAbout(sim, subnetIds, instance.instanceId).map((entry) => entry.action)).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );

  e2eTest(
    "an answer lost after the create ran leaves exactly one NIC, the one in the stack",
    w,
    async () => {
      const { sim } = w();
      const { stack, subnetIds } = await exampleStack(w(), "lost-create", 3);
      const subnetId = subnetIds[0] ?? "";
      sim.control.failNext({
        action: "CreateNetworkInterface",
        count: 1,
        httpStatus: 500,
        kind: "reset",
        when: "after",
      });

      await up(stack);
      const nics = nicsIn(sim, subnetId);
      expect(nics).toHaveLength(1);
      expect(nics[0]?.status).toBe("USED");
      expect((await stackOutputs(stack))["nicId"]).toBe(nics[0]?.nicId);
      const creates = requestsAbout(sim, [subnetId], "").filter(
        (entry) => entry.action === "CreateNetworkInterface",
      );
      expect(creates.map((entry) => entry.status)).toEqual([0]);

      await destroy(stack);
      expect(nicsIn(sim, subnetId)).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );

  e2eTest(
    "refresh after the NIC was deleted elsewhere drops both resources, and the next up makes them again",
    w,
    async () => {
      const { sim } = w();
      const { stack, instance, subnetIds } = await exampleStack(w(), "deleted-elsewhere", 4);
      const subnetId = subnetIds[0] ?? "";
      await up(stack);
      const [first] = nicsIn(sim, subnetId);
      sim.control.outOfBand.deleteNic(first?.nicId ?? "");

      const refreshed = await refresh(stack);
      expect(refreshed.stdout).toMatch(/2 deleted/);
      await up(stack);
      const [second] = nicsIn(sim, subnetId);
      expect(second?.nicId).not.toBe(first?.nicId);
      expect(second).toMatchObject({ status: "USED", instanceId: instance.instanceId });

      await destroy(stack);
      expect(nicsIn(sim, subnetId)).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );

  e2eTest(
    "a NIC moved to an instance outside the stack is not deleted, until forceDetach says so",
    w,
    async () => {
      const { sim } = w();
      const { stack, instance, subnetIds } = await exampleStack(w(), "force-detach", 5);
      const subnetId = subnetIds[0] ?? "";
      await up(stack);
      const nicId = nicsIn(sim, subnetId)[0]?.nicId ?? "";
      const elsewhere = sim.control.addInstance({ regionId: REGION });
      sim.control.outOfBand.detachNic(nicId);
      sim.control.outOfBand.attachNic(nicId, elsewhere.instanceId);

      const refused = await attempt(stack, "destroy");
      expect(refused.ok).toBe(false);
      expect(refused.stdout + refused.stderr).toContain(`instance ${elsewhere.instanceId}`);
      expect(refused.stdout + refused.stderr).toContain("forceDetach");
      expect(nicsIn(sim, subnetId)[0]).toMatchObject({ status: "USED", instanceId: elsewhere.instanceId });

      // As the message advises: record forceDetach on the NIC alone (the attachment cannot be made
      // again while the NIC is elsewhere), then destroy.
      expect(refused.stdout + refused.stderr).toContain("--target");
      await setConfig(stack, "forceDetach", "true");
      const urn = `urn:pulumi:${stack.name}::zenlayer-network-interface::pulumi-nodejs:dynamic/zec:NetworkInterface::app-nic`;
      const recorded = await attempt(stack, "up", ["--target", urn]);
      expect(recorded.stdout + recorded.stderr).toMatch(/1 updated/);
      expect(recorded.ok).toBe(true);
      await destroy(stack);
      expect(nicsIn(sim, subnetId)).toEqual([]);
      expect(instanceStatus(sim, elsewhere.instanceId)).toBe("RUNNING");
      expect(instanceStatus(sim, instance.instanceId)).toBe("RUNNING");
    },
    CASE_TIMEOUT_MS,
  );
});
