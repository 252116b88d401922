import type * as dynamic from "@pulumi/pulumi/dynamic";
import { createNetworkInterfaceAttachmentProvider } from "../../../provider/index";
import type { AttachmentInputs, AttachmentOutputs } from "../../../provider/index";
import { startSimulator } from "../../../simulator/index";
import type { AccessKeyPair, Simulator } from "../../../simulator/index";
import { seedCloud, simulatorOptions } from "../cloud";
import type { RunPlan } from "../plan";
import type { ResourceSpec } from "../trace";

/** One HTTP attempt's limit for the provider's client; short, so lost answers cost little time. */
export const REQUEST_TIMEOUT_MS = 2000;

export type AttachmentProvider = dynamic.ResourceProvider<AttachmentInputs, AttachmentOutputs>;

/** A handler run's simulator, the provider pointed at it, and the program's resources. */
export interface World extends ReturnType<typeof seedCloud> {
  readonly sim: Simulator;
  readonly provider: AttachmentProvider;
  readonly logs: string[];
  readonly accessKey: AccessKeyPair;
}

/**
 * Starts the simulator (with a key pair of the run's own, so a leaked password can be recognised
 * in any text) and the provider, with client settings scaled down the way the provider tests
 * scale them: a short request timeout, quick jittered retries, and a rate far above what the
 * simulator allows, so throttling comes from the simulator's faults, not from runs sharing a process.
 */
export async function startWorld(plan: RunPlan): Promise<World> {
  const accessKey = {
    accessKeyId: `CHAOS0KEY0${plan.seed}`,
    accessKeyPassword: `chaos-secret-${plan.seed}-Zx7qPw3`,
  };
  const sim = await startSimulator({ ...simulatorOptions(plan), accessKeys: [accessKey] });
  const logs: string[] = [];
  const provider = createNetworkInterfaceAttachmentProvider({
    clientSettings: {
      ...accessKey,
      domain: sim.domain,
      scheme: "HTTP",
      maxRequestsPerSecond: 5000,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      retry: { maxAttempts: 8, baseDelayMs: 10, maxDelayMs: 250, deadlineMs: 20_000 },
    },
    env: {},
    polling: { intervalMs: 20 },
    log: (line) => logs.push(line),
  });
  return { sim, provider, logs, accessKey, ...seedCloud(sim, plan) };
}

/** The inputs the program gives a resource, as the engine passes them after `check`. */
export function programInputs(spec: ResourceSpec): AttachmentInputs {
  const timeouts = { create: `${spec.createTimeoutMs}ms`, delete: `${spec.deleteTimeoutMs}ms` };
  return { nicId: spec.nicId, instanceId: spec.instanceId, timeouts };
}
