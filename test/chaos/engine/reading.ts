import type { StackView, StepRecord } from "../trace";
import type { DeployedResource, Deployment } from "../../e2e/support/stackState";
import { ATTACHMENT_TYPE, attachmentsIn } from "../../e2e/support/stackState";

/** The resource name at the end of a URN (`...::NetworkInterfaceAttachment::a3` → `a3`). */
function nameOf(urn: string): string {
  return urn.split("::").at(-1) ?? urn;
}

function instanceOf(properties: Record<string, unknown> | undefined): string | undefined {
  const value = properties?.["instanceId"];
  return typeof value === "string" ? value : undefined;
}

function recordedInstance(resource: DeployedResource): string | undefined {
  return instanceOf(resource.outputs) ?? instanceOf(resource.inputs) ?? resource.id?.split(":")[1];
}

/** The stack's attachments and pending operations, from `pulumi stack export` text. */
export function stackViewOf(exportText: string): StackView {
  const deployment = (JSON.parse(exportText) as { deployment?: Deployment }).deployment;
  const attachments = attachmentsIn(deployment).map((resource) => ({
    resource: nameOf(resource.urn),
    id: resource.id ?? "",
    instanceId: recordedInstance(resource),
  }));
  const pending = (deployment?.pending_operations ?? []).map(
    (operation) => `${operation.type} ${nameOf(operation.resource.urn)}`,
  );
  return { attachments, pending };
}

/** The parts of an engine event (`--event-log` line, or the Automation API's `onEvent`) read here. */
interface StepState {
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}
interface StepMetadata {
  readonly op: string;
  readonly urn: string;
  readonly type: string;
  readonly old?: StepState | null;
  readonly new?: StepState | null;
}
interface EngineEvent {
  readonly resourcePreEvent?: { readonly metadata: StepMetadata };
  readonly resOutputsEvent?: { readonly metadata: StepMetadata };
  readonly resOpFailedEvent?: { readonly metadata: StepMetadata };
  readonly diagnosticEvent?: { readonly urn?: string; readonly message: string; readonly severity: string };
}

/** The line of an engine error message that says what went wrong (`* attaching NIC ... did not finish ...`). */
function errorLine(message: string): string {
  const lines = message.split("\n").map((line) => line.replace(/^\s*\*\s*/, "").trim());
  return lines.find((line) => line !== "" && !/^\d+ errors? occurred:?$/.test(line)) ?? "";
}

function stepOf(metadata: StepMetadata, outcome: StepRecord["outcome"]): StepRecord {
  const oldInstance =
    instanceOf(metadata.old?.outputs ?? undefined) ?? instanceOf(metadata.old?.inputs ?? undefined);
  const newInstance =
    instanceOf(metadata.new?.outputs ?? undefined) ?? instanceOf(metadata.new?.inputs ?? undefined);
  return {
    resource: nameOf(metadata.urn),
    op: metadata.op,
    outcome,
    ...(oldInstance === undefined ? {} : { oldInstanceId: oldInstance }),
    ...(newInstance === undefined ? {} : { newInstanceId: newInstance }),
  };
}

/**
 * The attachments' steps in one command's engine events, in the order they started: each
 * `ok` (outputs event), `failed` (failure event, with the error the engine printed for the
 * resource) or `unfinished` (the command ended, or was killed, first).
 */
export function stepsOf(eventLines: string): StepRecord[] {
  const steps: StepRecord[] = [];
  const open = new Map<string, number>();
  const errors = new Map<string, string>();
  for (const line of eventLines.split("\n")) {
    if (line.trim() === "") continue;
    let event: EngineEvent;
    try {
      event = JSON.parse(line) as EngineEvent;
    } catch {
      continue; // a line cut short by a kill
    }
    const diagnostic = event.diagnosticEvent;
    if (diagnostic?.severity === "error" && diagnostic.urn !== undefined) {
      errors.set(nameOf(diagnostic.urn), errorLine(diagnostic.message));
    }
    const started = event.resourcePreEvent?.metadata;
    const done = event.resOutputsEvent?.metadata ?? event.resOpFailedEvent?.metadata;
    const metadata = started ?? done;
    if (metadata === undefined || metadata.type !== ATTACHMENT_TYPE) continue;
    // One resource's steps run one after another; the end of a step may name another op than its
    // start (a refresh's outputs event says `same`), so it closes the resource's open step.
    if (started !== undefined) {
      open.set(metadata.urn, steps.length);
      steps.push(stepOf(started, "unfinished"));
      continue;
    }
    const outcome = event.resOutputsEvent === undefined ? "failed" : "ok";
    const finished = stepOf(metadata, outcome);
    const at = open.get(metadata.urn);
    const begun = at === undefined ? undefined : steps[at];
    if (at === undefined || begun === undefined) steps.push(finished);
    else steps[at] = { ...begun, ...finished, op: begun.op };
    open.delete(metadata.urn);
  }
  return steps.map((step) => {
    const error = step.outcome === "failed" ? errors.get(step.resource) : undefined;
    return error === undefined ? step : { ...step, error };
  });
}
