import type { WireNic, Simulator, SimulatorOptions } from "../../../simulator";
import { startSimulator } from "../../../simulator";
import { ok } from "./rawClient";

/** Transition delay for tests: long enough to observe in-flight statuses, short enough to be fast. */
export const TEST_DELAY_MS = 30;

/** Simulators started through this are stopped by {@link stopAll} in afterEach/afterAll. */
const started: Simulator[] = [];

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const simulator = await startSimulator({ transitionDelayMs: TEST_DELAY_MS, ...options });
  started.push(simulator);
  return simulator;
}

export async function stopAll(): Promise<void> {
  await Promise.all(started.splice(0).map((simulator) => simulator.stop()));
}

/** The NIC as DescribeNetworkInterfaces shows it over HTTP, or undefined when absent. */
export async function describeNic(simulator: Simulator, nicId: string): Promise<WireNic | undefined> {
  const response = await ok(simulator, "DescribeNetworkInterfaces", { nicIds: [nicId] });
  return (response["dataSet"] as WireNic[])[0];
}

/** A typical world: a RUNNING instance in asia-east-1a with its primary NIC, and a spare NIC there. */
export function seedBasic(simulator: Simulator) {
  const instance = simulator.control.addInstance({
    instanceId: "1000000000000000001",
    primaryNicId: "2000000000000000001",
  });
  const spare = simulator.control.addNic({ nicId: "2000000000000000002", name: "spare" });
  return {
    instanceId: instance.instanceId,
    primaryNicId: "2000000000000000001",
    spareNicId: spare.nicId,
    subnetId: spare.subnetId,
  };
}

/**
 * Runs a write while every transition is stalled, so the in-flight status is observed without
 * racing the timer; then releases and returns the settled view too.
 */
export async function observeInFlight(simulator: Simulator, nicId: string, write: () => Promise<unknown>) {
  simulator.control.stallTransitions({ nicId, forMs: "forever" });
  await write();
  const during = await describeNic(simulator, nicId);
  simulator.control.releaseStalls();
  await simulator.control.whenIdle();
  return { during, after: await describeNic(simulator, nicId) };
}
