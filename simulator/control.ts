import type { SimulatorRuntime } from "./runtime";
import { instanceKey, nicKey } from "./state/engine";
import { renderInstance, renderNic } from "./state/render";
import type { InstanceRecord } from "./state/records";
import type { OutOfBandControl, SimulatorControl } from "./types/options";
import type { InstanceInfo } from "./types/wire";

function stallMatcher(opts: { nicId?: string; instanceId?: string }): (key: string) => boolean {
  const keys: string[] = [];
  if (opts.nicId !== undefined) keys.push(nicKey(opts.nicId));
  if (opts.instanceId !== undefined) keys.push(instanceKey(opts.instanceId));
  return keys.length === 0 ? () => true : (key) => keys.includes(key);
}

/**
 * The in-process control surface for tests and the admin routes. Every read renders fresh
 * objects from the true state (never the stale view), so callers cannot mutate the simulator.
 */
export function createControl(runtime: SimulatorRuntime, outOfBand: OutOfBandControl): SimulatorControl {
  const { engine, seeder } = runtime;
  const store = engine.store;
  const instanceInfo = (record: InstanceRecord): InstanceInfo =>
    renderInstance(record, store.nicsAttachedTo(record.instanceId), renderNic);

  return {
    seed: (doc) => seeder.apply(doc),
    addInstance: (spec) => instanceInfo(seeder.addInstance(spec)),
    addNic: (spec) => renderNic(seeder.addNic(spec)),
    snapshot: () => ({
      instances: [...store.instances.values()].map(instanceInfo),
      nics: [...store.nics.values()].map(renderNic),
    }),
    getNic: (nicId) => {
      const nic = store.nics.get(nicId);
      return nic === undefined ? undefined : renderNic(nic);
    },
    getInstance: (instanceId) => {
      const instance = store.instances.get(instanceId);
      return instance === undefined ? undefined : instanceInfo(instance);
    },
    requestLog: () => runtime.log.list(),
    actionCounts: () => runtime.log.countsByAction(),
    resetRequestLog: () => runtime.log.reset(),
    setFaults: (faults) => runtime.faults.set(faults),
    failNext: (rule) => runtime.scripted.add(rule),
    setTransitionDelay: (ms) => {
      if (!Number.isFinite(ms) || ms < 0)
        throw new Error("transition delay must be a non-negative number of ms");
      engine.scheduler.setDelay(ms);
    },
    setErrorCodes: (generation) => {
      runtime.settings.errorCodes = generation;
    },
    stallTransitions: (opts) => engine.scheduler.stall(stallMatcher(opts), opts.forMs),
    releaseStalls: () => engine.scheduler.releaseStalls(),
    outOfBand,
    whenIdle: () => engine.scheduler.whenIdle(),
  };
}
