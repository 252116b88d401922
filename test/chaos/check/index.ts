import type { RunTrace, Violation } from "../trace";
import { attachedAfterDelete, foreignDetaches, racedDetaches, repeatedAttaches } from "./invariants";
import { leakedAttachments } from "./leaks";
import { credentialLeaks } from "./secrets";
import { overruns } from "./timing";
import { TraceIndex } from "./traceIndex";

export { overrunMs, OVERRUN_SLACK_MS } from "./timing";
export { LOOK_TO_SEND_MS } from "./invariants";
export { credentialIn } from "./secrets";

/**
 * Judges one run against every invariant. Pure: it reads only the trace, so the same trace
 * always gives the same verdict, and hand-made traces test the checker itself.
 */
export function checkRun(trace: RunTrace): Violation[] {
  const index = new TraceIndex(trace);
  return [
    ...foreignDetaches(index),
    ...attachedAfterDelete(index),
    ...leakedAttachments(index),
    ...repeatedAttaches(index),
    ...overruns(trace),
    ...credentialLeaks(trace),
  ].sort((a, b) => a.invariant - b.invariant || (a.opIndex ?? -1) - (b.opIndex ?? -1));
}

/** Detaches of a NIC that moved between the provider's last look and the server running them (a figure). */
export function countRacedDetaches(trace: RunTrace): number {
  return racedDetaches(new TraceIndex(trace));
}
