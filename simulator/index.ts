/**
 * A local simulator of the Zenlayer Cloud API (`zec` vNIC and instance actions), for tests,
 * demos and running Pulumi stacks without an account. Everything a user needs is exported here;
 * the other modules are internal and may change without notice.
 * @packageDocumentation
 * @module pulumi-zenlayer/simulator
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
  StatusTransition,
  WriteEffect,
} from "./types/options";
export type {
  DataDiskSeed,
  InstanceSeed,
  NicSeed,
  ResourceGroupSeed,
  SecurityGroupSeed,
  SeedDocument,
  SubnetSeed,
} from "./types/seed";
export type {
  WireDataDisk,
  WireInstance,
  WireInstanceStatus,
  WireNic,
  WireNicStatus,
  WireNicSubnetType,
  WireNicType,
  WireResourceGroup,
  WireSystemDisk,
  WireTag,
  WireTagSet,
} from "./types/wire";
// The documented enums as lists; the `Wire*Status` and `Wire*Type` unions are made from them.
export { INSTANCE_STATUSES, NIC_STATUSES, NIC_SUBNET_TYPES, NIC_TYPES } from "./types/wire";
