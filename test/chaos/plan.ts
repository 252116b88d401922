import type { FaultSettings } from "../../simulator/index";
import { deriveStream, randomInt } from "../../simulator/random/seededRandom";
import type { Random } from "../../simulator/random/seededRandom";

/**
 * What a chaos run is made of, drawn from its seed before it starts, for both executors: the
 * handlers (the engine modelled in this process) and the engine (the real Pulumi CLI). Every choice
 * comes from the seed (the simulator's mulberry32 streams, one per purpose so that one more draw
 * never shifts another), never from `Math.random`, so a seed names the same scenario every time.
 */
export type { Random };
export type Executor = "handlers" | "engine";
export const STREAMS = { plan: 10, rounds: 100, enginePlan: 1000, engineCommands: 1100 } as const;
export const streamFor: (seed: number, stream: number) => Random = deriveStream;

export const between = (random: Random, lo: number, hi: number): number => lo + random() * (hi - lo);
/** An integer in [lo, hi], both included. */
export const intBetween = (random: Random, lo: number, hi: number): number =>
  lo + randomInt(random, hi - lo + 1);
export const chance = (random: Random, probability: number): boolean => random() < probability;
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[randomInt(random, items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}
/** One of `weights`' keys, with odds proportional to its weight. */
export function weighted<K extends string>(random: Random, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  let left = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of entries) {
    left -= weight;
    if (left < 0) return key;
  }
  return entries[0]![0];
}

/** The `pulumi` commands a run issues, as a user types them; "up with removals" drops resources from the program first. */
export type CommandName =
  | "up"
  | "up --refresh"
  | "up with removals"
  | "refresh"
  | "refresh --clear-pending-creates"
  | "destroy"
  | "cancel";
/** The part of a run a command belongs to: with out-of-band chaos, the user's recovery, the destroy. */
export type Phase = "chaos" | "recovery" | "destroy";
/** Ctrl-C (once: graceful cancel; twice: stop at once), or kill -9 (of everything, or all but the plugin). */
export type KillSignal = "SIGINT" | "SIGINT twice" | "SIGKILL" | "SIGKILL, plugin left running";
/** When and how a command is interrupted: after its `afterWrites`-th NIC write plus `delayMs`. */
export interface KillPlan {
  readonly signal: KillSignal;
  readonly afterWrites: number;
  readonly delayMs: number;
  /** For "SIGINT twice": how long after the first the second Ctrl-C comes. */
  readonly secondAfterMs: number;
}
export interface PlannedCommand {
  readonly name: CommandName;
  readonly phase: Phase;
  /** Whether out-of-band changes go on while it runs. */
  readonly chaos: boolean;
  readonly kill?: KillPlan;
}

export interface RunPlan {
  readonly seed: number;
  readonly executor: Executor;
  readonly instanceCount: number;
  readonly transitionDelayMs: number;
  readonly faults: FaultSettings;
  /** Per attachment: its `timeouts.create` and `timeouts.delete`, in ms. */
  readonly timeouts: readonly { readonly createMs: number; readonly deleteMs: number }[];
  /**
   * Handler runs: one command per round (the run ends once a destroy emptied the state). Engine
   * runs: the chaos phase, the recovery and the first destroy; the user repeats the recovery `up`
   * and the destroy while their failure says that running them again may finish them.
   */
  readonly commands: readonly PlannedCommand[];
  /** Engine runs: the program on disk through `pulumi` (when a language host can be had), else inline. */
  readonly onDisk: boolean;
  readonly credentials: "env" | "secret-config";
}

/** Handler runs: at most this many rounds; out-of-band chaos stops before {@link CHAOS_UNTIL_ROUND}. */
export const MAX_ROUNDS = 10;
export const CHAOS_UNTIL_ROUND = 7;
/** The longest read lag drawn: three times the provider's default 1 s window, which it must survive, not merely assume. */
export const MAX_STALE_READ_MS = 3000;

/** Every kind of fault present, each at a rate drawn for the run; a rate limit in 30 % of runs. */
function drawFaults(random: Random): FaultSettings {
  const latencySpikeMs = intBetween(random, 200, 2600);
  const faults: FaultSettings = {
    errorRate: between(random, 0.1, 0.3),
    resetRate: between(random, 0, 0.04),
    lostResponseRate: between(random, 0, 0.08),
    htmlRate: between(random, 0, 0.03),
    htmlStatus: 502,
    latencySpikeRate: between(random, 0, 0.04),
    latencySpikeMs,
    stallRate: between(random, 0, 0.25),
    stallMs: intBetween(random, 300, 3000),
    staleReadMs: chance(random, 0.6) ? intBetween(random, 50, MAX_STALE_READ_MS) : 0,
  };
  return chance(random, 0.3) ? { ...faults, rateLimitRps: intBetween(random, 30, 120) } : faults;
}

type Sizes = { instances: [number, number]; attachments: [number, number]; timeoutTenths: [number, number] };
/** Instances, attachments, transition time, faults and timeouts (to the 100 ms, short enough to run out under faults). */
function drawWorld(random: Random, sizes: Sizes) {
  const instanceCount = intBetween(random, ...sizes.instances);
  const attachmentCount = intBetween(random, ...sizes.attachments);
  const transitionDelayMs = intBetween(random, 30, 300);
  const faults = drawFaults(random);
  const timeout = (): number => intBetween(random, ...sizes.timeoutTenths) * 100;
  const timeouts = Array.from({ length: attachmentCount }, () => ({
    createMs: timeout(),
    deleteMs: timeout(),
  }));
  return { instanceCount, transitionDelayMs, faults, timeouts };
}

