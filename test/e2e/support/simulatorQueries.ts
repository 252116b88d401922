import type { RequestLogEntry, Simulator } from "../../../simulator/index";

/** The simulator's requests for `action` about one NIC (matched on the request body's `nicId`). */
export function requestsFor(sim: Simulator, action: string, nicId: string): RequestLogEntry[] {
  return sim.control
    .requestLog()
    .filter(
      (entry) => entry.action === action && (entry.body as { nicId?: unknown } | null)?.nicId === nicId,
    );
}

/** Requests that were answered 200 (the action ran and said so). */
export function succeeded(entries: readonly RequestLogEntry[]): RequestLogEntry[] {
  return entries.filter((entry) => entry.status === 200);
}

/** A RUNNING instance and a free NIC in the same region, fresh for one test. */
export function newInstanceAndNic(sim: Simulator): { instanceId: string; nicId: string } {
  const instance = sim.control.addInstance({ regionId: "asia-east-1" });
  const nic = sim.control.addNic({ regionId: "asia-east-1" });
  return { instanceId: instance.instanceId, nicId: nic.nicId };
}
