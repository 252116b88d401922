import { percentile } from "../summary";
import type { EngineVerdict } from "./check";
import type { RunFailure } from "./failures";
import type { EnginePlan } from "./plan";
import { ENGINE_INVARIANTS } from "./trace";
import type { CommandRecord, EngineInvariantId, EngineRunTrace } from "./trace";

/** One finished engine run: what happened, what the checker found, what did not converge. */
export interface EngineRunResult {
  readonly plan: EnginePlan;
  readonly trace: EngineRunTrace;
  readonly verdict: EngineVerdict;
  readonly failures: readonly RunFailure[];
  readonly wallMs: number;
  /** The world's directory, kept when the run found something. */
  readonly keptDir?: string;
  /** SHA-256 (first 12 hex digits) of the packed package the run installed: the code it measured. */
  readonly packageSha: string;
}

/** Whether a run needs looking at: a violation, or a failure its own chaos does not explain. */
export function runFailed(result: EngineRunResult): boolean {
  return result.verdict.violations.length > 0 || result.failures.some((failure) => !failure.expected);
}

/** Violations of one invariant over all runs, by the command they were blamed on. */
export interface EngineTally {
  count: number;
  runs: number;
  byCommand: Record<string, number>;
}

type Counts = Record<string, number>;

/** The figures of a batch of engine runs, as printed and written to BENCHMARKS.md. */
export interface EngineSummary {
  readonly runs: number;
  readonly seeds: readonly number[];
  readonly invariants: Readonly<Record<EngineInvariantId, EngineTally>>;
  readonly failingSeeds: readonly number[];
  readonly crashed: readonly { readonly seed: number; readonly error: string }[];
  /** `inline env`, `on-disk secret-config`, ... */
  readonly setups: Counts;
  /** `name ok` / `name failed`, per command. */
  readonly commands: Counts;
  /** Kills sent, by signal and where (`SIGINT during chaos up`). */
  readonly kills: Counts;
  readonly killsMissed: number;
  readonly writesAtKillP50: number;
  /** Commands that found the stack locked, and the `pulumi cancel`s run. */
  readonly locked: number;
  readonly cancels: number;
  readonly clearPendingCreates: number;
  /** Runs whose stack showed pending operations after some command, and after their last command. */
  readonly pendingRuns: number;
  readonly pendingAtEnd: number;
  /** Recovery `up`s per run (1 = it succeeded at once), and destroys per run. */
  readonly recoveryUps: Counts;
  readonly destroys: Counts;
  /** `what: cause` of failures that did not converge, and whether the run's chaos explains them. */
  readonly failures: Counts;
  readonly expectedFailures: number;
  readonly racedDetaches: number;
  readonly excusedChecks: number;
  /** The chaos agent's events, by kind (out-of-band changes, reboots, bursts, lost answers). */
  readonly chaosEvents: Counts;
  /** What "SIGKILL, plugin left running" left running, by process. */
  readonly orphansLeft: Counts;
  readonly orphansAliveAtEnd: number;
  readonly requests: number;
  /** The packages the runs installed, by hash: more than one means the build changed during the batch. */
  readonly packages: Counts;
  readonly runP50Ms: number;
  readonly slowestRunMs: number;
  readonly wallMs: number;
}

