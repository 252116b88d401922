import type { ChaosAgent } from "../chaosAgent";
import { ATTACHED_ELSEWHERE } from "./failures";
import type { EnginePlan } from "./plan";
import type { CommandRecord } from "./trace";
import type { Session } from "./session";

/**
 * The three parts of an engine run, as its user goes through them: the planned commands with
 * chaos, the recovery, and the destroy.
 */

/** `up` attempts of the recovery, and `destroy` attempts, while the failures say to run them again. */
const MAX_UP_ATTEMPTS = 4;
const MAX_DESTROY_ATTEMPTS = 4;
/** A failure message that says running the command again may finish it (time ran out, a cancel). */
const PASSING =
  /did not finish within|keep trying|run `pulumi up` again to finish|update canceled|currently locked/i;

/** Whether running the command again could help, by what the CLI and the engine's steps said. */
function worthAnotherTry(command: CommandRecord): boolean {
  if (command.kill !== undefined) return true;
  const said = [command.error ?? "", ...command.steps.map((step) => step.error ?? "")].join("\n");
  return PASSING.test(said);
}

/** The chaos phase: the planned commands, with out-of-band changes while each runs. */
export async function chaosPhase(session: Session, plan: EnginePlan): Promise<void> {
  for (const step of plan.steps) {
    await session.runAsUser(step.command, {
      phase: "chaos",
      chaos: true,
      ...(step.kill === undefined ? {} : { kill: step.kill }),
    });
  }
}

/** The NICs a failed `up` said are attached to another instance, with that instance. */
function attachedElsewhere(command: CommandRecord): { nicId: string; instanceId: string }[] {
  const said = [command.output, ...command.steps.map((step) => step.error ?? "")].join("\n");
  const found = new Map<string, string>();
  for (const match of said.matchAll(ATTACHED_ELSEWHERE)) found.set(match[1] ?? "", match[2] ?? "");
  return [...found].map(([nicId, instanceId]) => ({ nicId, instanceId }));
}

/**
 * The user's recovery: the planned refresh, then `up` until it succeeds. When it fails because a
 * NIC is attached to another instance, the user does what the message says (detaches it there, in
 * the console) and runs `up` again; when it failed for a passing reason, just again; else stops.
 */
export async function recoveryPhase(session: Session, plan: EnginePlan): Promise<void> {
  if (plan.recovery === "refresh --clear-pending-creates, up") {
    await session.runAsUser("refresh --clear-pending-creates", { phase: "recovery" });
  }
  const name = plan.recovery === "up --refresh" ? "up --refresh" : "up";
  for (let attempt = 1; attempt <= MAX_UP_ATTEMPTS; attempt++) {
    const up = await session.runAsUser(name, { phase: "recovery" });
    if (up.ok) return;
    const elsewhere = attachedElsewhere(up);
    if (elsewhere.length > 0) session.detachAsUser(elsewhere);
    else if (!worthAnotherTry(up)) return;
  }
}

/** `destroy`, the first one maybe with chaos or a kill, again while the failure is passing. */
export async function destroyPhase(session: Session, plan: EnginePlan, agent: ChaosAgent): Promise<void> {
  for (let attempt = 1; attempt <= MAX_DESTROY_ATTEMPTS; attempt++) {
    const first = attempt === 1;
    const destroy = await session.runAsUser("destroy", {
      phase: "destroy",
      chaos: first && plan.destroyChaos,
      ...(first && plan.destroyKill !== undefined ? { kill: plan.destroyKill } : {}),
    });
    if (first) agent.finish();
    if (destroy.ok || !worthAnotherTry(destroy)) return;
  }
}
