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
      const record = nic(nicId);
      record.status = "AVAILABLE";
      record.instanceId = null;
    },
    deleteNic(nicId) {
      nic(nicId);
      store.nics.delete(nicId);
    },
    stopInstance(instanceId) {
      instance(instanceId).status = "STOPPED";
    },
    startInstance(instanceId) {
      instance(instanceId).status = "RUNNING";
    },
    setInstanceStatus(instanceId, status) {
      const known = INSTANCE_STATUSES.find((candidate) => candidate === status);
      if (known === undefined) throw new Error(`unknown instance status ${status}`);
      instance(instanceId).status = known;
    },
    associateLoadBalancer(nicId, associated = true) {
      const record = store.nics.get(nicId);
      if (record === undefined) throw new Error(`unknown NIC ${nicId}`);
      record.loadBalancerAssociated = associated;
    },
    attachNic(nicId, instanceId) {
      existingInstance(instanceId);
      const record = nic(nicId);
      record.status = "USED";
      record.instanceId = instanceId;
    },
  };
}
