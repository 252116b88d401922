import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { DEFAULT_ACCESS_KEY } from "../../../simulator/index";
import { backendDirOf, createWorld, destroyWorld } from "../../e2e/support/e2eWorld";
import type { E2eWorld } from "../../e2e/support/e2eWorld";
import { languageSkipReason } from "../../e2e/support/languageAvailability";
import { filesUnder, pulumiDataDirs } from "../../e2e/support/secretScan";
import { judge, runFailed } from "../batch";
import type { RunResult } from "../batch";
import { ChaosAgent } from "../chaosAgent";
import { ATTACHED_ELSEWHERE } from "../failures";
import { runLog } from "../format";
import { nicsNow, seedCloud, settle, simulatorOptions, spikeMs } from "../cloud";
import { planRun } from "../plan";
import type { PlannedCommand } from "../plan";
import { commandOps, isUp } from "../trace";
import type { CommandRecord, RunTrace } from "../trace";
import { stillRunning } from "./kills";
import { Session } from "./session";
import { inlineStack, onDiskStack } from "./stack";

/** How long after a command starts its out-of-band events may fire (the CLI takes seconds to start writing). */
const EVENT_WINDOW_MS = 6000;
/** Attempts of the recovery `up` and of `destroy`, while their failure says running them again may finish them. */
const MAX_ATTEMPTS = 4;
/** A failure message that says running the command again may finish it (time ran out, a cancel, a lock). */
const PASSING =
  /did not finish within|keep trying|run `pulumi up` again to finish|update canceled|currently locked/i;
/** The on-disk program (Pulumi.yaml and index.js), which reads its attachments from stack config. */
const ENGINE_PROGRAM = path.join(__dirname, "program");

/** Whether running the command again could help, by what the CLI and the engine's steps said. */
function worthAnotherTry(command: CommandRecord): boolean {
  const said = [command.error ?? "", ...(command.steps ?? []).map((step) => step.error ?? "")].join("\n");
  return command.kill !== undefined || PASSING.test(said);
}

/** The NICs a failed `up` said are attached to another instance, with that instance. */
function attachedElsewhere(command: CommandRecord): { nicId: string; instanceId: string }[] {
  const said = [command.output ?? "", ...(command.steps ?? []).map((step) => step.error ?? "")].join("\n");
  const found = new Map(
    [...said.matchAll(ATTACHED_ELSEWHERE)].map((match) => [match[1] ?? "", match[2] ?? ""]),
  );
  return [...found].map(([nicId, instanceId]) => ({ nicId, instanceId }));
}

/**
 * The recovery `up` and the destroy, as a user runs them: again while the failure says that may
 * finish it; when `up` fails because a NIC is attached to another instance, the user first does
 * what the message says (detaches it there, in the console). Chaos ends after the first attempt.
 */
async function untilDone(session: Session, agent: ChaosAgent, first: PlannedCommand): Promise<void> {
  for (let attempt = 1, planned = first; attempt <= MAX_ATTEMPTS; attempt++) {
    const command = await session.runAsUser(planned);
    agent.finish();
    if (command.ok) return;
    const elsewhere = isUp(command) ? attachedElsewhere(command) : [];
    if (elsewhere.length > 0) session.detachAsUser(elsewhere);
    else if (!worthAnotherTry(command)) return;
    planned = { name: first.name, phase: first.phase, chaos: false };
  }
}

/** The planned commands: the chaos phase once each, then (chaos over) the recovery and the destroy until done. */
async function play(session: Session, agent: ChaosAgent, commands: readonly PlannedCommand[]): Promise<void> {
  for (const planned of commands) {
    if (planned.phase === "chaos") await session.runAsUser(planned);
    else {
      agent.finish();
      await (planned.name === "up" || planned.name === "up --refresh" || planned.name === "destroy"
        ? untilDone(session, agent, planned)
        : session.runAsUser(planned));
    }
  }
}

/** Every file a run wrote outside node_modules: project, backend, PULUMI_HOME, engine event logs. */
async function writtenFiles(world: E2eWorld, eventsDir: string): Promise<RunTrace["files"]> {
  const files = [];
  for (const dir of [world.project.dir, ...pulumiDataDirs(world), eventsDir]) {
    for (const file of await filesUnder(dir)) {
      files.push({ place: `file ${path.relative(world.root, file)}`, text: await readFile(file, "utf8") });
    }
  }
  return files;
}

