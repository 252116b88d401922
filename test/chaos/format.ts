import type { RequestLogEntry } from "../../simulator/index";
import { INVARIANT_NAMES } from "./trace";
import type { NicView, OpRecord, ResourceSpec, RunTrace, Violation } from "./trace";

const MAX_LOG_LINES = 6;

function nicText(nic: NicView | null): string {
  return nic === null ? "gone" : `${nic.status}@${nic.instanceId ?? "-"}`;
}

function opLine(trace: RunTrace, op: OpRecord, blamed: number | undefined): string {
  const mark = op.index === blamed ? "*" : " ";
  const timeout = op.timeoutMs === undefined ? "" : ` (timeout ${op.timeoutMs})`;
  const error = op.error === undefined ? "" : `: ${op.error.slice(0, 200)}`;
  return (
    `   ${mark}#${op.index} round ${op.round} ${op.kind} → ${op.targetInstanceId} ` +
    `+${op.startMs - trace.startMs}..+${op.endMs - trace.startMs} ms${timeout} ${op.outcome}, ` +
    `NIC then ${nicText(op.nicAfter)}${error}`
  );
}

export function requestLine(trace: RunTrace, entry: RequestLogEntry): string {
  const at = `+${momentOf(entry) - trace.startMs}`;
  const answer = `${entry.status}${entry.code === undefined ? "" : ` ${entry.code}`}`;
  const fault = entry.fault === undefined ? "" : ` [${entry.fault}]`;
  const effect =
    entry.effect === undefined
      ? "not executed"
      : `ran on ${entry.effect.statusBefore ?? "gone"}@${entry.effect.instanceIdBefore ?? "-"}, ` +
        `applied ${entry.effect.applied}`;
  return `    ${at} ms ${entry.action ?? "?"} ${answer}${fault} ${effect} (${entry.requestId})`;
}

const momentOf = (entry: RequestLogEntry): number => entry.effect?.atMs ?? entry.receivedAtMs;

/** The writes that name the NIC, in time order; reads are batched over many NICs and would drown the trace. */
export function writesFor(trace: RunTrace, nicId: string): RequestLogEntry[] {
  return trace.requests
    .filter((entry) => {
      const body = entry.body as { nicId?: unknown } | null;
      return !(entry.action ?? "").startsWith("Describe") && body !== null && body.nicId === nicId;
    })
    .sort((a, b) => momentOf(a) - momentOf(b));
}

function resourceLines(trace: RunTrace, spec: ResourceSpec, blamed: number | undefined): string[] {
  const ops = trace.ops.filter((op) => op.resource === spec.name);
  const events = trace.events.filter((e) => e.nicId === spec.nicId || e.instanceId === spec.instanceId);
  const logs = trace.logs.filter((line) => line.includes(spec.nicId)).slice(-MAX_LOG_LINES);
  return [
    `  ${spec.name}: NIC ${spec.nicId} → instance ${spec.instanceId}; timeouts create ${spec.createTimeoutMs} ms, delete ${spec.deleteTimeoutMs} ms`,
    "  operations (* = blamed):",
    ...ops.map((op) => opLine(trace, op, blamed)),
    "  writes naming the NIC (when they ran, or arrived if they did not run):",
    ...writesFor(trace, spec.nicId).map((entry) => requestLine(trace, entry)),
    "  out-of-band events on the NIC or instance:",
    ...events.map(
      (e) => `    +${e.atMs - trace.startMs} ms ${e.kind} ${e.nicId ?? ""} ${e.instanceId ?? ""}`,
    ),
    "  provider log (last lines naming the NIC):",
    ...logs.map((line) => `    ${line}`),
  ];
}

/**
 * A violation as a developer needs it: the seed to reproduce it, the invariant, and the
 * resource's story (operations, the writes the server ran for its NIC, what happened behind its
 * back). Times are ms since the run started.
 */
export function formatViolation(trace: RunTrace, violation: Violation): string {
  const spec = trace.resources.find((candidate) => candidate.name === violation.resource);
  const head = [
    `seed ${trace.seed}: invariant ${violation.invariant} (${INVARIANT_NAMES[violation.invariant]}) ` +
      `on ${violation.resource}: ${violation.detail}`,
    `  reproduce: npm run chaos -- --seed ${trace.seed}`,
  ];
  return [...head, ...(spec === undefined ? [] : resourceLines(trace, spec, violation.opIndex))].join("\n");
}
