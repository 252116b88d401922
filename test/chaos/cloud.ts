import type { Simulator, SimulatorOptions } from "../../simulator/index";
import type { RunPlan } from "./plan";
import type { NicView, ResourceSpec } from "./trace";

/** The cloud of a run, for both executors: its simulator, instances and NICs, and reading their true state. */

/** Well above the attachments of a run on one instance: the NIC limit is not what these runs are about. */
const NIC_LIMIT = 64;
const REGION = "asia-east-1";

/** The simulator of a run: the plan's faults and transition time, a request log that never wraps. */
export function simulatorOptions(plan: RunPlan): SimulatorOptions {
  const { seed: randomSeed, transitionDelayMs, faults } = plan;
  return {
    randomSeed,
    transitionDelayMs,
    faults,
    nicLimitPerInstance: NIC_LIMIT,
    requestLogLimit: 1_000_000,
  };
}

/** The program's instances and one NIC per attachment, in plan order, and one instance no resource uses. */
export function seedCloud(sim: Simulator, plan: RunPlan) {
  const addInstance = (): string => sim.control.addInstance({ regionId: REGION }).instanceId;
  const instanceIds = Array.from({ length: plan.instanceCount }, addInstance);
  const foreignInstanceId = addInstance();
  const specs = plan.timeouts.map((timeouts, i): ResourceSpec => ({
    name: `a${i}`,
    nicId: sim.control.addNic({ regionId: REGION }).nicId,
    instanceId: instanceIds[i % instanceIds.length] ?? "",
    createTimeoutMs: timeouts.createMs,
    deleteTimeoutMs: timeouts.deleteMs,
  }));
  return { instanceIds, foreignInstanceId, specs };
}

/** A NIC as the simulator's true state has it now. */
export function nicView(sim: Simulator, nicId: string): NicView | null {
  const nic = sim.control.getNic(nicId);
  return nic === undefined ? null : { instanceId: nic.instanceId ?? null, status: nic.status };
}

export function nicsNow(sim: Simulator, specs: readonly ResourceSpec[]): Record<string, NicView | null> {
  return Object.fromEntries(specs.map((spec) => [spec.name, nicView(sim, spec.nicId)]));
}

/** Waits until the simulator has had no request for `quietMs` (late writes landed), up to `limitMs`. */
export async function settle(sim: Simulator, quietMs: number, limitMs: number): Promise<void> {
  const limit = Date.now() + limitMs;
  for (;;) {
    const quietFor = Date.now() - (sim.control.requestLog().at(-1)?.receivedAtMs ?? 0);
    if (quietFor >= quietMs || Date.now() >= limit) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, quietMs - quietFor)));
  }
}

/** How long a request may be held up by the plan's latency spikes. */
export const spikeMs = (plan: RunPlan): number =>
  (plan.faults.latencySpikeRate ?? 0) > 0 ? (plan.faults.latencySpikeMs ?? 0) : 0;
