/**
 * The driver's commands and results, and the stack export's shape, where the end-to-end tests and
 * the engine chaos harness import them from. The driver and its runner are shared with the bench
 * (scripts/lib/driver.js, scripts/lib/driverRunner.ts).
 */
export { expectSuccess, startDriver } from "../../../scripts/lib/driverRunner";
export type {
  AttachmentSpec,
  ConfigEntry,
  DriverCommand,
  DriverLaunch,
  DriverResult,
  RunningDriver,
} from "../../../scripts/lib/driverRunner";
export type { DeployedResource, Deployment } from "./stackState";
