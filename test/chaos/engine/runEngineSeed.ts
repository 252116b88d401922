import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { ChaosAgent } from "../chaosAgent";
import { EngineState } from "../engineState";
import { checkEngineRun } from "./check";
import { runLogText } from "./format";
import { planEngineRun, planText } from "./plan";
import type { EnginePlan } from "./plan";
import { runFailures } from "./failures";
import { runFailed } from "./summary";
import type { EngineRunResult } from "./summary";
import type { EngineRunTrace, ScannedText } from "./trace";
import type { ResourceSpec } from "../trace";
import { DEFAULT_ACCESS_KEY } from "../../../simulator/index";
import type { Simulator } from "../../../simulator/index";
import type { AttachmentSpec } from "../../e2e/support/driverRunner";
import { backendDirOf, createWorld, destroyWorld } from "../../e2e/support/e2eWorld";
import type { E2eWorld } from "../../e2e/support/e2eWorld";
import { onDiskSkipReason } from "../../e2e/support/onDiskAvailability";
import { filesUnder, pulumiDataDirs } from "../../e2e/support/secretScan";
import { stillRunning } from "./kills";
import { chaosPhase, destroyPhase, recoveryPhase } from "./phases";
import { Session } from "./session";
import { inlineStack, onDiskStack } from "./stackCommands";

const REGION = "asia-east-1";
/** Well above 8 NICs on one instance: the NIC limit is not what these runs are about. */
const NIC_LIMIT = 64;
/** How long after a command starts its out-of-band events may fire (the CLI takes seconds to start writing). */
const EVENT_WINDOW_MS = 6000;
/** The longest wait for requests still in flight (e.g. from a plugin a kill left running) at the end. */
const SETTLE_LIMIT_MS = 45_000;
/** The on-disk program (Pulumi.yaml and index.js). */
const ENGINE_PROGRAM = path.join(__dirname, "program");

