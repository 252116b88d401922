/**
 * The checks every language's copy of the example program passes (examples/yaml, typescript-native,
 * python, go: a NIC named `app-nic`, its attachment to the instance a lookup found, and the outputs
 * `instanceStatus` and `primaryIpv4`), so each language's test states only how its program is run.
 */
import type { PluginStack } from "./pluginStack";
import { SUBNET, writesTo } from "./pluginStack";

/**
 * Adds a running instance to the stack's simulator and sets the program's `subnetId` and
 * `instanceId` config; `quoted` writes the ids as JSON strings, as YAML programs need them (see
 * examples/yaml/README.md). Returns the instance's id.
 */
export async function configureExample(stack: PluginStack, quoted = false): Promise<string> {
  const instanceId = stack.sim.control.addInstance({ regionId: "asia-east-1" }).instanceId;
  const value = (id: string) => (quoted ? `"${id}"` : id);
  await stack.mustRun(["config", "set", "subnetId", value(SUBNET)]);
  await stack.mustRun(["config", "set", "instanceId", value(instanceId)]);
  return instanceId;
}

/** The simulator's view of the program's NIC. */
function appNic(stack: PluginStack) {
  return stack.sim.control.snapshot().nics.find((candidate) => candidate.name === "app-nic");
}

/**
 * `pulumi up` (with `extraArgs`), then: the lookup found the running instance, and the NIC is
 * attached to it with the IP the stack exports. Returns the stack's outputs.
 */
export async function upAndExpectAttached(
  stack: PluginStack,
  instanceId: string,
  extraArgs: readonly string[] = [],
): Promise<Record<string, string>> {
  await stack.mustRun(["up", "--yes", ...extraArgs]);
  const outputs = JSON.parse((await stack.mustRun(["stack", "output", "--json"])).output) as Record<
    string,
    string
  >;
  expect(outputs["instanceStatus"]).toBe("RUNNING");
  expect(appNic(stack)).toMatchObject({ status: "USED", instanceId, primaryIpv4: outputs["primaryIpv4"] });
  expect(outputs["primaryIpv4"]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  return outputs;
}

/** `pulumi refresh` (failing on any change when `strictRefresh`), then a preview that finds nothing to change. */
export async function expectNothingToChange(stack: PluginStack, strictRefresh = false): Promise<void> {
  await stack.mustRun(["refresh", "--yes", ...(strictRefresh ? ["--expect-no-changes"] : [])]);
  await stack.mustRun(["preview", "--expect-no-changes"]);
}

/** `pulumi destroy`, then: the NIC was attached once, detached, and only then deleted. */
export async function destroyAndExpectDetachBeforeDelete(stack: PluginStack): Promise<void> {
  const nicId = appNic(stack)?.nicId ?? "";
  await stack.mustRun(["destroy", "--yes"]);
  expect(writesTo(stack.sim, nicId).filter((write) => write.endsWith(" 200"))).toEqual([
    "AttachNetworkInterface 200",
    "DetachNetworkInterface 200",
    "DeleteNetworkInterface 200",
  ]);
  expect(stack.sim.control.getNic(nicId)).toBeUndefined();
}
