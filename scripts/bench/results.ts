import type { LowerBound, Span } from "./analysis";
import {
  countRequests,
  lowerBound,
  noticeLags,
  returnLags,
  statusCountsOverTime,
  summarize,
} from "./analysis";
import type { FrontEndName } from "./frontEnds";
import type { ScenarioRun } from "./measure";
import { TRANSITION_MS } from "./scenarios";

/** Median and maximum of a phase's lags, in ms; undefined when the phase had no transition. */
export type LagSummary = { readonly median: number; readonly max: number } | undefined;

/** The figures of one phase (`up` or `destroy`) of a scenario. */
export interface PhaseFigures {
  readonly wallMs: number;
  /** The same phase of the empty stack, same engine settings, same bench run. */
  readonly emptyMs: number;
  /** wall − empty: what the attachments added. */
  readonly packageMs: number;
  readonly bound: LowerBound;
  /** package / lower bound. */
  readonly ratio: number;
  readonly calls: ReturnType<typeof countRequests>;
  /** Transition (USED after up, AVAILABLE after destroy) to the first successful Describe covering the NIC. */
  readonly noticeLag: LagSummary;
  /** Transition to the engine's report that the resource's step was done: the handler's return. */
  readonly returnLag: LagSummary;
  /** From the start of the phase to its first API request: engine, program and provider start-up. */
  readonly firstCallMs: number | undefined;
  /** Admitted calls per second between the phase's first and last API request. */
  readonly callRate: number | undefined;
  /** The most NICs in an in-flight status (ATTACHING or DETACHING) at once. */
  readonly maxInFlight: number;
}

/** The figures of one scenario run. */
export interface ScenarioFigures {
  readonly id: string;
  readonly title: string;
  readonly frontEnd: FrontEndName;
  readonly parallel: number | undefined;
  readonly attachments: number;
  readonly up: PhaseFigures;
  readonly destroy: PhaseFigures;
  /** The simulator's counts by action, over the whole run (429s included). */
  readonly countsByAction: Record<string, number>;
  readonly totalCalls: number;
  /** API calls per attach+detach pair. */
  readonly callsPerPair: number;
  readonly throttled: number;
  readonly serverErrors: number;
  /** Failed operations and steps, and NICs left attached. */
  readonly failures: number;
  readonly failureNotes: string[];
}

/** Up and destroy wall times of the empty stack under one `--parallel`. */
export type EmptyTimes = { readonly upMs: number; readonly destroyMs: number };

function maxInFlight(run: ScenarioRun, window: Span): number {
  const points = statusCountsOverTime(run.transitions, new Set(run.nicIds), 0);
  const inWindow = points.filter((p) => p.atMs >= window.startMs && p.atMs <= window.endMs);
  return Math.max(0, ...inWindow.map((p) => (p.counts["ATTACHING"] ?? 0) + (p.counts["DETACHING"] ?? 0)));
}

function phase(run: ScenarioRun, which: "up" | "destroy", emptyMs: number): PhaseFigures {
  const result = which === "up" ? run.up : run.destroy;
  const window: Span = { startMs: result.startedAtMs, endMs: result.finishedAtMs };
  const wallMs = result.finishedAtMs - result.startedAtMs;
  const calls = countRequests(run.requests, window);
  const stall = which === "destroy" ? (run.scenario.detachStallMs ?? 0) : 0;
  const bound = lowerBound({
    writes: run.scenario.attachments,
    transitionMs: TRANSITION_MS + stall,
    calls: calls.total - calls.throttled,
    rateLimitRps: run.scenario.faults?.rateLimitRps,
  });
  const packageMs = wallMs - emptyMs;
  const inWindow = run.requests.filter(
    (r) => r.receivedAtMs >= window.startMs && r.receivedAtMs <= window.endMs,
  );
  const [first, last] = [inWindow.at(0), inWindow.at(-1)];
  const status = which === "up" ? "USED" : "AVAILABLE";
  const notice = noticeLags(run.transitions, run.requests, status, window).map((lag) => lag.lagMs);
  const completions = result.completions ?? [];
  const returned = returnLags(run.transitions, completions, run.nicOf, status, window);
  const apiSpanMs = first === undefined || last === undefined ? 0 : last.receivedAtMs - first.receivedAtMs;
  return {
    wallMs,
    emptyMs,
    packageMs,
    bound,
    ratio: bound.ms > 0 ? packageMs / bound.ms : Number.NaN,
    calls,
    noticeLag: summarize(notice),
    returnLag: summarize(returned),
    firstCallMs: first === undefined ? undefined : first.receivedAtMs - window.startMs,
    callRate: apiSpanMs > 0 ? ((calls.total - calls.throttled) / apiSpanMs) * 1000 : undefined,
    maxInFlight: maxInFlight(run, window),
  };
}

function failuresOf(run: ScenarioRun): { count: number; notes: string[] } {
  const notes: string[] = [];
  let count = 0;
  for (const result of [run.up, run.destroy]) {
    if (!result.ok) {
      count += 1;
      notes.push(`${result.op} failed: ${(result.error ?? "").split("\n")[0] ?? ""}`);
    }
    if (result.failedSteps > 0) {
      count += result.failedSteps;
      notes.push(`${result.op}: ${result.failedSteps} failed resource step(s)`);
    }
  }
  if (run.leftBehind > 0) {
    count += run.leftBehind;
    notes.push(`${run.leftBehind} NIC(s) not AVAILABLE after destroy`);
  }
  return { count, notes };
}

/** Turns a run into its figures, against the empty stack's times under the same `--parallel`. */
export function figuresOf(run: ScenarioRun, empty: EmptyTimes): ScenarioFigures {
  const { count, notes } = failuresOf(run);
  const totalCalls = Object.values(run.counts).reduce((a, b) => a + b, 0);
  const all = countRequests(run.requests, { startMs: 0, endMs: Number.MAX_SAFE_INTEGER });
  return {
    id: run.scenario.id,
    title: run.scenario.title,
    frontEnd: run.frontEnd,
    parallel: run.parallel,
    attachments: run.scenario.attachments,
    up: phase(run, "up", empty.upMs),
    destroy: phase(run, "destroy", empty.destroyMs),
    countsByAction: run.counts,
    totalCalls,
    callsPerPair: run.scenario.attachments === 0 ? Number.NaN : totalCalls / run.scenario.attachments,
    throttled: all.throttled,
    serverErrors: all.serverErrors,
    failures: count,
    failureNotes: notes,
  };
}
