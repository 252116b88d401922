import { intBetween, pick } from "./draw";
import type { Random } from "./draw";
import type { EngineState } from "./engineState";
import { storedInstance } from "./operations";
import type { ChaosEvent, ResourceSpec } from "./trace";
import type { World } from "./world";

/** Events of a round happen within this long after it starts, i.e. while operations run. */
const EVENT_WINDOW_MS = 1500;
const EVENT_KINDS = ["reboot", "detach", "move", "delete", "burst429", "failAfter"] as const;
type EventKind = (typeof EVENT_KINDS)[number];
/** Relative odds of each kind; out-of-band deletes are rare, as in real life. */
const WEIGHTS: Readonly<Record<EventKind, number>> = {
  reboot: 4,
  detach: 3,
  move: 3,
  delete: 1,
  burst429: 5,
  failAfter: 4,
};

/** What the agent acts on: the simulator, the program's resources and the instances to move NICs to. */
export type ChaosTargets = Pick<World, "sim" | "specs" | "instanceIds" | "foreignInstanceId">;

/** Two draws made when an event is scheduled, for its details (duration, target, variant). */
type Extras = readonly [number, number];

function drawKind(random: Random): EventKind {
  const total = EVENT_KINDS.reduce((sum, kind) => sum + WEIGHTS[kind], 0);
  let left = random() * total;
  for (const kind of EVENT_KINDS) {
    left -= WEIGHTS[kind];
    if (left < 0) return kind;
  }
  return "burst429";
}

/**
 * Changes behind the provider's back and scripted bursts, drawn per round from the run's seed and
 * fired at random moments while the round's operations run. Out-of-band attaches only ever go to
 * an instance other than the resource's own (and other than the one its state records), so every
 * invariant stays unambiguous.
 */
export class ChaosAgent {
  readonly events: ChaosEvent[] = [];
  private readonly pending = new Set<NodeJS.Timeout>();
  private readonly restarts = new Map<string, NodeJS.Timeout>();

  /**
   * `eventWindowMs`: how long after a round starts its events may fire (default 1.5 s, while the
   * handler calls of a round run; a real `pulumi` command takes seconds to reach its first write).
   */
  constructor(
    private readonly world: ChaosTargets,
    private readonly state: EngineState,
    private readonly eventWindowMs: number = EVENT_WINDOW_MS,
  ) {}

  /** Schedules 0–3 events for the round starting now. */
  startRound(random: Random): void {
    const count = intBetween(random, 0, 3);
    for (let i = 0; i < count; i++) {
      const kind = drawKind(random);
      const spec = pick(random, this.world.specs);
      const delay = intBetween(random, 0, this.eventWindowMs);
      const extras: Extras = [random(), random()];
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        this.fire(kind, spec, extras);
      }, delay);
      this.pending.add(timer);
    }
  }

  /** Drops the round's events that have not fired yet. */
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

  private note(kind: string, target: { nicId?: string; instanceId?: string }): void {
    this.events.push({ atMs: Date.now(), kind, ...target });
  }

  private fire(kind: EventKind, spec: ResourceSpec, [extra, variant]: Extras): void {
    const { control } = this.world.sim;
    const nic = control.getNic(spec.nicId);
    if (kind === "reboot") this.reboot(spec.instanceId, 300 + Math.floor(extra * 2200));
    else if (kind === "detach" && nic?.instanceId) {
      control.outOfBand.detachNic(spec.nicId);
      this.note("out-of-band detach", { nicId: spec.nicId });
    } else if (kind === "move" && nic !== undefined) this.move(spec, extra);
    else if (kind === "delete" && nic !== undefined) {
      control.outOfBand.deleteNic(spec.nicId);
      this.note("out-of-band delete", { nicId: spec.nicId });
    } else if (kind === "burst429") {
      control.failNext({ count: 3 + Math.floor(extra * 8), httpStatus: 429 });
      this.note("429 burst", {});
    } else if (kind === "failAfter") this.failAfter(extra < 0.5, variant < 0.3);
  }

  private reboot(instanceId: string, forMs: number): void {
    const instance = this.world.sim.control.getInstance(instanceId);
    if (instance?.status !== "RUNNING" || this.restarts.has(instanceId)) return;
    this.world.sim.control.outOfBand.setInstanceStatus(instanceId, "REBOOT");
    this.note("reboot", { instanceId });
    const timer = setTimeout(() => {
      this.restarts.delete(instanceId);
      this.restart(instanceId);
    }, forMs);
    this.restarts.set(instanceId, timer);
  }

  private restart(instanceId: string): void {
    if (this.world.sim.control.getInstance(instanceId)?.status !== "REBOOT") return;
    this.world.sim.control.outOfBand.startInstance(instanceId);
    this.note("running again", { instanceId });
  }

  private move(spec: ResourceSpec, extra: number): void {
    const stored = this.state.get(spec.name);
    const current = this.world.sim.control.getNic(spec.nicId)?.instanceId ?? null;
    const avoid = new Set([spec.instanceId, current, stored === undefined ? null : storedInstance(stored)]);
    const targets = [...this.world.instanceIds, this.world.foreignInstanceId].filter((id) => !avoid.has(id));
    const target = targets[Math.floor(extra * targets.length)];
    if (target === undefined) return;
    this.world.sim.control.outOfBand.attachNic(spec.nicId, target);
    this.note("out-of-band move", { nicId: spec.nicId, instanceId: target });
  }

  /** An Attach or Detach that runs, but whose answer is a 5xx or a dropped connection. */
  private failAfter(attach: boolean, reset: boolean): void {
    const action = attach ? "AttachNetworkInterface" : "DetachNetworkInterface";
    const rule = { action, count: 1, httpStatus: 503, when: "after" } as const;
    this.world.sim.control.failNext(reset ? { ...rule, kind: "reset" } : rule);
    this.note(`${action} answer lost (${reset ? "reset" : "503"})`, {});
  }
}