export interface EngineRunOptions {
  /** Progress lines (one per command); default none. */
  readonly log?: (line: string) => void;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function worldFor(plan: EnginePlan, mode: "inline" | "on-disk"): Promise<E2eWorld> {
  return createWorld({
    label: `chaos-${plan.seed}`,
    simulator: {
      randomSeed: plan.seed,
      transitionDelayMs: plan.transitionDelayMs,
      nicLimitPerInstance: NIC_LIMIT,
      requestLogLimit: 1_000_000,
      faults: plan.faults,
    },
    ...(mode === "on-disk" ? { requireLanguageHost: true, programFiles: ENGINE_PROGRAM } : {}),
  });
}

/** The program's instances and NICs, seeded into the simulator in plan order, and one more instance. */
function seedCloud(sim: Simulator, plan: EnginePlan) {
  const instanceIds = Array.from(
    { length: plan.instanceCount },
    () => sim.control.addInstance({ regionId: REGION }).instanceId,
  );
  const foreignInstanceId = sim.control.addInstance({ regionId: REGION }).instanceId;
  const specs = plan.timeouts.map((timeouts, i): ResourceSpec => ({
    name: `a${i}`,
    nicId: sim.control.addNic({ regionId: REGION }).nicId,
    instanceId: instanceIds[i % instanceIds.length] ?? "",
    createTimeoutMs: timeouts.createMs,
    deleteTimeoutMs: timeouts.deleteMs,
  }));
  return { instanceIds, foreignInstanceId, specs };
}

function attachmentSpec(spec: ResourceSpec): AttachmentSpec {
  return {
    name: spec.name,
    nicId: spec.nicId,
    instanceId: spec.instanceId,
    timeouts: { create: `${spec.createTimeoutMs}ms`, delete: `${spec.deleteTimeoutMs}ms` },
  };
}

/** Waits until the simulator has had no request for a while (late writes landed), up to a limit. */
async function settle(sim: Simulator, plan: EnginePlan): Promise<void> {
  const spike = (plan.faults.latencySpikeRate ?? 0) > 0 ? (plan.faults.latencySpikeMs ?? 0) : 0;
  const quietMs = Math.max(1500, spike + 500);
  const limit = Date.now() + SETTLE_LIMIT_MS;
  while (Date.now() < limit) {
    const last = sim.control.requestLog().at(-1)?.receivedAtMs ?? 0;
    if (Date.now() - last >= quietMs) return;
    await pause(250);
  }
}

/** Every file a run wrote outside node_modules: project, backend, PULUMI_HOME, engine event logs. */
async function writtenFiles(world: E2eWorld, eventsDir: string): Promise<ScannedText[]> {
  const dirs = [world.project.dir, ...pulumiDataDirs(world), eventsDir];
  const files: ScannedText[] = [];
  for (const dir of dirs) {
    for (const file of await filesUnder(dir)) {
      files.push({ place: `file ${path.relative(world.root, file)}`, text: await readFile(file, "utf8") });
    }
  }
  return files;
}

/** Where the program runs: on disk when planned and a language host can be had, else inline. */
export function modeFor(plan: EnginePlan): "inline" | "on-disk" {
  return plan.onDisk && onDiskSkipReason() === undefined ? "on-disk" : "inline";
}

/**
 * Runs seed `seed` through the real engine in a world of its own (packed package installed in a
 * temporary project, private backend and home, a simulator with the plan's faults), checks it, and
 * tears the world down (keeping its directory, with every command's output in commands.log, when
 * the run found something).
 */
export async function runEngineSeed(seed: number, options: EngineRunOptions = {}): Promise<EngineRunResult> {
  const log = options.log ?? (() => undefined);
  const plan = planEngineRun(seed);
  const mode = modeFor(plan);
  const world = await worldFor(plan, mode);
  const agentState = new EngineState([]);
  try {
    const { instanceIds, foreignInstanceId, specs } = seedCloud(world.sim, plan);
    const setup = {
      world,
      stackName: `chaos-${seed}`,
      attachments: specs.map(attachmentSpec),
      credentials: plan.credentials,
    };
    const stack = mode === "inline" ? inlineStack(setup) : onDiskStack(setup);
    const eventsDir = path.join(world.root, "events");
    await mkdir(eventsDir, { recursive: true });
    const agent = new ChaosAgent(
      { sim: world.sim, specs, instanceIds, foreignInstanceId },
      agentState,
      EVENT_WINDOW_MS,
    );
    await stack.setUp();
    const session = new Session({
      sim: world.sim,
      stack,
      specs,
      projectDir: world.project.dir,
      backendDir: backendDirOf(world),
      eventsDir,
      seed,
      agent,
      agentState,
      log,
    });
    const startMs = Date.now();
    try {
      await chaosPhase(session, plan);
      agent.finish();
      await recoveryPhase(session, plan);
      await destroyPhase(session, plan, agent);
    } finally {
      agent.finish();
    }
    await settle(world.sim, plan);
    const trace: EngineRunTrace = {
      seed,
      startMs,
      mode,
      credentials: plan.credentials,
      resources: specs,
      instanceIds,
      commands: session.commands,
      requests: world.sim.control.requestLog(),
      events: [...agent.events, ...session.userEvents].sort((a, b) => a.atMs - b.atMs),
      secrets: [DEFAULT_ACCESS_KEY.accessKeyPassword],
      files: await writtenFiles(world, eventsDir),
      finalNics: session.nicsNow(),
      orphansAliveAtEnd: stillRunning(session.orphanPids),
    };
    const result: EngineRunResult = {
      plan,
      packageSha: createHash("sha256")
        .update(await readFile(world.tarball))
        .digest("hex")
        .slice(0, 12),
      trace: { ...trace, files: [] },
      verdict: checkEngineRun(trace),
      failures: runFailures(trace),
      wallMs: Date.now() - startMs,
    };
    world.failed = runFailed(result);
    if (!world.failed) return result;
    await writeFile(path.join(world.root, "commands.log"), runLogText(trace, planText(plan)));
    return { ...result, keptDir: world.root };
  } catch (error) {
    world.failed = true;
    throw error;
  } finally {
    await destroyWorld(world);
  }
}
