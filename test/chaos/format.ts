import type { RequestLogEntry } from "../../simulator/index";
import type { RunResult } from "./batch";
import { planText } from "./plan";
import { INVARIANT_NAMES, nicText } from "./trace";
import type {
  CommandRecord,
  InvariantId,
  NicView,
  OpRecord,
  ResourceSpec,
  RunTrace,
  Violation,
} from "./trace";

/** How a run reads to a developer: violation traces, per-command lines, the run log. Times are ms since the run started. */

const MAX_OUTPUT_LINES = 6;
const since = (trace: RunTrace, ms: number): string => `+${ms - trace.startMs}`;

/** A command in one line: when, what, its kill, how it ended, and what it left pending. */
export function commandLine(runStartMs: number, c: CommandRecord): string {
  const at = (ms: number): string => `+${ms - runStartMs}`;
  const kill =
    c.kill !== undefined
      ? ` [${c.kill.signal} at ${at(c.kill.atMs)} ms, ${c.kill.writesSeen} writes in]`
      : c.killMissed === undefined
        ? ""
        : ` [${c.killMissed} planned, command ended first]`;
  const verdict = c.ok
    ? "ok"
    : `failed${c.exit === undefined ? "" : ` (${c.exit})`}: ${(c.error ?? "").slice(0, 160)}`;
  const pending =
    (c.stateAfter?.pending.length ?? 0) > 0 ? `; pending ${c.stateAfter?.pending.join(", ")}` : "";
  return `#${c.index} ${at(c.startMs)}..${at(c.endMs)} ms ${c.name} (${c.phase})${kill}: ${verdict}${pending}`;
}

/** An operation in one line; for an engine run (timed as its command) with the engine's steps and the stack after. */
function opLine(trace: RunTrace, op: OpRecord, command: CommandRecord | undefined, blamed: boolean): string {
  const timed =
    command?.startMs === op.startMs && command.endMs === op.endMs
      ? ""
      : ` ${since(trace, op.startMs)}..${since(trace, op.endMs)} ms`;
  const timeout = op.timeoutMs === undefined ? "" : ` (timeout ${op.timeoutMs} ms)`;
  const steps = (command?.steps ?? [])
    .filter((step) => step.resource === op.resource)
    .map((step) => `${step.op} ${step.outcome} ${step.oldInstanceId ?? "-"}→${step.newInstanceId ?? "-"}`);
  const held = command?.stateAfter?.attachments.find((attachment) => attachment.resource === op.resource);
  const stack =
    command?.stateAfter === undefined
      ? ""
      : `; stack: ${held === undefined ? "none" : `on ${held.instanceId ?? "?"}`}`;
  return (
    `    ${blamed ? "*" : " "}#${op.index} ${op.kind} → ${op.targetInstanceId}${timed}${timeout} ${op.outcome}, ` +
    `NIC then ${nicText(op.nicAfter)}${steps.length === 0 ? "" : `; steps ${steps.join(", ")}`}${stack}` +
    `${op.error === undefined ? "" : `: ${op.error.slice(0, 200)}`}`
  );
}

const momentOf = (entry: RequestLogEntry): number => entry.effect?.atMs ?? entry.receivedAtMs;

function requestLine(trace: RunTrace, entry: RequestLogEntry): string {
  const answer = `${entry.status}${entry.code === undefined ? "" : ` ${entry.code}`}`;
  const fault = entry.fault === undefined ? "" : ` [${entry.fault}]`;
  const { effect } = entry;
  const ran =
    effect === undefined
      ? "not executed"
      : `ran on ${effect.statusBefore ?? "gone"}@${effect.instanceIdBefore ?? "-"}, applied ${effect.applied}`;
  return `    ${since(trace, momentOf(entry))} ms ${entry.action ?? "?"} ${answer}${fault} ${ran} (${entry.requestId})`;
}

/** The writes that name the NIC, in time order; reads are batched over many NICs and would drown the trace. */
function writesFor(trace: RunTrace, nicId: string): RequestLogEntry[] {
  return trace.requests
    .filter(
      (entry) =>
        !(entry.action ?? "").startsWith("Describe") &&
        (entry.body as { nicId?: unknown } | null)?.nicId === nicId,
    )
    .sort((a, b) => momentOf(a) - momentOf(b));
}

/** The last provider log and CLI output lines that name the NIC or the resource. */
function outputLines(trace: RunTrace, spec: ResourceSpec): string[] {
  const names = new RegExp(
    `${spec.nicId}|\\(${spec.name}\\)|::${spec.name}\\b|\\b${spec.name} (creat|delet|updat|refresh|replac)`,
  );
  const lines = [
    ...trace.logs.map((line) => `    ${line}`),
    ...trace.commands.flatMap((c) =>
      (c.output ?? "").split("\n").map((line) => `    #${c.index} ${line.trim()}`),
    ),
  ];
  return lines
    .filter((line) => names.test(line))
    .map((line) => line.slice(0, 230))
    .slice(-MAX_OUTPUT_LINES);
}

