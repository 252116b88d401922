import type { CommandRecord, RunTrace, StepRecord } from "./trace";
import { isUp } from "./trace";

/**
 * What did not converge in a run: not an invariant (a failure can be the right answer), but a
 * figure with its cause, and a reason to look at the run unless `expected`: the run's own chaos
 * explains it (an `up` cannot create an attachment whose NIC was deleted, or moved to another
 * instance, out of band).
 */
export interface RunFailure {
  readonly what: "recovery up failed" | "destroy failed" | "no destroy ran" | "stack export failed";
  readonly commandIndex?: number;
  readonly cause: string;
  readonly expected: boolean;
}

/** An error with ids, request ids and durations taken out, so that equal causes count together. */
export function causeOf(text: string): string {
  return text
    .replace(/\(request id [^)]*\)/g, "")
    .replace(/\b[0-9a-f]{8}-[0-9a-f-]{27}\b/gi, "<id>")
    .replace(/\bT[0-9A-F]{8}-[0-9A-F-]+/g, "<request>")
    .replace(/\d{6,}/g, "<id>")
    .replace(/\b\d+(\.\d+)?(ms|s|m)\b/g, "<t>")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
}

/** The most telling error of a failed command: a failed step's or operation's, else its kill, else its own. */
function commandCause(trace: RunTrace, command: CommandRecord): string {
  const step = command.steps?.find(
    (candidate) => candidate.outcome === "failed" && candidate.error !== undefined,
  );
  const op = trace.ops.find(
    (candidate) => candidate.command === command.index && candidate.error !== undefined,
  );
  const error = step?.error ?? op?.error;
  if (error !== undefined) return causeOf(error);
  if (command.kill !== undefined) return `interrupted by ${command.kill.signal}`;
  return causeOf(command.error ?? command.exit ?? "failed");
}

/** The provider's refusal to take a NIC from another instance; the groups are the NIC and that instance. */
export const ATTACHED_ELSEWHERE = /NIC (\d+) is attached to instance (\d+), not \d+\. Detach it there first/g;
const REFUSED = new RegExp(`${ATTACHED_ELSEWHERE.source}|does not exist`);
const BLOCKING_EVENTS: ReadonlySet<string> = new Set(["out-of-band delete", "out-of-band move"]);

/** A create (or a replacement's) refused because its NIC was deleted, or moved elsewhere, out of band. */
function blockedByChaos(trace: RunTrace, command: CommandRecord, step: StepRecord): boolean {
  const nicId = trace.resources.find((spec) => spec.name === step.resource)?.nicId;
  return (
    (step.op === "create" || step.op === "create-replacement") &&
    REFUSED.test(step.error ?? "") &&
    trace.events.some((e) => BLOCKING_EVENTS.has(e.kind) && e.nicId === nicId && e.atMs < command.endMs)
  );
}

/**
 * Failures of the run's last recovery `up`; of its last `destroy`, unless a later command emptied
 * the state after all (a handler run's refresh that dropped what the destroy could not delete);
 * and stack exports that failed (engine runs).
 */
export function runFailures(trace: RunTrace): RunFailure[] {
  const failures: RunFailure[] = [];
  const recovery = trace.commands.filter((command) => command.phase === "recovery" && isUp(command)).at(-1);
  if (recovery !== undefined && !recovery.ok) {
    const failed = recovery.steps?.filter((step) => step.outcome === "failed") ?? [];
    const expected = failed.length > 0 && failed.every((step) => blockedByChaos(trace, recovery, step));
    const cause = commandCause(trace, recovery);
    failures.push({ what: "recovery up failed", commandIndex: recovery.index, cause, expected });
  }
  const destroy = trace.commands.filter((command) => command.name === "destroy").at(-1);
  if (destroy === undefined) {
    failures.push({ what: "no destroy ran", cause: "the run ended before its destroy", expected: false });
  } else if (!destroy.ok && Object.values(trace.final).some((end) => end.inState !== false)) {
    const cause = commandCause(trace, destroy);
    failures.push({ what: "destroy failed", commandIndex: destroy.index, cause, expected: false });
  }
  for (const command of trace.executor === "engine" ? trace.commands : []) {
    if (command.name === "cancel" || command.stateAfter !== undefined) continue;
    const cause = `no stack export after #${command.index} ${command.name}`;
    failures.push({ what: "stack export failed", commandIndex: command.index, cause, expected: false });
  }
  return failures;
}
