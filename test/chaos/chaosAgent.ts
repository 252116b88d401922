import type { Simulator } from "../../simulator/index";
import { intBetween, pick, weighted } from "./plan";
import type { Random } from "./plan";
import type { ChaosEvent, ResourceSpec } from "./trace";

/** Relative odds of each kind of event; out-of-band deletes are rare, as in real life. */
const WEIGHTS = { reboot: 4, detach: 3, move: 3, delete: 1, burst429: 5, failAfter: 4 } as const;
type EventKind = keyof typeof WEIGHTS;

/** What the agent acts on, and the instance each resource's stored state records now (never a move's target). */
export interface ChaosTargets {
  readonly sim: Simulator;
  readonly specs: readonly ResourceSpec[];
  readonly instanceIds: readonly string[];
  readonly foreignInstanceId: string;
  readonly recordedInstance: (resource: string) => string | undefined;
}

/**
 * Changes behind the provider's back and scripted bursts, drawn from the run's seed and fired at
 * random moments while a command runs: reboots, out-of-band detaches, deletes and moves, 429
 * bursts, Attach or Detach answers lost after the action ran. Moves only ever go to an instance
 * other than the resource's own and the one its state records, so every invariant stays unambiguous.
 */
export class ChaosAgent {
  readonly events: ChaosEvent[] = [];
  private readonly pending = new Set<NodeJS.Timeout>();
  private readonly restarts = new Map<string, NodeJS.Timeout>();

  /** `windowMs`: how long after a round starts its events may fire (the CLI takes seconds to reach its first write). */
  constructor(
    private readonly targets: ChaosTargets,
    private readonly windowMs: number,
  ) {}

  /** Schedules 0–3 events within the window starting now. */
  startRound(random: Random): void {
    const count = intBetween(random, 0, 3);
    for (let i = 0; i < count; i++) {
      const kind = weighted<EventKind>(random, WEIGHTS);
      const spec = pick(random, this.targets.specs);
      const delay = intBetween(random, 0, this.windowMs);
      const extras = [random(), random()] as const;
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        this.fire(kind, spec, extras);
      }, delay);
      this.pending.add(timer);
    }
  }

  /** Drops the events that have not fired yet. */
  endRound(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }

  /** Ends all chaos: no more events, and every rebooting instance runs again. */
  finish(): void {
    this.endRound();
    for (const [instanceId, timer] of this.restarts) {
      clearTimeout(timer);
      this.restart(instanceId);
    }
    this.restarts.clear();
  }

  private note(kind: string, target: { nicId?: string; instanceId?: string } = {}): void {
    this.events.push({ atMs: Date.now(), kind, ...target });
  }

  private fire(kind: EventKind, spec: ResourceSpec, [extra, variant]: readonly [number, number]): void {
    const { control } = this.targets.sim;
    const nic = control.getNic(spec.nicId);
    const nicId = spec.nicId;
    if (kind === "reboot") this.reboot(spec.instanceId, 300 + Math.floor(extra * 2200));
    else if (kind === "detach" && nic?.instanceId) {
      control.outOfBand.detachNic(nicId);
      this.note("out-of-band detach", { nicId });
    } else if (kind === "move" && nic !== undefined) this.move(spec, extra);
    else if (kind === "delete" && nic !== undefined) {
      control.outOfBand.deleteNic(nicId);
      this.note("out-of-band delete", { nicId });
    } else if (kind === "burst429") {
      control.failNext({ count: 3 + Math.floor(extra * 8), httpStatus: 429 });
      this.note("429 burst");
    } else if (kind === "failAfter") {
      const action = extra < 0.5 ? "AttachNetworkInterface" : "DetachNetworkInterface";
      const rule = { action, count: 1, httpStatus: 503, when: "after" } as const;
      control.failNext(variant < 0.3 ? { ...rule, kind: "reset" } : rule);
      this.note(`${action} answer lost (${variant < 0.3 ? "reset" : "503"})`);
    }
  }

  private reboot(instanceId: string, forMs: number): void {
    const { control } = this.targets.sim;
    if (control.getInstance(instanceId)?.status !== "RUNNING" || this.restarts.has(instanceId)) return;
    control.outOfBand.setInstanceStatus(instanceId, "REBOOT");
    this.note("reboot", { instanceId });
    const timer = setTimeout(() => {
      this.restarts.delete(instanceId);
      this.restart(instanceId);
    }, forMs);
    this.restarts.set(instanceId, timer);
  }

  private restart(instanceId: string): void {
    if (this.targets.sim.control.getInstance(instanceId)?.status !== "REBOOT") return;
    this.targets.sim.control.outOfBand.startInstance(instanceId);
    this.note("running again", { instanceId });
  }

  private move(spec: ResourceSpec, extra: number): void {
    const { sim, instanceIds, foreignInstanceId, recordedInstance } = this.targets;
    const avoid = new Set([
      spec.instanceId,
      sim.control.getNic(spec.nicId)?.instanceId,
      recordedInstance(spec.name),
    ]);
    const targets = [...instanceIds, foreignInstanceId].filter((id) => !avoid.has(id));
    const target = targets[Math.floor(extra * targets.length)];
    if (target === undefined) return;
    sim.control.outOfBand.attachNic(spec.nicId, target);
    this.note("out-of-band move", { nicId: spec.nicId, instanceId: target });
  }
}