/** A handler round's command: `up`, `refresh` or removals before the destroy phase; then `destroy`, sometimes `refresh`. */
function roundCommand(seed: number, round: number, destroyFromRound: number): PlannedCommand {
  const draw = round === 0 ? 0 : streamFor(seed, STREAMS.rounds + round)();
  const destroying = round >= destroyFromRound;
  const name: CommandName = destroying
    ? draw < 0.2
      ? "refresh"
      : "destroy"
    : round === 0 || draw < 0.35
      ? "up"
      : draw < 0.7
        ? "refresh"
        : "up with removals";
  return { name, phase: destroying ? "destroy" : "chaos", chaos: round < CHAOS_UNTIL_ROUND };
}

/** The stream of a handler round for its chaos and removals, past the draw of its command. */
export function roundStream(seed: number, round: number): Random {
  const random = streamFor(seed, STREAMS.rounds + round);
  if (round > 0) random();
  return random;
}

/** Handler runs: 2–4 instances, 10–20 attachments with 1–10 s timeouts, destroy from round 2–4. */
function planHandlerRun(seed: number): RunPlan {
  const random = streamFor(seed, STREAMS.plan);
  const world = drawWorld(random, { instances: [2, 4], attachments: [10, 20], timeoutTenths: [10, 100] });
  const destroyFromRound = intBetween(random, 2, 4);
  const commands = Array.from({ length: MAX_ROUNDS }, (_, round) =>
    roundCommand(seed, round, destroyFromRound),
  );
  return { seed, executor: "handlers", ...world, commands, onDisk: false, credentials: "env" };
}

const KILL_WEIGHTS = { SIGINT: 4, "SIGINT twice": 2, SIGKILL: 3, "SIGKILL, plugin left running": 1 } as const;
const drawKill = (random: Random): KillPlan => ({
  signal: weighted<KillSignal>(random, KILL_WEIGHTS),
  afterWrites: intBetween(random, 1, 4),
  delayMs: intBetween(random, 0, 1000),
  secondAfterMs: intBetween(random, 300, 2000),
});
const withKill = (command: PlannedCommand, kill: KillPlan | undefined): PlannedCommand =>
  kill === undefined ? command : { ...command, kill };

function middleCommand(random: Random): PlannedCommand {
  const draw = random();
  const name = draw < 0.35 ? "up --refresh" : draw < 0.7 ? "refresh" : "up";
  const kill = name !== "refresh" && chance(random, 0.35) ? drawKill(random) : undefined;
  return withKill({ name, phase: "chaos", chaos: true }, kill);
}

function recoveryCommands(random: Random): PlannedCommand[] {
  const draw = random();
  const as = (name: CommandName): PlannedCommand => ({ name, phase: "recovery", chaos: false });
  if (draw < 0.4) return [as("up")];
  return draw < 0.7 ? [as("up --refresh")] : [as("refresh --clear-pending-creates"), as("up")];
}

/**
 * Engine runs: 2–3 instances, 4–8 attachments with 2–30 s timeouts; a first `up` killed in 70 % of
 * runs, 0–2 more commands (some killed), the recovery, and `destroy` (with chaos in half the runs,
 * killed in a fifth).
 */
function planEngineRun(seed: number): RunPlan {
  const random = streamFor(seed, STREAMS.enginePlan);
  const onDisk = chance(random, 0.25);
  const credentials = chance(random, 0.3) ? "secret-config" : "env";
  const world = drawWorld(random, { instances: [2, 3], attachments: [4, 8], timeoutTenths: [20, 300] });
  const first = withKill(
    { name: "up", phase: "chaos", chaos: true },
    chance(random, 0.7) ? drawKill(random) : undefined,
  );
  const middle = Array.from({ length: intBetween(random, 0, 2) }, () => middleCommand(random));
  const recovery = recoveryCommands(random);
  const destroy: PlannedCommand = { name: "destroy", phase: "destroy", chaos: chance(random, 0.5) };
  const commands = [
    first,
    ...middle,
    ...recovery,
    withKill(destroy, chance(random, 0.2) ? drawKill(random) : undefined),
  ];
  return { seed, executor: "engine", ...world, commands, onDisk, credentials };
}

export const planRun = (seed: number, executor: Executor): RunPlan =>
  executor === "engine" ? planEngineRun(seed) : planHandlerRun(seed);

/** The plan in one line, for progress output and logs. */
export function planText(plan: RunPlan): string {
  const kill = (kill?: KillPlan): string =>
    kill === undefined ? "" : ` (${kill.signal} after write ${kill.afterWrites} + ${kill.delayMs} ms)`;
  const commands = plan.commands.map(
    (c) => `${c.name}${c.chaos && c.phase !== "chaos" ? " with chaos" : ""}${kill(c.kill)}`,
  );
  const setup =
    plan.executor === "engine"
      ? `, ${plan.onDisk ? "on-disk" : "inline"} program, ${plan.credentials} credentials`
      : "";
  return `${plan.timeouts.length} attachments on ${plan.instanceCount} instances${setup}; ${commands.join(", ")}`;
}
