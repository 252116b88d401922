import { requestLine, writesFor } from "../format";
import type { NicView, ResourceSpec, RunTrace } from "../trace";
import { commandLevel } from "./commandLevel";
import { ENGINE_INVARIANT_NAMES } from "./trace";
import type { CommandRecord, EngineRunTrace, EngineViolation } from "./trace";

const MAX_OUTPUT_LINES = 6;

function nicText(nic: NicView | null | undefined): string {
  return nic === undefined ? "?" : nic === null ? "gone" : `${nic.status}@${nic.instanceId ?? "-"}`;
}

function seconds(trace: EngineRunTrace, ms: number): string {
  return ((ms - trace.startMs) / 1000).toFixed(1);
}

/** A command in one line, as it concerns one resource: its steps, the stack after it, the NIC then. */
function commandLine(
  trace: EngineRunTrace,
  command: CommandRecord,
  spec: ResourceSpec,
  blamed?: number,
): string {
  const mark = command.index === blamed ? "*" : " ";
  const kill =
    command.kill === undefined
      ? command.killMissed === undefined
        ? ""
        : ` [${command.killMissed} planned, command ended first]`
      : ` [${command.kill.signal} at +${seconds(trace, command.kill.atMs)} s, ${command.kill.writesSeen} writes in]`;
  const verdict = command.ok ? "ok" : `failed (${command.exit}): ${(command.error ?? "").slice(0, 160)}`;
  const steps = command.steps
    .filter((step) => step.resource === spec.name)
    .map((step) => {
      const instances = `${step.oldInstanceId ?? "-"}→${step.newInstanceId ?? "-"}`;
      return `${step.op} ${step.outcome} ${instances}${step.error === undefined ? "" : `: ${step.error.slice(0, 160)}`}`;
    });
  const held = command.stateAfter?.attachments.find((attachment) => attachment.resource === spec.name);
  const pending = command.stateAfter?.pending.filter((entry) => entry.endsWith(` ${spec.name}`)) ?? [];
  const stack =
    command.stateAfter === undefined
      ? "stack unknown"
      : `stack: ${held === undefined ? "none" : `on ${held.instanceId ?? "?"}`}${pending.length === 0 ? "" : `, pending ${pending.join(", ")}`}`;
  return [
    `   ${mark}#${command.index} +${seconds(trace, command.startMs)}..+${seconds(trace, command.endMs)} s ` +
      `${command.name} (${command.phase})${kill} ${verdict}`,
    `        steps: ${steps.length === 0 ? "none" : steps.join("; ")}; ${stack}; NIC then ${nicText(command.nicsAfter[spec.name])}`,
  ].join("\n");
}

/** The last lines of CLI output that name the NIC or the resource, over all commands. */
function outputLines(trace: EngineRunTrace, spec: ResourceSpec): string[] {
  const resourceName = new RegExp(
    `\\(${spec.name}\\)|::${spec.name}\\b|\\b${spec.name} (creat|delet|updat|refresh|replac)`,
  );
  return trace.commands
    .flatMap((command) =>
      command.output
        .split("\n")
        .filter((line) => line.includes(spec.nicId) || resourceName.test(line))
        .map((line) => `    #${command.index} ${line.trim().slice(0, 220)}`),
    )
    .slice(-MAX_OUTPUT_LINES);
}

function resourceLines(
  trace: EngineRunTrace,
  runTrace: RunTrace,
  spec: ResourceSpec,
  blamed?: number,
): string[] {
  const events = trace.events.filter((e) => e.nicId === spec.nicId || e.instanceId === spec.instanceId);
  return [
    `  ${spec.name}: NIC ${spec.nicId} → instance ${spec.instanceId}; timeouts create ${spec.createTimeoutMs} ms, ` +
      `delete ${spec.deleteTimeoutMs} ms`,
    "  commands (* = blamed):",
    ...trace.commands.map((command) => commandLine(trace, command, spec, blamed)),
    "  writes naming the NIC (when they ran, or arrived if they did not run):",
    ...writesFor(runTrace, spec.nicId).map((entry) => requestLine(runTrace, entry)),
    "  out-of-band events on the NIC or instance:",
    ...events.map(
      (e) => `    +${e.atMs - trace.startMs} ms ${e.kind} ${e.nicId ?? ""} ${e.instanceId ?? ""}`,
    ),
    "  CLI output naming the NIC or resource (last lines):",
    ...outputLines(trace, spec),
  ];
}

