import type * as dynamic from "@pulumi/pulumi/dynamic";
import { createNetworkInterfaceProvider } from "../../../../provider/index";
import type { NetworkInterfaceInputs, NetworkInterfaceOutputs } from "../../../../provider/index";
import { resolveClientConfig, ZecClient } from "../../../../sdk/index";
import { startSimulator } from "../../../../simulator/index";
import type { Simulator, SimulatorOptions } from "../../../../simulator/index";
import { FAST_CLIENT } from "./harness";

export const REGION = "asia-east-1";
export const SUBNET = "3000000000000000001";
export const GROUP = "5000000000000000001";
export const OTHER_GROUP = "5000000000000000002";
export const TEAM = "6000000000000000001";

/** A simulator with a subnet, two security groups and a resource group, and a NIC provider on it. */
export interface NicHarness {
  readonly sim: Simulator;
  readonly provider: dynamic.ResourceProvider<NetworkInterfaceInputs, NetworkInterfaceOutputs>;
  readonly logs: string[];
  /** A RUNNING instance in the subnet's region. */
  readonly instanceId: string;
}

export async function startNicHarness(options: SimulatorOptions = {}): Promise<NicHarness> {
  const sim = await startSimulator({
    transitionDelayMs: 40,
    seed: {
      resourceGroups: [{ resourceGroupId: TEAM, resourceGroupName: "team-a" }],
      securityGroups: [{ securityGroupId: GROUP }, { securityGroupId: OTHER_GROUP }],
      subnets: [{ subnetId: SUBNET, regionId: REGION }],
    },
    ...options,
  });
  const logs: string[] = [];
  const provider = createNetworkInterfaceProvider({
    clientSettings: { ...FAST_CLIENT, domain: sim.domain },
    env: {},
    polling: { intervalMs: 20 },
    readConsistencyMs: 50,
    log: (line) => logs.push(line),
  });
  const instance = sim.control.addInstance({ regionId: REGION });
  return { sim, provider, logs, instanceId: instance.instanceId };
}

/** Inputs as the engine passes them after `check` (the resource class adds `creationKey`). */
export function nicInputs(overrides: Partial<NetworkInterfaceInputs> = {}): NetworkInterfaceInputs {
  return { name: "eth1", subnetId: SUBNET, creationKey: "project/stack/eth1", ...overrides };
}

/** A plain client on the simulator, for changes "made elsewhere" (by hand, by another tool). */
export function simulatorClient(sim: Simulator): ZecClient {
  return new ZecClient(resolveClientConfig({ explicit: { ...FAST_CLIENT, domain: sim.domain }, env: {} }));
}
