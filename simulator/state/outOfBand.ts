import type { OutOfBandControl } from "../types/options";
import { INSTANCE_STATUSES } from "../types/wire";
import type { Engine } from "./engine";
import { instanceKey, nicKey } from "./engine";
import type { InstanceRecord, NicRecord } from "./records";

/**
 * Changes made behind the API's back (the console, another tool, the platform itself). They skip
 * every rule and take effect at once; any transition pending for the resource is cancelled so a
 * late timer cannot undo them. Unknown ids throw, because they are test mistakes.
 * @internal
 */
export function createOutOfBand(engine: Engine, now: () => number): OutOfBandControl {
  const { store, scheduler } = engine;

  function nic(nicId: string): NicRecord {
    const found = store.nics.get(nicId);
    if (found === undefined) throw new Error(`unknown NIC ${nicId}`);
    scheduler.cancel(nicKey(nicId));
    found.updateTime = now();
    return found;
  }

  /** Changes a NIC by force and logs the change. */
  function forceNic(nicId: string, change: (record: NicRecord) => NicRecord | undefined): void {
    const record = nic(nicId);
    const before = { status: record.status, instanceId: record.instanceId };
    engine.noteNic(before, nicId, change(record), "out-of-band");
  }

  /** Sets an instance's status by force and logs the change. */
  function forceInstance(instanceId: string, status: InstanceRecord["status"]): void {
    const record = instance(instanceId);
    const from = record.status;
    record.status = status;
    engine.noteInstance(from, record, "out-of-band");
  }

  function existingInstance(instanceId: string): InstanceRecord {
    const found = store.instances.get(instanceId);
    if (found === undefined) throw new Error(`unknown instance ${instanceId}`);
    return found;
  }

  function instance(instanceId: string): InstanceRecord {
    const found = existingInstance(instanceId);
    scheduler.cancel(instanceKey(instanceId));
    return found;
  }

  return {
    detachNic(nicId) {
      forceNic(nicId, (record) => {
        record.status = "AVAILABLE";
        record.instanceId = null;
        return record;
      });
    },
    deleteNic(nicId) {
      forceNic(nicId, () => {
        store.nics.delete(nicId);
        return undefined;
      });
    },
    stopInstance(instanceId) {
      forceInstance(instanceId, "STOPPED");
    },
    startInstance(instanceId) {
      forceInstance(instanceId, "RUNNING");
    },
    setInstanceStatus(instanceId, status) {
      const known = INSTANCE_STATUSES.find((candidate) => candidate === status);
      if (known === undefined) throw new Error(`unknown instance status ${status}`);
      forceInstance(instanceId, known);
    },
    associateLoadBalancer(nicId, associated = true) {
      const record = store.nics.get(nicId);
      if (record === undefined) throw new Error(`unknown NIC ${nicId}`);
      record.loadBalancerAssociated = associated;
    },
    attachNic(nicId, instanceId) {
      existingInstance(instanceId);
      forceNic(nicId, (record) => {
        record.status = "USED";
        record.instanceId = instanceId;
        return record;
      });
    },
  };
}
