import type { Credentials } from "./auth/verifyRequest";
import type { FaultInjector } from "./faults/faultInjector";
import type { ScriptedFailures } from "./faults/failNext";
import type { RequestLog } from "./log/requestLog";
import type { Sleeper } from "./server/sleeper";
import type { Engine } from "./state/engine";
import type { Seeder } from "./state/seed";
import type { ErrorCodeGeneration } from "./types/options";

/** Settings the control surface may change while the simulator runs. */
export interface MutableSettings {
  errorCodes: ErrorCodeGeneration;
  nicLimitPerInstance: number;
}

/**
 * Everything one simulator instance is made of, passed explicitly to the pipeline, the actions,
 * the control object and the admin routes (no module-level state, so simulators never share).
 */
export interface SimulatorRuntime {
  readonly engine: Engine;
  readonly seeder: Seeder;
  readonly faults: FaultInjector;
  readonly scripted: ScriptedFailures;
  readonly log: RequestLog;
  readonly credentials: Credentials;
  readonly settings: MutableSettings;
  readonly sleeper: Sleeper;
  readonly now: () => number;
}