function resourceLines(trace: RunTrace, spec: ResourceSpec, violation: Violation): string[] {
  const ops = trace.ops.filter((op) => op.resource === spec.name);
  const commands = trace.commands.filter(
    (c) => c.index === violation.commandIndex || ops.some((op) => op.command === c.index),
  );
  const events = trace.events.filter((e) => e.nicId === spec.nicId || e.instanceId === spec.instanceId);
  return [
    `  ${spec.name}: NIC ${spec.nicId} → instance ${spec.instanceId}; timeouts create ${spec.createTimeoutMs} ms, delete ${spec.deleteTimeoutMs} ms`,
    `  commands, with ${spec.name}'s operations in them (* = blamed):`,
    ...commands.flatMap((c) => [
      `  ${violation.opIndex === undefined && c.index === violation.commandIndex ? "*" : " "}${commandLine(trace.startMs, c)}`,
      ...ops
        .filter((op) => op.command === c.index)
        .map((op) => opLine(trace, op, c, op.index === violation.opIndex)),
    ]),
    "  writes naming the NIC (when they ran, or arrived if they did not run):",
    ...writesFor(trace, spec.nicId).map((entry) => requestLine(trace, entry)),
    "  out-of-band events on the NIC or instance:",
    ...events.map((e) => `    ${since(trace, e.atMs)} ms ${e.kind} ${e.nicId ?? ""} ${e.instanceId ?? ""}`),
    "  provider log and CLI output naming the NIC or resource (last lines):",
    ...outputLines(trace, spec),
  ];
}

const executorFlag = (trace: RunTrace): string => (trace.executor === "engine" ? "--engine " : "");

/**
 * A violation as a developer needs it: the seed to reproduce it, the invariant, how the run was
 * set up, and the resource's story: its commands and operations (the blamed one starred), the
 * writes the server ran for its NIC with what they found, out-of-band events, and what the
 * provider and the CLI said about it.
 */
export function formatViolation(trace: RunTrace, violation: Violation): string {
  const spec = trace.resources.find((candidate) => candidate.name === violation.resource);
  return [
    `seed ${trace.seed} (${trace.executor}): invariant ${violation.invariant} (${INVARIANT_NAMES[violation.invariant]}) ` +
      `on ${violation.resource}: ${violation.detail}`,
    `  reproduce: npm run chaos -- ${executorFlag(trace)}--seed ${trace.seed}`,
    `  run: ${trace.setup}; ${trace.resources.length} attachments on instances ${trace.instanceIds.join(", ")}`,
    ...(spec === undefined ? [] : resourceLines(trace, spec, violation)),
  ].join("\n");
}

/** Every resource's NIC, in one line. */
function nicsLine(trace: RunTrace, nics: Readonly<Record<string, NicView | null | undefined>>): string {
  return trace.resources.map((spec) => `${spec.name} ${nicText(nics[spec.name])}`).join(", ");
}

/** The whole record of a run, for the batch's log directory: each command, its steps, the stack and NICs after it, its output. */
export function runLog({ trace, plan }: Pick<RunResult, "trace" | "plan">): string {
  const events = trace.events.map((e) =>
    `${since(trace, e.atMs)} ms ${e.kind} ${e.nicId ?? ""} ${e.instanceId ?? ""}`.trim(),
  );
  const parts = [
    `seed ${trace.seed} (${trace.executor}): ${planText(plan)}; ran as: ${trace.setup}`,
    `resources: ${trace.resources.map((spec) => `${spec.name} NIC ${spec.nicId} → ${spec.instanceId}`).join(", ")}`,
    `chaos events: ${events.join("; ") || "none"}`,
    ...trace.commands.map((c) => {
      const stack = c.stateAfter?.attachments.map((a) => `${a.resource}@${a.instanceId ?? "?"}`).join(" ");
      return [
        `=== ${commandLine(trace.startMs, c)}`,
        `steps: ${(c.steps ?? []).map((step) => `${step.resource} ${step.op} ${step.outcome}`).join(", ") || "none"}`,
        `stack after: ${stack === undefined ? "unknown" : stack || "empty"}`,
        `NICs after: ${nicsLine(trace, c.nicsAfter)}`,
        (c.output ?? "").trimEnd(),
      ].join("\n");
    }),
    `=== at the end: NICs ${nicsLine(trace, Object.fromEntries(Object.entries(trace.final).map(([name, end]) => [name, end.nic])))}`,
  ];
  return `${parts.join("\n\n")}\n`;
}

/** A finished run in one line, as a batch reports it. */
export function progressLine(result: RunResult): string {
  const { trace, verdict, failures } = result;
  const found = verdict.violations.map((violation) => violation.invariant);
  const unexpected = failures.filter((failure) => !failure.expected).map((failure) => failure.what);
  const verdictText = [found.length === 0 ? "" : `violations ${found.join(",")}`, ...unexpected]
    .filter(Boolean)
    .join("; ");
  const kills = trace.commands.flatMap((c) => (c.kill === undefined ? [] : [c.kill.signal]));
  return (
    `seed ${trace.seed}: ${verdictText || "ok"}; ${trace.commands.length} commands` +
    `${kills.length === 0 ? "" : ` (killed: ${kills.join(", ")})`}, ${trace.ops.length} operations, ` +
    `${(result.wallMs / 1000).toFixed(1)} s${result.keptDir === undefined ? "" : `; kept ${result.keptDir}`}`
  );
}

/** Traces of violations: up to `perInvariant` for each invariant, by invariant, then in seed order. */
export function violationTraces(results: readonly RunResult[], perInvariant: number): string[] {
  const all = results.flatMap((result) =>
    result.verdict.violations.map((violation) => ({ result, violation })),
  );
  const shown = new Map<InvariantId, number>();
  return all
    .sort((a, b) => a.violation.invariant - b.violation.invariant)
    .filter(({ violation }) => {
      const count = shown.get(violation.invariant) ?? 0;
      shown.set(violation.invariant, count + 1);
      return count < perInvariant;
    })
    .map(({ result, violation }) => formatViolation(result.trace, violation));
}
