import { ChaosAgent } from "./chaosAgent";
import { checkRun, countRacedDetaches } from "./check/index";
import { destroy, refresh, up } from "./commands";
import { chance, STREAMS, streamFor } from "./draw";
import type { Random } from "./draw";
import { EngineState } from "./engineState";
import type { OpContext } from "./operations";
import { CHAOS_UNTIL_ROUND, MAX_ROUNDS, planRun, REQUEST_TIMEOUT_MS } from "./plan";
import type { RunPlan } from "./plan";
import type { NicView, RunTrace, Violation } from "./trace";
import { startWorld } from "./world";
import type { World } from "./world";

/** One finished run: what happened, and what the checker found. */
export interface RunResult {
  readonly plan: RunPlan;
  readonly trace: RunTrace;
  readonly violations: readonly Violation[];
  /** Detaches of a NIC that moved while the detach was on its way (see `racedDetaches`). */
  readonly racedDetaches: number;
  /** Resources still in state after the last round (liveness, not an invariant). */
  readonly leftInState: number;
  readonly rounds: number;
  readonly wallMs: number;
}

type Command = "up" | "up with removals" | "refresh" | "destroy";

/** Before the destroy phase: `up` (re-runs, continuing partial failures), `refresh`, or removals. */
function drawCommand(random: Random, round: number, plan: RunPlan): Command {
  if (round === 0) return "up";
  const draw = random();
  if (round >= plan.destroyFromRound) return draw < 0.2 ? "refresh" : "destroy";
  if (draw < 0.35) return "up";
  return draw < 0.7 ? "refresh" : "up with removals";
}

async function runCommand(ctx: OpContext, command: Command, random: Random): Promise<void> {
  const specs = ctx.world.specs;
  if (command === "up with removals") {
    for (const spec of specs) if (chance(random, 0.3)) ctx.state.undeclare(spec.name);
  }
  if (command === "refresh") await refresh(ctx, specs);
  else if (command === "destroy") await destroy(ctx, specs);
  else await up(ctx, specs);
}

/**
 * What a user does once the chaos is over and operations keep failing on their timeouts, as the
 * errors advise: raise `timeouts` (`pulumi up --target` records them in state) and run the command
 * again. The timeouts drawn go down to 1 s, shorter than a confirmation takes once reads are seen
 * to lag seconds, so without this a run could never finish, by design.
 */
const RAISED_TIMEOUT = "60s";

function raiseTimeouts(ctx: OpContext, agent: ChaosAgent): void {
  for (const spec of ctx.world.specs) {
    const stored = ctx.state.get(spec.name);
    if (stored === undefined) continue;
    const timeouts = { create: RAISED_TIMEOUT, delete: RAISED_TIMEOUT };
    ctx.state.store(spec.name, { ...stored, props: { ...stored.props, timeouts } });
  }
  agent.events.push({ atMs: Date.now(), kind: `user raised every timeout to ${RAISED_TIMEOUT}` });
}

/** Commands until the destroy phase has emptied the state, or the round limit. */
async function playRounds(ctx: OpContext, agent: ChaosAgent, plan: RunPlan): Promise<number> {
  let round = 0;
  for (; round < MAX_ROUNDS; round++) {
    if (round > plan.destroyFromRound && ctx.state.size === 0) break;
    const random = streamFor(plan.seed, STREAMS.rounds + round);
    ctx.round = round;
    const command = drawCommand(random, round, plan);
    if (round === CHAOS_UNTIL_ROUND && ctx.state.size > 0) raiseTimeouts(ctx, agent);
    if (round < CHAOS_UNTIL_ROUND) agent.startRound(random);
    await runCommand(ctx, command, random);
    agent.endRound();
  }
  return round;
}

/** Lets requests the client gave up on (slowed by a latency spike) reach the server and run. */
async function letLateRequestsLand(plan: RunPlan): Promise<void> {
  const spike = (plan.faults.latencySpikeRate ?? 0) > 0 ? (plan.faults.latencySpikeMs ?? 0) : 0;
  await new Promise((resolve) => setTimeout(resolve, spike + 300));
}

function finalState(world: World, state: EngineState): RunTrace["final"] {
  const final: Record<string, { inState: boolean; nic: NicView | null }> = {};
  for (const spec of world.specs) {
    const nic = world.sim.control.getNic(spec.nicId);
    final[spec.name] = {
      inState: state.has(spec.name),
      nic: nic === undefined ? null : { instanceId: nic.instanceId ?? null, status: nic.status },
    };
  }
  return final;
}

/** Runs seed `seed` end to end on its own simulator and judges it. */
export async function runSeed(seed: number): Promise<RunResult> {
  const plan = planRun(seed);
  const world = await startWorld(plan);
  const state = new EngineState(world.specs.map((spec) => spec.name));
  const agent = new ChaosAgent(world, state);
  const ctx: OpContext = { world, state, ops: [], round: 0 };
  const startMs = Date.now();
  try {
    const rounds = await playRounds(ctx, agent, plan);
    agent.finish();
    await letLateRequestsLand(plan);
    const trace: RunTrace = {
      seed,
      startMs,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      secrets: [world.accessKey.accessKeyPassword],
      resources: world.specs,
      ops: ctx.ops,
      requests: world.sim.control.requestLog(),
      logs: world.logs,
      events: agent.events,
      final: finalState(world, state),
    };
    const wallMs = Date.now() - startMs;
    const violations = checkRun(trace);
    const raced = countRacedDetaches(trace);
    return {
      plan,
      trace,
      violations,
      racedDetaches: raced,
      leftInState: state.size,
      rounds,
      wallMs,
    };
  } finally {
    agent.finish();
    await world.sim.stop();
  }
}
