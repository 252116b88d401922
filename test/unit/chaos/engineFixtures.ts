import type { CommandName, CommandRecord, EngineRunTrace, StackView } from "../../chaos/engine/trace";
import type { NicView } from "../../chaos/trace";
import { FREE, NIC, OTHER, OWN, SECRET, SPEC, T0 } from "./traceFixtures";

/** Hand-made engine runs for the engine checker's own tests: attachment r0 (SPEC) of NIC → OWN. */

/** The stack holding r0 on `instanceId`. */
export function holding(instanceId: string = OWN): StackView {
  return { attachments: [{ resource: SPEC.name, id: `${NIC}:${instanceId}`, instanceId }], pending: [] };
}

export const EMPTY: StackView = { attachments: [], pending: [] };

/** A command from `startMs` to `endMs` (relative to T0). */
export function command(
  index: number,
  name: CommandName,
  [startMs, endMs]: [number, number],
  nicAfter: NicView | null,
  extra: Partial<CommandRecord> = {},
): CommandRecord {
  return {
    index,
    name,
    phase: name === "destroy" ? "destroy" : "chaos",
    startMs: T0 + startMs,
    endMs: T0 + endMs,
    ok: true,
    exit: "exit code 0",
    output: "",
    steps: [],
    stateAfter: name === "destroy" ? EMPTY : holding(),
    exportText: "{}",
    nicsAfter: { [SPEC.name]: nicAfter },
    ...extra,
  };
}

/** A whole engine run; by default it ends with r0's NIC free. */
export function engineTrace(parts: Partial<EngineRunTrace>): EngineRunTrace {
  return {
    seed: 42,
    startMs: T0,
    mode: "inline",
    credentials: "env",
    resources: [SPEC],
    instanceIds: [OWN, OTHER],
    commands: [],
    requests: [],
    events: [],
    secrets: [SECRET],
    files: [],
    finalNics: { [SPEC.name]: FREE },
    orphansAliveAtEnd: 0,
    ...parts,
  };
}
