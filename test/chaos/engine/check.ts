import { raced, repeatedAttaches } from "../check/invariants";
import { credentialIn } from "../check/secrets";
import { commandLevel } from "./commandLevel";
import type { CommandLevel } from "./commandLevel";
import { leftAfterDestroy, upMismatches } from "./stateChecks";
import { isUp } from "./trace";
import type { EngineRunTrace, EngineViolation } from "./trace";

/**
 * The invariants of a run through the real engine (see scripts/chaos/README.md): 1 and 4 here on
 * the handler checker's rules, 2 and 3 in stateChecks.ts, 5 on its credential patterns.
 */

/** Detaches judged by invariant 1, with the kind that is a figure rather than a violation. */
export interface DetachVerdicts {
  readonly violations: EngineViolation[];
  /** The NIC moved after the provider's last look (see the handler checker's race window). */
  readonly raced: number;
}

/**
 * Invariant 1: no DetachNetworkInterface runs on a NIC bound to an instance other than the one the
 * program named for its resource, refused or not, whatever the stack came to record.
 */
export function judgeDetaches(
  trace: EngineRunTrace,
  level: CommandLevel = commandLevel(trace),
): DetachVerdicts {
  const violations: EngineViolation[] = [];
  let racedCount = 0;
  for (const write of level.index.writes) {
    if (write.action !== "DetachNetworkInterface") continue;
    const spec = level.index.resourceOfNic(write.effect.nicId);
    const op = level.index.ownerOp(write);
    const command = op === undefined ? undefined : level.commandOf.get(op.index);
    const bound = write.effect.instanceIdBefore;
    if (spec === undefined || command === undefined || bound === null || bound === spec.instanceId) continue;
    if (raced(level.index, write, new Set([spec.instanceId]))) {
      racedCount++;
      continue;
    }
    violations.push({
      invariant: 1,
      resource: spec.name,
      commandIndex: command.index,
      detail:
        `DetachNetworkInterface ran (applied: ${write.effect.applied}) on NIC ${write.effect.nicId} while it was ` +
        `${write.effect.statusBefore ?? "?"} on instance ${bound}, during #${command.index} ${command.name}; ` +
        `the program named ${spec.instanceId} (request ${write.entry.requestId})`,
    });
  }
  return { violations, raced: racedCount };
}
/**
 * Invariant 4: at most one applied AttachNetworkInterface per NIC per `up`, counted between
 * out-of-band changes of that NIC (the handler checker's rule, with the `up` as the operation).
 */
export function repeatedAttachesPerUp(level: CommandLevel): EngineViolation[] {
  return repeatedAttaches(level.index).flatMap((violation) => {
    const command = violation.opIndex === undefined ? undefined : level.commandOf.get(violation.opIndex);
    if (command === undefined || !isUp(command)) return [];
    const detail = violation.detail.replace(/in one \w+/, `in #${command.index} ${command.name}`);
    return [{ invariant: 4 as const, resource: violation.resource, commandIndex: command.index, detail }];
  });
}

/**
 * Invariant 5: no credential (the access key password, an `Authorization` value, a `Credential=`
 * or `Signature=`) in any CLI output, plain stack export, or file of the project, backend and
 * PULUMI_HOME. Secret config is stored as ciphertext, which never matches.
 */
export function credentialTexts(trace: EngineRunTrace): EngineViolation[] {
  const found: EngineViolation[] = [];
  const scan = (place: string, text: string | undefined, commandIndex?: number): void => {
    const what = text === undefined ? undefined : credentialIn(text, trace.secrets);
    if (what === undefined) return;
    found.push({
      invariant: 5,
      resource: "-",
      ...(commandIndex === undefined ? {} : { commandIndex }),
      detail: `${what} in ${place}`,
    });
  };
  for (const command of trace.commands) {
    scan(`the output of #${command.index} ${command.name}`, command.output, command.index);
    scan(`the stack export after #${command.index} ${command.name}`, command.exportText, command.index);
  }
  for (const file of trace.files) scan(file.place, file.text);
  return found;
}

/** What the checker found in one run: violations, and the figures that are not violations. */
export interface EngineVerdict {
  readonly violations: readonly EngineViolation[];
  readonly racedDetaches: number;
  /** NIC checks after successful `up`s skipped because the NIC moved out of band unseen. */
  readonly excusedChecks: number;
}

/** Judges one engine run against every invariant. Pure: the same trace always gives the same verdict. */
export function checkEngineRun(trace: EngineRunTrace): EngineVerdict {
  const level = commandLevel(trace);
  const detaches = judgeDetaches(trace, level);
  const mismatches = upMismatches(trace);
  const violations = [
    ...detaches.violations,
    ...leftAfterDestroy(trace),
    ...mismatches.violations,
    ...repeatedAttachesPerUp(level),
    ...credentialTexts(trace),
  ].sort((a, b) => a.invariant - b.invariant || (a.commandIndex ?? -1) - (b.commandIndex ?? -1));
  return {
    violations,
    racedDetaches: detaches.raced,
    excusedChecks: mismatches.excused,
  };
}
