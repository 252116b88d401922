/**
 * The NICs and instances a scripted Zenlayer holds, over (fake) time: every change is kept with the
 * moment it happened, so a read can be answered from the world as it was some time ago (read lag),
 * and transitions (ATTACHING → USED) happen at a set moment without any timer.
 */
import type { InstanceInfo, InstanceStatus, NicInfo } from "../../../../sdk/index";

/** What the cloud holds at one moment. */
export interface CloudState {
  readonly nics: ReadonlyMap<string, NicInfo>;
  readonly instances: ReadonlyMap<string, InstanceInfo>;
}

interface Snapshot {
  readonly at: number;
  readonly state: CloudState;
}

interface Scheduled {
  readonly at: number;
  readonly change: (state: CloudState) => CloudState;
}

/** A NIC record with the fields a test does not care about filled in. */
export function nicRecord(nicId: string, fields: Partial<NicInfo> = {}): NicInfo {
  return {
    nicId,
    name: `nic-${nicId.slice(-4)}`,
    status: "AVAILABLE",
    nicType: "Secondary",
    regionId: "asia-east-1",
    subnetId: "3000000000000000001",
    vpcId: "2000000000000000001",
    primaryIpv4: "10.0.0.9",
    privateIpList: ["10.0.0.9"],
    macAddress: "02:00:00:00:00:09",
    createTime: "2025-07-16T01:26:39Z",
    tags: { tags: [] },
    ...fields,
  };
}

/** An instance record in `status`. */
export function instanceRecord(instanceId: string, status: InstanceStatus = "RUNNING"): InstanceInfo {
  return { instanceId, instanceName: `vm-${instanceId.slice(-4)}`, zoneId: "asia-east-1a", status };
}

/**
 * The cloud's history. `lagMs` is how far reads are behind: a read at `t` shows the state at
 * `t - lagMs`, so for that long after a write a read still shows the NIC as it was before it.
 */
export class CloudTimeline {
  lagMs = 0;
  readonly #history: Snapshot[];
  #scheduled: Scheduled[] = [];
  #sealed = false;

  constructor(
    private readonly now: () => number,
    initial: CloudState = { nics: new Map(), instances: new Map() },
  ) {
    this.#history = [{ at: Number.NEGATIVE_INFINITY, state: initial }];
  }

  /** The state now, what writes act on (never lagged). */
  current(): CloudState {
    this.#settle();
    return this.#latest().state;
  }

  /** What a read taken now shows, `lagMs` behind. */
  seen(): CloudState {
    this.#settle();
    const asOf = this.now() - this.lagMs;
    const snapshot = [...this.#history].reverse().find((entry) => entry.at <= asOf);
    return (snapshot ?? this.#history[0]!).state;
  }

  /**
   * Changes the cloud now. Until {@link CloudTimeline.seal} (a test's setup), the change is how
   * the cloud always was, so reads however far behind show it.
   */
  change(change: (state: CloudState) => CloudState): void {
    this.#settle();
    const base = this.#history[0]!;
    if (!this.#sealed) this.#history[0] = { at: base.at, state: change(base.state) };
    else this.#history.push({ at: this.now(), state: change(this.#latest().state) });
  }

  /** Ends the setup: from now on, every change happens at its moment. */
  seal(): void {
    this.#sealed = true;
  }

  /** Changes the cloud `afterMs` from now (never, for an infinite delay). */
  later(afterMs: number, change: (state: CloudState) => CloudState): void {
    if (!Number.isFinite(afterMs)) return;
    this.#scheduled.push({ at: this.now() + afterMs, change });
    this.#scheduled.sort((a, b) => a.at - b.at);
  }

  /** Puts (or replaces) a NIC now. */
  putNic(nic: NicInfo): void {
    this.change((state) => withNic(state, nic.nicId, nic));
  }

  /** Changes one NIC's fields now; `undefined` removes it. */
  patchNic(nicId: string, fields: Partial<NicInfo> | undefined): void {
    this.change((state) => patched(state, nicId, fields));
  }

  /** Puts (or replaces) an instance now. */
  putInstance(instance: InstanceInfo): void {
    this.change((state) => {
      const instances = new Map(state.instances);
      instances.set(instance.instanceId, instance);
      return { ...state, instances };
    });
  }

  /** Removes an instance now. */
  removeInstance(instanceId: string): void {
    this.change((state) => {
      const instances = new Map(state.instances);
      instances.delete(instanceId);
      return { ...state, instances };
    });
  }

  #latest(): Snapshot {
    return this.#history[this.#history.length - 1]!;
  }

  #settle(): void {
    const now = this.now();
    while (this.#scheduled.length > 0 && this.#scheduled[0]!.at <= now) {
      const next = this.#scheduled.shift()!;
      this.#history.push({ at: next.at, state: next.change(this.#latest().state) });
    }
  }
}

function withNic(state: CloudState, nicId: string, nic: NicInfo | undefined): CloudState {
  const nics = new Map(state.nics);
  if (nic === undefined) nics.delete(nicId);
  else nics.set(nicId, nic);
  return { ...state, nics };
}

/** `state` with one NIC's fields changed (nothing, if the NIC is gone); `undefined` removes it. */
export function patched(state: CloudState, nicId: string, fields: Partial<NicInfo> | undefined): CloudState {
  const nic = state.nics.get(nicId);
  if (nic === undefined) return state;
  return withNic(state, nicId, fields === undefined ? undefined : { ...nic, ...fields });
}
