import type * as dynamic from "@pulumi/pulumi/dynamic";
import { createNetworkInterfaceAttachmentProvider } from "../../provider/index";
import type { AttachmentInputs, AttachmentOutputs } from "../../provider/index";
import { startSimulator } from "../../simulator/index";
import type { AccessKeyPair, Simulator } from "../../simulator/index";
import type { RunPlan } from "./plan";
import { REQUEST_TIMEOUT_MS } from "./plan";
import type { ResourceSpec } from "./trace";

const REGION = "asia-east-1";
/** Well above 20 NICs on one instance: the NIC limit is not what these runs are about. */
const NIC_LIMIT = 64;
/** Large enough that no run's request log wraps (a run sends a few thousand requests). */
const REQUEST_LOG_LIMIT = 1_000_000;

export type AttachmentProvider = dynamic.ResourceProvider<AttachmentInputs, AttachmentOutputs>;

/** A run's simulator, the provider pointed at it, and the program's resources. */
export interface World {
  readonly sim: Simulator;
  readonly provider: AttachmentProvider;
  readonly logs: string[];
  readonly specs: readonly ResourceSpec[];
  /** The instances the resources attach to. */
  readonly instanceIds: readonly string[];
  /** An instance no resource targets, a destination for out-of-band moves. */
  readonly foreignInstanceId: string;
  readonly accessKey: AccessKeyPair;
}

/** A key pair of the run's own, so a leaked password can be recognised in any text. */
function accessKeyFor(seed: number): AccessKeyPair {
  return { accessKeyId: `CHAOS0KEY0${seed}`, accessKeyPassword: `chaos-secret-${seed}-Zx7qPw3` };
}

/**
 * Client settings scaled down from the defaults the way the provider tests scale them: a short
 * request timeout, quick jittered retries, and a process-wide rate far above what the simulator
 * allows, so throttling comes from the simulator's faults and not from runs sharing a process.
 */
function providerFor(sim: Simulator, accessKey: AccessKeyPair, logs: string[]): AttachmentProvider {
  return createNetworkInterfaceAttachmentProvider({
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
}

/** Starts the simulator for `plan` and seeds instances and one secondary NIC per attachment. */
export async function startWorld(plan: RunPlan): Promise<World> {
  const accessKey = accessKeyFor(plan.seed);
  const sim = await startSimulator({
    randomSeed: plan.seed,
    accessKeys: [accessKey],
    transitionDelayMs: plan.transitionDelayMs,
    nicLimitPerInstance: NIC_LIMIT,
    requestLogLimit: REQUEST_LOG_LIMIT,
    faults: plan.faults,
  });
  const instanceIds = Array.from(
    { length: plan.instanceCount },
    () => sim.control.addInstance({ regionId: REGION }).instanceId,
  );
  const foreignInstanceId = sim.control.addInstance({ regionId: REGION }).instanceId;
  const specs = plan.timeouts.map((timeouts, i): ResourceSpec => {
    const nic = sim.control.addNic({ regionId: REGION });
    return {
      name: `r${i}`,
      nicId: nic.nicId,
      instanceId: instanceIds[i % instanceIds.length] ?? "",
      createTimeoutMs: timeouts.createMs,
      deleteTimeoutMs: timeouts.deleteMs,
    };
  });
  const logs: string[] = [];
  const provider = providerFor(sim, accessKey, logs);
  return { sim, provider, logs, specs, instanceIds, foreignInstanceId, accessKey };
}

/** The inputs the program gives a resource, as the engine passes them after `check`. */
export function programInputs(spec: ResourceSpec): AttachmentInputs {
  return {
    nicId: spec.nicId,
    instanceId: spec.instanceId,
    timeouts: { create: `${spec.createTimeoutMs}ms`, delete: `${spec.deleteTimeoutMs}ms` },
  };
}
