import { startSimulator } from "../../simulator/index";
import type { RequestLogEntry, Simulator, StatusTransition } from "../../simulator/index";
import type { AttachmentSpec, DriverCommand, DriverResult } from "../lib/driverRunner";
import type { FrontEnd, FrontEndName } from "./frontEnds";
import type { BenchProject } from "./project";
import { runDriver } from "./project";
import type { Scenario } from "./scenarios";
import { TRANSITION_MS } from "./scenarios";

/** Everything one run of a scenario leaves behind, for the analysis. */
export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly frontEnd: FrontEndName;
  readonly parallel: number | undefined;
  readonly up: DriverResult;
  readonly destroy: DriverResult;
  readonly requests: RequestLogEntry[];
  readonly transitions: StatusTransition[];
  readonly counts: Record<string, number>;
  readonly nicIds: string[];
  /** Resource name in the program → the NIC it attaches. */
  readonly nicOf: ReadonlyMap<string, string>;
  /** NICs not AVAILABLE and unattached after `destroy`. */
  readonly leftBehind: number;
}

let stackCounter = 0;

/** Seeds the scenario's instances and free NICs; attachment i goes on instance i mod instances. */
function seedFleet(sim: Simulator, scenario: Scenario): AttachmentSpec[] {
  if (scenario.attachments > 0 && scenario.instances < 1)
    throw new Error(`${scenario.id}: attachments need an instance`);
  const instances = Array.from({ length: scenario.instances }, () => sim.control.addInstance({}).instanceId);
  return Array.from({ length: scenario.attachments }, (_, index) => ({
    name: `nic-${index}`,
    nicId: sim.control.addNic({}).nicId,
    instanceId: instances[index % instances.length] ?? "",
  }));
}

/** NICs not AVAILABLE and unattached once `destroy` is over: each one is a failure. */
function countLeftBehind(sim: Simulator, nicIds: readonly string[]): number {
  return nicIds.filter((id) => {
    const nic = sim.control.getNic(id);
    return nic === undefined || nic.status !== "AVAILABLE" || nic.instanceId !== null;
  }).length;
}

/** The timed `up`, then the destroy-time faults if any, then the timed `destroy`, of a new stack. */
async function upAndDestroy(
  project: BenchProject,
  sim: Simulator,
  scenario: Scenario,
  command: Omit<DriverCommand, "op">,
): Promise<Pick<ScenarioRun, "up" | "destroy">> {
  const up = await runDriver(project, sim.domain, { ...command, op: "up" });
  if (scenario.destroyFaults !== undefined)
    sim.control.setFaults({ ...scenario.faults, ...scenario.destroyFaults });
  const destroy = await runDriver(project, sim.domain, { ...command, op: "destroy" });
  return { up, destroy };
}

/**
 * Runs one scenario through the real engine: a fresh simulator (2 s transitions, the scenario's
 * faults) seeded with its instances and free NICs, then a timed `up` and a timed `destroy` of a
 * new stack whose program `frontEnd` gives, each in its own driver process.
 */
export async function measureScenario(
  project: BenchProject,
  frontEnd: FrontEnd,
  scenario: Scenario,
  parallel: number | undefined,
): Promise<ScenarioRun> {
  const sim = await startSimulator({
    transitionDelayMs: TRANSITION_MS,
    requestLogLimit: 200_000,
    transitionLogLimit: 50_000,
    ...(scenario.faults === undefined ? {} : { faults: scenario.faults }),
  });
  try {
    const attachments = seedFleet(sim, scenario);
    stackCounter += 1;
    const stackName = `${scenario.id.toLowerCase()}-${stackCounter}`;
    const program = await frontEnd.program(stackName, scenario, attachments);
    const phases = await upAndDestroy(project, sim, scenario, { stackName, ...program, parallel });
    const nicIds = attachments.map((spec) => spec.nicId);
    return {
      scenario,
      frontEnd: frontEnd.name,
      parallel,
      ...phases,
      requests: sim.control.requestLog(),
      transitions: sim.control.transitionLog(),
      counts: sim.control.actionCounts(),
      nicIds,
      nicOf: new Map(attachments.map((spec) => [spec.name, spec.nicId])),
      leftBehind: countLeftBehind(sim, nicIds),
    };
  } finally {
    sim.control.releaseStalls();
    await sim.stop();
  }
}
