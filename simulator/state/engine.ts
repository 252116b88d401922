import type { StatusTransition } from "../types/options";
import type { NicBlueprint } from "./nicFactory";
import { buildNic } from "./nicFactory";
import type { InstanceRecord, NicRecord } from "./records";
import type { StaleReads } from "./staleView";
import type { Store } from "./store";
import { INSTANCE_IN_FLIGHT_STATUS, NIC_IN_FLIGHT_STATUS, settleInstance, settleNic } from "./stateMachines";
import type { TransitionLog } from "./transitionLog";
import type { StallDuration, TransitionScheduler } from "./transitions";

/** Random decisions the fault injector makes about writes; drawn when the write is accepted. @internal */
export interface WriteFaults {
  createFails(): boolean;
  transitionStall(): StallDuration | undefined;
}

/** What CreateNetworkInterface needs once its parameters are validated. @internal */
export type NewNic = Pick<
  NicBlueprint,
  "name" | "subnet" | "nicSubnetType" | "securityGroupId" | "resourceGroup" | "tags"
>;

/** What ModifyNetworkInterfaceAttribute changes; absent fields stay as they are. @internal */
export interface NicChanges {
  readonly name?: string | undefined;
  readonly securityGroupId?: string | undefined;
}

/** The scheduler key of a NIC's transition. @internal */
export const nicKey = (nicId: string): string => `nic:${nicId}`;
/** The scheduler key of an instance's transition. @internal */
export const instanceKey = (instanceId: string): string => `instance:${instanceId}`;

/**
 * Applies accepted writes: moves the record into its in-flight status now, remembers the
 * pre-write snapshot for stale reads, and schedules the settlement. Callers check the rules
 * (nicStateMachine, instanceStateMachine) first; the engine only mutates.
 * @internal
 */
export class Engine {
  constructor(
    readonly store: Store,
    readonly scheduler: TransitionScheduler,
    readonly stale: StaleReads,
    private readonly now: () => number,
    private readonly faults: WriteFaults,
    readonly transitions: TransitionLog,
  ) {}

  /** Logs a NIC's status change (nothing when neither its status nor its instance changed). */
  noteNic(
    before: { readonly status: string; readonly instanceId: string | null } | undefined,
    nicId: string,
    after: NicRecord | undefined,
    cause: StatusTransition["cause"],
  ): void {
    const to = after?.status ?? null;
    if (before !== undefined && before.status === to && before.instanceId === after?.instanceId) return;
    const instanceId = (after ?? before)?.instanceId ?? null;
    this.transitions.record({
      atMs: this.now(),
      resource: "nic",
      id: nicId,
      from: before?.status ?? null,
      to,
      instanceId,
      cause,
    });
  }

  /** Logs an instance's status change (nothing when it did not change). */
  noteInstance(from: string | null, instance: InstanceRecord, cause: StatusTransition["cause"]): void {
    if (from === instance.status) return;
    const { instanceId: id, status: to } = instance;
    this.transitions.record({
      atMs: this.now(),
      resource: "instance",
      id,
      from,
      to,
      instanceId: null,
      cause,
    });
  }

  /** NICs as Describe sees them (possibly stale). */
  readNics(): NicRecord[] {
    return this.stale.nicView(this.store.nics);
  }

  /** Instances as Describe sees them (possibly stale). */
  readInstances(): InstanceRecord[] {
    return this.stale.instanceView(this.store.instances);
  }

  createNic(spec: NewNic): NicRecord {
    const nic = buildNic(this.store, this.now(), {
      ...spec,
      nicId: this.store.ids.resourceId(),
      nicType: "Secondary",
      status: NIC_IN_FLIGHT_STATUS.create,
      instanceId: null,
    });
    this.stale.beforeNicWrite(nic.nicId, undefined);
    this.store.nics.set(nic.nicId, nic);
    this.noteNic(undefined, nic.nicId, nic, "api");
    this.settleNicLater(nic, this.faults.createFails());
    return nic;
  }

  /**
   * Renames a NIC or moves it to another security group. Zenlayer applies these at once (the
   * NIC has no in-flight status for them), but reads may still lag like after any write.
   */
  modifyNic(nic: NicRecord, changes: NicChanges): void {
    this.stale.beforeNicWrite(nic.nicId, nic);
    if (changes.name !== undefined) nic.name = changes.name;
    if (changes.securityGroupId !== undefined) nic.securityGroupId = changes.securityGroupId;
    nic.updateTime = this.now();
  }

  attachNic(nic: NicRecord, instance: InstanceRecord): void {
    this.beginNicWrite(nic, NIC_IN_FLIGHT_STATUS.attach, instance.instanceId);
  }

  detachNic(nic: NicRecord): void {
    this.beginNicWrite(nic, NIC_IN_FLIGHT_STATUS.detach);
  }

  deleteNic(nic: NicRecord): void {
    this.beginNicWrite(nic, NIC_IN_FLIGHT_STATUS.delete);
  }

  startInstance(instance: InstanceRecord): void {
    this.beginInstanceWrite(instance, INSTANCE_IN_FLIGHT_STATUS.start);
  }

  stopInstance(instance: InstanceRecord): void {
    this.beginInstanceWrite(instance, INSTANCE_IN_FLIGHT_STATUS.stop);
  }

  /**
   * Schedules the settlement of the NIC's current in-flight status. The completion re-reads the
   * record and does nothing unless it is still in the status it was scheduled for, so a late
   * timer can never undo an out-of-band change.
   */
  settleNicLater(nic: NicRecord, createFails = false): void {
    const expected = nic.status;
    if (settleNic(expected, createFails) === null) return;
    this.scheduler.schedule(
      nicKey(nic.nicId),
      () => {
        const current = this.store.nics.get(nic.nicId);
        if (current === undefined || current.status !== expected) return;
        const next = settleNic(expected, createFails);
        if (next === null) return;
        const before = { status: current.status, instanceId: current.instanceId };
        if (next === "gone") {
          this.store.nics.delete(nic.nicId);
          this.noteNic(before, nic.nicId, undefined, "transition");
          return;
        }
        current.status = next.status;
        if (next.clearInstance) current.instanceId = null;
        current.updateTime = this.now();
        this.noteNic(before, nic.nicId, current, "transition");
      },
      this.faults.transitionStall(),
    );
  }

  /** Like {@link settleNicLater}, for instances. */
  settleInstanceLater(instance: InstanceRecord): void {
    const expected = instance.status;
    const target = settleInstance(expected);
    if (target === null) return;
    this.scheduler.schedule(
      instanceKey(instance.instanceId),
      () => {
        const current = this.store.instances.get(instance.instanceId);
        if (current === undefined || current.status !== expected) return;
        current.status = target;
        this.noteInstance(expected, current, "transition");
      },
      this.faults.transitionStall(),
    );
  }

  private beginNicWrite(nic: NicRecord, status: NicRecord["status"], instanceId = nic.instanceId): void {
    this.stale.beforeNicWrite(nic.nicId, nic);
    const before = { status: nic.status, instanceId: nic.instanceId };
    nic.status = status;
    nic.instanceId = instanceId;
    nic.updateTime = this.now();
    this.noteNic(before, nic.nicId, nic, "api");
    this.settleNicLater(nic);
  }

  private beginInstanceWrite(instance: InstanceRecord, status: InstanceRecord["status"]): void {
    this.stale.beforeInstanceWrite(instance.instanceId, instance);
    const from = instance.status;
    instance.status = status;
    this.noteInstance(from, instance, "api");
    this.settleInstanceLater(instance);
  }
}