/**
 * A violation as a developer needs it: the seed, the invariant, how the run was set up, and the
 * resource's story over the run's commands (the blamed one starred), the writes the server ran
 * for its NIC, out-of-band events and what the CLI said about it. Times are since the run started.
 */
export function formatEngineViolation(trace: EngineRunTrace, violation: EngineViolation): string {
  const spec = trace.resources.find((candidate) => candidate.name === violation.resource);
  const head = [
    `seed ${trace.seed}: engine invariant ${violation.invariant} (${ENGINE_INVARIANT_NAMES[violation.invariant]}) ` +
      `on ${violation.resource}: ${violation.detail}`,
    `  reproduce: npm run chaos -- --engine --seed ${trace.seed}`,
    `  run: ${trace.mode} program, credentials from ${trace.credentials}, ${trace.resources.length} attachments ` +
      `on instances ${trace.instanceIds.join(", ")}`,
  ];
  if (spec === undefined) {
    const blamed = trace.commands.find((command) => command.index === violation.commandIndex);
    return [...head, ...(blamed === undefined ? [] : [`  during #${blamed.index} ${blamed.name}`])].join(
      "\n",
    );
  }
  return [
    ...head,
    ...resourceLines(trace, commandLevel(trace).index.trace, spec, violation.commandIndex),
  ].join("\n");
}

/**
 * The whole record of a run's commands, for the batch's log directory: each command's outcome,
 * kill, engine steps, the stack after it, and everything the CLI printed.
 */
export function runLogText(trace: EngineRunTrace, planLine: string): string {
  const nics = (views: Readonly<Record<string, NicView | null>>): string =>
    trace.resources.map((spec) => `${spec.name} ${nicText(views[spec.name])}`).join(", ");
  const events = trace.events.map(
    (e) =>
      `+${e.atMs - trace.startMs} ms ${e.kind}${e.nicId === undefined ? "" : ` ${e.nicId}`}` +
      `${e.instanceId === undefined ? "" : ` ${e.instanceId}`}`,
  );
  const parts = [
    `seed ${trace.seed}: ${trace.mode} program, credentials from ${trace.credentials}; ${planLine}`,
    `resources: ${trace.resources.map((spec) => `${spec.name} NIC ${spec.nicId} → ${spec.instanceId}`).join(", ")}`,
    `chaos events: ${events.join("; ") || "none"}`,
  ];
  for (const command of trace.commands) {
    const kill =
      command.kill === undefined
        ? ""
        : ` [${command.kill.signal} at +${seconds(trace, command.kill.atMs)} s after ${command.kill.writesSeen} writes]`;
    const steps = command.steps.map((step) => `${step.resource} ${step.op} ${step.outcome}`).join(", ");
    const stack =
      command.stateAfter === undefined
        ? "unknown"
        : `${command.stateAfter.attachments.map((a) => `${a.resource}@${a.instanceId ?? "?"}`).join(" ") || "empty"}` +
          (command.stateAfter.pending.length === 0
            ? ""
            : `; pending ${command.stateAfter.pending.join(", ")}`);
    parts.push(
      [
        `=== #${command.index} ${command.name} (${command.phase}) +${seconds(trace, command.startMs)}..+` +
          `${seconds(trace, command.endMs)} s${kill}: ${command.ok ? "ok" : `failed (${command.exit}): ${command.error ?? ""}`}`,
        `steps: ${steps || "none"}`,
        `stack after: ${stack}`,
        `NICs after: ${nics(command.nicsAfter)}`,
        command.output.trimEnd(),
      ].join("\n"),
    );
  }
  parts.push(`=== at the end: NICs ${nics(trace.finalNics)}`);
  return `${parts.join("\n\n")}\n`;
}
