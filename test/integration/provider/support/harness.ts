import { createNetworkInterfaceAttachmentProvider } from "../../../../provider/index";
import type { AttachmentInputs, AttachmentOutputs } from "../../../../provider/index";
import { DEFAULT_ACCESS_KEY, startSimulator } from "../../../../simulator/index";
import type { Simulator, SimulatorOptions } from "../../../../simulator/index";
import type * as dynamic from "@pulumi/pulumi/dynamic";

/** A simulator plus a provider pointed at it, with fast polling and retries so tests stay quick. */
export interface Harness {
  readonly sim: Simulator;
  readonly provider: dynamic.ResourceProvider<AttachmentInputs, AttachmentOutputs>;
  readonly logs: string[];
  /** A RUNNING instance with a primary NIC, and a free secondary NIC in the same region. */
  readonly instanceId: string;
  readonly primaryNicId: string;
  readonly nicId: string;
}

export const FAST_CLIENT = {
  accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId,
  accessKeyPassword: DEFAULT_ACCESS_KEY.accessKeyPassword,
  scheme: "HTTP",
  maxRequestsPerSecond: 5000,
  retry: { maxAttempts: 12, baseDelayMs: 5, maxDelayMs: 40, deadlineMs: 20_000 },
} as const;

/** Starts a simulator with `options` and a provider on it. */
export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = await startSimulator({ transitionDelayMs: 40, ...options });
  const logs: string[] = [];
  const handlers = createNetworkInterfaceAttachmentProvider({
    clientSettings: { ...FAST_CLIENT, domain: sim.domain },
    env: {},
    polling: { intervalMs: 20 },
    log: (line) => logs.push(line),
  });
  const instance = sim.control.addInstance({ regionId: "asia-east-1" });
  const nic = sim.control.addNic({ regionId: "asia-east-1" });
  const primaryNicId = instance.nics.find((n) => n.nicType === "Primary")?.nicId ?? "";
  return { sim, provider: handlers, logs, instanceId: instance.instanceId, primaryNicId, nicId: nic.nicId };
}

/** Inputs as the engine passes them after `check`. */
export function inputs(
  nicId: string,
  instanceId: string,
  timeouts?: AttachmentInputs["timeouts"],
): AttachmentInputs {
  return { nicId, instanceId, ...(timeouts === undefined ? {} : { timeouts }) };
}

/** The error a handler threw, for assertions on its message and fields. */
export async function failureOf(work: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await work;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected the handler to fail, but it succeeded");
}

export function count(sim: Simulator, action: string): number {
  return sim.control.actionCounts()[action] ?? 0;
}