/**
 * Runs seed `seed` through the real engine in a world of its own, set up as the end-to-end tests
 * set theirs up (packed package installed in a temporary project, private backend and home, a
 * simulator with the plan's faults), judges it, and tears the world down, keeping its directory
 * (with the run log in commands.log) when the run needs a look. `log` gets a line per command.
 */
export async function runEngineSeed(
  seed: number,
  log: (line: string) => void = () => undefined,
): Promise<RunResult> {
  const plan = planRun(seed, "engine");
  const mode = plan.onDisk && languageSkipReason("nodejs") === undefined ? "on-disk" : "inline";
  const world = await createWorld({
    label: `chaos-${seed}`,
    simulator: simulatorOptions(plan),
    ...(mode === "on-disk" ? { requireLanguageHost: true, programFiles: ENGINE_PROGRAM } : {}),
  });
  try {
    const { instanceIds, foreignInstanceId, specs } = seedCloud(world.sim, plan);
    const timeouts = (s: (typeof specs)[number]) => ({
      create: `${s.createTimeoutMs}ms`,
      delete: `${s.deleteTimeoutMs}ms`,
    });
    const attachments = specs.map((s) => ({
      name: s.name,
      nicId: s.nicId,
      instanceId: s.instanceId,
      timeouts: timeouts(s),
    }));
    const setup = { world, stackName: `chaos-${seed}`, attachments, credentials: plan.credentials };
    const stack = mode === "inline" ? inlineStack(setup) : onDiskStack(setup);
    const eventsDir = path.join(world.root, "events");
    await mkdir(eventsDir, { recursive: true });
    const recordedInstance = (name: string): string | undefined =>
      session.held.attachments.find((attachment) => attachment.resource === name)?.instanceId;
    const agent = new ChaosAgent(
      { sim: world.sim, specs, instanceIds, foreignInstanceId, recordedInstance },
      EVENT_WINDOW_MS,
    );
    await stack.setUp();
    const projectDir = world.project.dir;
    const session = new Session({
      sim: world.sim,
      stack,
      specs,
      projectDir,
      backendDir: backendDirOf(world),
      eventsDir,
      seed,
      agent,
      log,
    });
    try {
      await play(session, agent, plan.commands);
    } finally {
      agent.finish();
    }
    await settle(world.sim, Math.max(1500, spikeMs(plan) + 500), 45_000);
    const nics = nicsNow(world.sim, specs);
    const lastState = session.commands.findLast((command) => command.stateAfter !== undefined)?.stateAfter;
    const trace: RunTrace = {
      executor: "engine",
      seed,
      startMs: session.startMs,
      setup: `${mode} program, ${plan.credentials} credentials`,
      secrets: [DEFAULT_ACCESS_KEY.accessKeyPassword],
      resources: specs,
      instanceIds,
      commands: session.commands,
      ops: [],
      requests: world.sim.control.requestLog(),
      events: [...agent.events, ...session.userEvents].sort((a, b) => a.atMs - b.atMs),
      logs: [],
      files: await writtenFiles(world, eventsDir),
      final: Object.fromEntries(
        specs.map((spec) => {
          const inState = lastState?.attachments.some((attachment) => attachment.resource === spec.name);
          return [spec.name, { ...(inState === undefined ? {} : { inState }), nic: nics[spec.name] ?? null }];
        }),
      ),
      orphansAliveAtEnd: stillRunning(session.orphanPids),
    };
    const judged = judge(
      plan,
      { ...trace, ops: commandOps(trace.commands, specs) },
      Date.now() - session.startMs,
    );
    const packageSha = createHash("sha256")
      .update(await readFile(world.tarball))
      .digest("hex")
      .slice(0, 12);
    const result: RunResult = { ...judged, trace: { ...judged.trace, files: [] }, packageSha };
    world.failed = runFailed(result);
    if (!world.failed) return result;
    await writeFile(path.join(world.root, "commands.log"), runLog(result));
    return { ...result, keptDir: world.root };
  } catch (error) {
    world.failed = true;
    throw error;
  } finally {
    await destroyWorld(world);
  }
}
