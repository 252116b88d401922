import type { MutableSettings } from "./api/actionContext";
import type { Credentials } from "./auth/verifyRequest";
import type { FaultInjector, ScriptedFailures } from "./faults/faultInjector";
import type { Sleeper } from "./faults/sleeper";
import type { RequestLog } from "./log/requestLog";
import type { Engine } from "./state/engine";
import type { Seeder } from "./state/seed";

/**
 * Everything one simulator instance is made of, passed explicitly to the pipeline and the control
 * object, and in part to the actions (as their `ActionRuntime`) and the admin routes (no
 * module-level state, so simulators never share).
 * @internal
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
