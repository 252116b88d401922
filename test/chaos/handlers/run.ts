import { judge } from "../batch";
import type { RunResult } from "../batch";
import { ChaosAgent } from "../chaosAgent";
import { nicsNow, nicView, settle, spikeMs } from "../cloud";
import { CHAOS_UNTIL_ROUND, chance, planRun, roundStream } from "../plan";
import type { PlannedCommand } from "../plan";
import type { CommandRecord, RunTrace } from "../trace";
import { runCommand, storedInstance } from "./calls";
import type { Model } from "./calls";
import { REQUEST_TIMEOUT_MS, startWorld } from "./world";

/** A round's events fire within this long after it starts, while its handler calls run. */
const EVENT_WINDOW_MS = 1500;

/**
 * What a user does once the chaos is over and operations keep failing on their timeouts, as the
 * errors advise: raise `timeouts` (`pulumi up --target` records them in state) and run the command
 * again. The timeouts drawn go down to 1 s, shorter than a confirmation takes once reads are seen
 * to lag seconds, so without this a run could never finish, by design.
 */
const RAISED_TIMEOUT = "60s";

function raiseTimeouts(m: Model, agent: ChaosAgent): void {
  for (const [name, stored] of m.stored) {
    const timeouts = { create: RAISED_TIMEOUT, delete: RAISED_TIMEOUT };
    m.stored.set(name, { ...stored, props: { ...stored.props, timeouts } });
  }
  agent.events.push({ atMs: Date.now(), kind: `user raised every timeout to ${RAISED_TIMEOUT}` });
}

/** One round: chaos while it runs (before {@link CHAOS_UNTIL_ROUND}), removals drawn for "up with removals". */
async function playRound(
  m: Model,
  agent: ChaosAgent,
  planned: PlannedCommand,
  seed: number,
): Promise<CommandRecord> {
  const random = roundStream(seed, m.command);
  if (m.command === CHAOS_UNTIL_ROUND && m.stored.size > 0) raiseTimeouts(m, agent);
  if (planned.chaos) agent.startRound(random);
  const startMs = Date.now();
  if (planned.name === "up with removals") {
    for (const spec of m.world.specs) if (chance(random, 0.3)) m.declared.delete(spec.name);
  }
  await runCommand(m, planned.name);
  agent.endRound();
  const failed = m.ops.find(
    (op) => op.command === m.command && (op.outcome === "failed" || op.outcome === "partial"),
  );
  const { name, phase } = planned;
  const end = { endMs: Date.now(), ok: failed === undefined, nicsAfter: nicsNow(m.world.sim, m.world.specs) };
  return {
    index: m.command,
    name,
    phase,
    startMs,
    ...end,
    ...(failed?.error === undefined ? {} : { error: failed.error }),
  };
}

/**
 * Runs seed `seed` through the handlers on its own simulator, the engine modelled in this process:
 * round after round until the destroy phase has emptied the state (or the last round), then judges it.
 */
export async function runHandlerSeed(seed: number): Promise<RunResult> {
  const plan = planRun(seed, "handlers");
  const world = await startWorld(plan);
  const declared = new Set(world.specs.map((spec) => spec.name));
  const m: Model = { world, stored: new Map(), declared, ops: [], command: 0 };
  const recordedInstance = (name: string): string | undefined => {
    const stored = m.stored.get(name);
    return stored === undefined ? undefined : storedInstance(stored);
  };
  const agent = new ChaosAgent({ ...world, recordedInstance }, EVENT_WINDOW_MS);
  const destroyFrom = plan.commands.findIndex((command) => command.phase === "destroy");
  const commands: CommandRecord[] = [];
  const startMs = Date.now();
  try {
    for (const planned of plan.commands) {
      if (m.command > destroyFrom && m.stored.size === 0) break;
      commands.push(await playRound(m, agent, planned, seed));
      m.command++;
    }
    agent.finish();
    await settle(world.sim, spikeMs(plan) + 300, 45_000);
    const trace: RunTrace = {
      executor: "handlers",
      seed,
      startMs,
      setup: "handlers in process",
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      secrets: [world.accessKey.accessKeyPassword],
      resources: world.specs,
      instanceIds: world.instanceIds,
      commands,
      ops: m.ops,
      requests: world.sim.control.requestLog(),
      events: agent.events,
      logs: world.logs,
      files: [],
      final: Object.fromEntries(
        world.specs.map((spec) => [
          spec.name,
          { inState: m.stored.has(spec.name), nic: nicView(world.sim, spec.nicId) },
        ]),
      ),
      orphansAliveAtEnd: 0,
    };
    return judge(plan, trace, Date.now() - startMs);
  } finally {
    agent.finish();
    await world.sim.stop();
  }
}
