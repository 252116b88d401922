import { isUp, providerCommands } from "./trace";
import type { CommandRecord, EngineRunTrace, StepRecord } from "./trace";

/**
 * What did not converge in a run: not an invariant (a failure can be the right answer), but a
 * figure with its cause. `expected` marks the failures the run's own chaos explains: an `up` that
 * cannot create an attachment whose NIC was deleted, or moved to another instance, out of band.
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

/** The most telling error of a failed command: its first failed step's, else the CLI's. */
export function commandCause(command: CommandRecord): string {
  const step = command.steps.find(
    (candidate) => candidate.outcome === "failed" && candidate.error !== undefined,
  );
  if (step?.error !== undefined) return causeOf(step.error);
  if (command.kill !== undefined) return `interrupted by ${command.kill.signal}`;
  return causeOf(command.error ?? command.exit);
}

/** Out-of-band changes after which a create must fail: the NIC is gone, or on another instance. */
const BLOCKING_EVENTS: ReadonlySet<string> = new Set(["out-of-band delete", "out-of-band move"]);

/**
 * The provider's refusal to take a NIC from another instance (its attach), with its advice; the
 * groups are the NIC and the instance it is on.
 */
export const ATTACHED_ELSEWHERE = /NIC (\d+) is attached to instance (\d+), not \d+\. Detach it there first/g;

/** The provider's refusals of a NIC that is gone or on another instance. */
const REFUSED = new RegExp(`${ATTACHED_ELSEWHERE.source}|does not exist`);

/**
 * Whether the step is a create (or the create half of a replacement) refused because its NIC was
 * deleted, or moved to another instance, out of band: the provider does not take a NIC from
 * another instance, and cannot attach one that is gone.
 */
function blockedByChaos(trace: EngineRunTrace, command: CommandRecord, step: StepRecord): boolean {
  const spec = trace.resources.find((candidate) => candidate.name === step.resource);
  return (
    (step.op === "create" || step.op === "create-replacement") &&
    REFUSED.test(step.error ?? "") &&
    trace.events.some(
      (event) => BLOCKING_EVENTS.has(event.kind) && event.nicId === spec?.nicId && event.atMs < command.endMs,
    )
  );
}

/** Failures of the run's last recovery `up` and last `destroy`, and exports that failed. */
export function runFailures(trace: EngineRunTrace): RunFailure[] {
  const failures: RunFailure[] = [];
  const recovery = trace.commands.filter((command) => command.phase === "recovery" && isUp(command)).at(-1);
  if (recovery !== undefined && !recovery.ok) {
    const failed = recovery.steps.filter((step) => step.outcome === "failed");
    const expected = failed.length > 0 && failed.every((step) => blockedByChaos(trace, recovery, step));
    failures.push({
      what: "recovery up failed",
      commandIndex: recovery.index,
      cause: commandCause(recovery),
      expected,
    });
  }
  const destroy = trace.commands.filter((command) => command.name === "destroy").at(-1);
  if (destroy === undefined) {
    failures.push({ what: "no destroy ran", cause: "the run ended before its destroy", expected: false });
  } else if (!destroy.ok) {
    failures.push({
      what: "destroy failed",
      commandIndex: destroy.index,
      cause: commandCause(destroy),
      expected: false,
    });
  }
  for (const command of providerCommands(trace).filter((candidate) => candidate.stateAfter === undefined)) {
    failures.push({
      what: "stack export failed",
      commandIndex: command.index,
      cause: `no stack export after #${command.index} ${command.name}`,
      expected: false,
    });
  }
  return failures;
}
