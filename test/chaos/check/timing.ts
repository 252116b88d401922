import type { OpRecord, RunTrace, Violation } from "../trace";

/** Slack on top of a timeout: one poll's worth of bookkeeping, plus one request that was already in flight. */
export const OVERRUN_SLACK_MS = 1000;

/** How far past its own timeout an operation returned; negative when it returned in time. */
export function overrunMs(op: OpRecord): number | undefined {
  return op.timeoutMs === undefined ? undefined : op.endMs - op.startMs - op.timeoutMs;
}

/**
 * Invariant 5: `timeouts.create`/`timeouts.delete` bound the whole handler call. An operation may
 * finish the request it has in flight, so the allowance is the timeout plus about a second plus
 * one request timeout, and no more: client retries and polls must not run past it.
 */
export function overruns(trace: RunTrace): Violation[] {
  const allowance = OVERRUN_SLACK_MS + trace.requestTimeoutMs;
  const found: Violation[] = [];
  for (const op of trace.ops) {
    const over = overrunMs(op);
    if (over === undefined || over <= allowance) continue;
    found.push({
      invariant: 5,
      resource: op.resource,
      opIndex: op.index,
      detail:
        `${op.kind} took ${op.endMs - op.startMs} ms against a ${op.timeoutMs} ms timeout ` +
        `(${over} ms over; allowed ${allowance}); outcome ${op.outcome}`,
    });
  }
  return found;
}
