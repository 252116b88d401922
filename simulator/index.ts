/**
 * A local simulator of the Zenlayer Cloud API (`zec` vNIC and instance actions), for tests,
 * demos and running Pulumi stacks without an account.
 * @packageDocumentation
 */
export { DEFAULT_ACCESS_KEY, startSimulator } from "./simulator";
export { runCli } from "./cli";
export type { CliHandle, CliOptions } from "./cli";
export type {
  AccessKeyPair,
  ErrorCodeGeneration,
  FailNextRule,
  FaultSettings,
  OutOfBandControl,
  RequestLogEntry,
  Simulator,
  SimulatorControl,
  SimulatorOptions,
  WriteEffect,
} from "./types/options";
export type { InstanceSeed, NicSeed, SeedDocument, SubnetSeed } from "./types/seed";
export type {
  ApiVersion,
  DiskInfo,
  InstanceInfo,
  InstanceStatus,
  NicInfo,
  NicStatus,
  NicSubnetType,
  NicType,
  ResourceGroupRef,
  TagSet,
} from "./types/wire";