function add(counts: Counts, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

function tally(results: readonly EngineRunResult[]): Record<EngineInvariantId, EngineTally> {
  const tallies = Object.fromEntries(
    ENGINE_INVARIANTS.map((id) => [id, { count: 0, runs: 0, byCommand: {} }]),
  ) as Record<EngineInvariantId, EngineTally>;
  for (const result of results) {
    const seen = new Set<EngineInvariantId>();
    for (const violation of result.verdict.violations) {
      const command = result.trace.commands.find((candidate) => candidate.index === violation.commandIndex);
      const tallied = tallies[violation.invariant];
      tallied.count++;
      add(tallied.byCommand, command === undefined ? "-" : `${command.phase} ${command.name}`);
      seen.add(violation.invariant);
    }
    for (const id of seen) tallies[id].runs++;
  }
  return tallies;
}

function orphanKinds(commands: readonly CommandRecord[]): Counts {
  const kinds: Counts = {};
  for (const orphan of commands.flatMap((command) => command.kill?.orphans ?? [])) add(kinds, orphan);
  return kinds;
}

function eventKinds(results: readonly EngineRunResult[]): Counts {
  const kinds: Counts = {};
  for (const event of results.flatMap((result) => result.trace.events)) add(kinds, event.kind);
  return kinds;
}

/** Sums up finished (and crashed) runs into the figures the report shows. */
export function summarizeEngine(
  results: readonly EngineRunResult[],
  crashed: EngineSummary["crashed"],
  wallMs: number,
): EngineSummary {
  const commands = results.flatMap((result) => result.trace.commands);
  const counts = {
    setups: {} as Counts,
    commands: {} as Counts,
    kills: {} as Counts,
    recoveryUps: {} as Counts,
    destroys: {} as Counts,
    failures: {} as Counts,
  };
  for (const result of results) {
    add(counts.setups, `${result.trace.mode} ${result.trace.credentials}`);
    const { commands: ran } = result.trace;
    add(
      counts.recoveryUps,
      String(ran.filter((c) => c.phase === "recovery" && c.name.startsWith("up")).length),
    );
    add(counts.destroys, String(ran.filter((c) => c.name === "destroy").length));
    for (const failure of result.failures) {
      add(
        counts.failures,
        `${failure.what}${failure.expected ? " (explained by out-of-band changes)" : ""}: ${failure.cause}`,
      );
    }
  }
  for (const command of commands) {
    add(counts.commands, `${command.name} ${command.ok ? "ok" : "failed"}`);
    if (command.kill !== undefined)
      add(counts.kills, `${command.kill.signal} during ${command.phase} ${command.name}`);
  }
  const writesAtKill = commands
    .flatMap((c) => (c.kill === undefined ? [] : [c.kill.writesSeen]))
    .sort((a, b) => a - b);
  const runTimes = results.map((result) => result.wallMs).sort((a, b) => a - b);
  const hasPending = (c: (typeof commands)[number]): boolean => (c.stateAfter?.pending.length ?? 0) > 0;
  return {
    runs: results.length + crashed.length,
    seeds: [...results.map((result) => result.trace.seed), ...crashed.map((crash) => crash.seed)],
    invariants: tally(results),
    failingSeeds: results.filter(runFailed).map((result) => result.trace.seed),
    crashed,
    ...counts,
    killsMissed: commands.filter((c) => c.killMissed !== undefined).length,
    writesAtKillP50: percentile(writesAtKill, 0.5),
    locked: commands.filter((c) => !c.ok && /the stack is currently locked/.test(c.output)).length,
    cancels: commands.filter((c) => c.name === "cancel").length,
    clearPendingCreates: commands.filter((c) => c.name === "refresh --clear-pending-creates").length,
    pendingRuns: results.filter((result) => result.trace.commands.some(hasPending)).length,
    pendingAtEnd: results.filter((result) => {
      const last = result.trace.commands.filter((c) => c.stateAfter !== undefined).at(-1);
      return last !== undefined && hasPending(last);
    }).length,
    expectedFailures: results.reduce((sum, r) => sum + r.failures.filter((f) => f.expected).length, 0),
    racedDetaches: results.reduce((sum, r) => sum + r.verdict.racedDetaches, 0),
    excusedChecks: results.reduce((sum, r) => sum + r.verdict.excusedChecks, 0),
    chaosEvents: eventKinds(results),
    orphansLeft: orphanKinds(commands),
    orphansAliveAtEnd: results.reduce((sum, r) => sum + r.trace.orphansAliveAtEnd, 0),
    requests: results.reduce((sum, r) => sum + r.trace.requests.length, 0),
    packages: results.reduce<Counts>(
      (all, r) => ({ ...all, [r.packageSha]: (all[r.packageSha] ?? 0) + 1 }),
      {},
    ),
    runP50Ms: percentile(runTimes, 0.5),
    slowestRunMs: runTimes.at(-1) ?? 0,
    wallMs,
  };
}
