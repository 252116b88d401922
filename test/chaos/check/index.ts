import type { OpRecord, RunTrace, Violation } from "../trace";
import { attachedAfterDelete, leakedAttachments, upMismatches } from "./state";
import { TraceIndex } from "./traceIndex";
import { foreignDetaches, repeatedAttaches } from "./writes";

export { LOOK_TO_SEND_MS } from "./writes";

/** What the checker found in one run: the violations, and the figures that are not violations. */
export interface Verdict {
  readonly violations: readonly Violation[];
  /** Detaches of a NIC that moved between the provider's last look and the server running them. */
  readonly racedDetaches: number;
  /** Checks after a successful `up` skipped because the NIC moved out of band unseen. */
  readonly excusedChecks: number;
}

/**
 * Judges one run, from either executor, against every invariant (see test/chaos/README.md). Pure:
 * it reads only the trace, so the same trace always gives the same verdict, and hand-made traces
 * test the checker itself. An invariant whose data the trace lacks finds nothing (see `JUDGED`).
 */
export function checkRun(trace: RunTrace): Verdict {
  const index = new TraceIndex(trace);
  const detaches = foreignDetaches(index);
  const ups = upMismatches(index);
  const violations = [
    ...detaches.violations,
    ...attachedAfterDelete(index),
    ...leakedAttachments(index),
    ...repeatedAttaches(index),
    ...overruns(trace),
    ...credentialLeaks(trace),
    ...ups.violations,
  ].sort(
    (a, b) =>
      a.invariant - b.invariant || (a.opIndex ?? a.commandIndex ?? -1) - (b.opIndex ?? b.commandIndex ?? -1),
  );
  return { violations, racedDetaches: detaches.raced, excusedChecks: ups.excused };
}

/** Slack on top of a timeout: one poll's worth of bookkeeping, plus one request already in flight. */
export const OVERRUN_SLACK_MS = 1000;

/** How far past its own timeout an operation returned; negative when in time; undefined when it has none. */
export function overrunMs(op: OpRecord): number | undefined {
  return op.timeoutMs === undefined ? undefined : op.endMs - op.startMs - op.timeoutMs;
}

/**
 * Invariant 5: `timeouts.create`/`timeouts.delete` bound the whole handler call. It may finish the
 * request it has in flight, so the allowance is the timeout plus a second plus one request
 * timeout, and no more: client retries and polls must not run past it.
 */
function overruns(trace: RunTrace): Violation[] {
  const allowance = OVERRUN_SLACK_MS + (trace.requestTimeoutMs ?? 0);
  return trace.ops.flatMap((op) => {
    const over = overrunMs(op);
    if (over === undefined || over <= allowance) return [];
    const detail =
      `${op.kind} took ${op.endMs - op.startMs} ms against a ${op.timeoutMs} ms timeout ` +
      `(${over} ms over; allowed ${allowance}); outcome ${op.outcome}`;
    return [
      { invariant: 5 as const, resource: op.resource, opIndex: op.index, commandIndex: op.command, detail },
    ];
  });
}

/**
 * What a signed request's credentials look like in text: the header name followed by a value, and
 * the two parts of a ZC2-HMAC-SHA256 authorization. Error codes such as
 * `AUTHFAILURE_INVALID_AUTHORIZATION` do not match (no value follows).
 */
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /\bauthorization\b["']?\s*[:=]/i,
  /\bCredential=/,
  /\bSignature=/,
];

/** The first credential-looking text in `text`, or undefined. */
export function credentialIn(text: string, secrets: readonly string[]): string | undefined {
  if (secrets.some((secret) => secret !== "" && text.includes(secret))) return "the access key password";
  const pattern = CREDENTIAL_PATTERNS.find((candidate) => candidate.test(text));
  return pattern === undefined ? undefined : `text matching ${pattern.source}`;
}

/**
 * Invariant 6: no credential in what a run shows anyone or stores: errors (message, stack, fields,
 * causes), stored properties, provider log lines, CLI output, plain stack exports, the files of
 * the project, backend and PULUMI_HOME (secret config is ciphertext, which never matches), and
 * the simulator's request log (a check on the observation itself).
 */
function credentialLeaks(trace: RunTrace): Violation[] {
  type Place = { place: string; text?: string | undefined; op?: OpRecord; commandIndex?: number };
  const places: Place[] = [
    ...trace.ops.flatMap((op) => [
      { place: "the error", text: op.errorText, op },
      { place: "the stored properties", text: op.storedProps && JSON.stringify(op.storedProps), op },
    ]),
    ...trace.commands.flatMap((c) => [
      { place: `the output of #${c.index} ${c.name}`, text: c.output, commandIndex: c.index },
      { place: `the stack export after #${c.index} ${c.name}`, text: c.exportText, commandIndex: c.index },
    ]),
    { place: "the provider log", text: trace.logs.join("\n") },
    {
      place: "the simulator's request log",
      text: trace.requests.map((entry) => JSON.stringify(entry)).join("\n"),
    },
    ...trace.files,
  ];
  return places.flatMap(({ place, text, op, commandIndex }) => {
    const what = text === undefined ? undefined : credentialIn(text, trace.secrets);
    if (what === undefined) return [];
    const blame = op === undefined ? {} : { opIndex: op.index, commandIndex: op.command };
    const command = commandIndex === undefined ? {} : { commandIndex };
    return [
      {
        invariant: 6 as const,
        resource: op?.resource ?? "-",
        ...blame,
        ...command,
        detail: `${what} in ${place}`,
      },
    ];
  });
}
