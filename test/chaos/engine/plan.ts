import type { FaultSettings } from "../../../simulator/index";
import { chance, intBetween, streamFor } from "../draw";
import type { Random } from "../draw";
import { drawFaults } from "../plan";
import type { KillSignal } from "./trace";

/** Streams of the engine runs, apart from the handler runs' (see `STREAMS` in ../draw). */
export const ENGINE_STREAMS = { plan: 1000, commands: 1100 } as const;

/** When and how a command is interrupted: after its `afterWrites`-th NIC write plus `delayMs`. */
export interface KillPlan {
  readonly signal: KillSignal;
  readonly afterWrites: number;
  readonly delayMs: number;
  /** For "SIGINT twice": how long after the first the second Ctrl-C comes. */
  readonly secondAfterMs: number;
}

/** A command of the chaos phase, with out-of-band changes while it runs. */
export interface StepPlan {
  readonly command: "up" | "up --refresh" | "refresh";
  readonly kill?: KillPlan;
}

/** How the user brings the stack back after the chaos phase (then `up` until it succeeds or gives up). */
export type RecoveryPlan = "up" | "up --refresh" | "refresh --clear-pending-creates, up";

/** Everything an engine run is made of, drawn from its seed before it starts. */
export interface EnginePlan {
  readonly seed: number;
  /** On disk (through `pulumi` and the language host) when one can be had; inline otherwise. */
  readonly onDisk: boolean;
  readonly credentials: "env" | "secret-config";
  readonly instanceCount: number;
  readonly transitionDelayMs: number;
  readonly faults: FaultSettings;
  /** Per attachment: `timeouts.create` and `timeouts.delete`, in ms. */
  readonly timeouts: readonly { readonly createMs: number; readonly deleteMs: number }[];
  /** The chaos phase: the first `up`, then 0–2 more commands. */
  readonly steps: readonly StepPlan[];
  readonly recovery: RecoveryPlan;
  /** Whether out-of-band changes go on during the first `destroy`. */
  readonly destroyChaos: boolean;
  readonly destroyKill?: KillPlan;
}

/** Relative odds of the ways a command is interrupted. */
const KILL_WEIGHTS: readonly (readonly [KillSignal, number])[] = [
  ["SIGINT", 4],
  ["SIGINT twice", 2],
  ["SIGKILL", 3],
  ["SIGKILL, plugin left running", 1],
];

function drawSignal(random: Random): KillSignal {
  const total = KILL_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random() * total;
  for (const [signal, weight] of KILL_WEIGHTS) {
    left -= weight;
    if (left < 0) return signal;
  }
  return "SIGINT";
}

function drawKill(random: Random): KillPlan {
  return {
    signal: drawSignal(random),
    afterWrites: intBetween(random, 1, 4),
    delayMs: intBetween(random, 0, 1000),
    secondAfterMs: intBetween(random, 300, 2000),
  };
}

/**
 * A timeout between 2 and 30 s, to the 100 ms: short ones run out under faults (partial creates,
 * failed deletes the user runs again), long ones outlast any fault.
 */
function drawTimeoutMs(random: Random): number {
  return intBetween(random, 20, 300) * 100;
}

function drawMiddleStep(random: Random): StepPlan {
  const draw = random();
  const command = draw < 0.35 ? "up --refresh" : draw < 0.7 ? "refresh" : "up";
  const killed = command !== "refresh" && chance(random, 0.35);
  return killed ? { command, kill: drawKill(random) } : { command };
}

function drawRecovery(random: Random): RecoveryPlan {
  const draw = random();
  return draw < 0.4 ? "up" : draw < 0.7 ? "up --refresh" : "refresh --clear-pending-creates, up";
}

/**
 * Draws run `seed`: 2–3 instances, 4–8 attachments, the handler runs' faults (5xx 10–30 %,
 * resets, lost answers, HTML pages, latency spikes, stalled transitions, stale reads up to the
 * read-consistency window, sometimes a rate limit), and the commands: a first `up` that is killed
 * in 70 % of runs, up to two more commands (some killed), the recovery, and `destroy`.
 */
export function planEngineRun(seed: number): EnginePlan {
  const random = streamFor(seed, ENGINE_STREAMS.plan);
  const onDisk = chance(random, 0.25);
  const credentials = chance(random, 0.3) ? "secret-config" : "env";
  const instanceCount = intBetween(random, 2, 3);
  const attachmentCount = intBetween(random, 4, 8);
  const transitionDelayMs = intBetween(random, 30, 300);
  const faults = drawFaults(random);
  const timeouts = Array.from({ length: attachmentCount }, () => ({
    createMs: drawTimeoutMs(random),
    deleteMs: drawTimeoutMs(random),
  }));
  const first: StepPlan = chance(random, 0.7) ? { command: "up", kill: drawKill(random) } : { command: "up" };
  const middle = Array.from({ length: intBetween(random, 0, 2) }, () => drawMiddleStep(random));
  const recovery = drawRecovery(random);
  const destroyChaos = chance(random, 0.5);
  const destroyKill = chance(random, 0.2) ? drawKill(random) : undefined;
  return {
    seed,
    onDisk,
    credentials,
    instanceCount,
    transitionDelayMs,
    faults,
    timeouts,
    steps: [first, ...middle],
    recovery,
    destroyChaos,
    ...(destroyKill === undefined ? {} : { destroyKill }),
  };
}

/** The plan in one line, for progress output and traces. */
export function planText(plan: EnginePlan): string {
  const kill = (step: { readonly kill?: KillPlan }): string =>
    step.kill === undefined
      ? ""
      : ` (${step.kill.signal} after write ${step.kill.afterWrites} + ${step.kill.delayMs} ms)`;
  const steps = plan.steps.map((step) => `${step.command}${kill(step)}`).join(", ");
  const destroy = `destroy${plan.destroyChaos ? " with chaos" : ""}${plan.destroyKill === undefined ? "" : kill({ kill: plan.destroyKill })}`;
  return (
    `${plan.timeouts.length} attachments on ${plan.instanceCount} instances, ${plan.credentials} credentials; ` +
    `${steps}; recovery ${plan.recovery}; ${destroy}`
  );
}
