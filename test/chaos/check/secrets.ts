import type { RunTrace, Violation } from "../trace";

/**
 * What a signed request's credentials look like in text: the header name followed by a value,
 * and the two parts of a ZC2-HMAC-SHA256 authorization. Error codes such as
 * `AUTHFAILURE_INVALID_AUTHORIZATION` do not match (no value follows).
 */
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /\bauthorization\b["']?\s*[:=]/i,
  /\bCredential=/,
  /\bSignature=/,
];

/** The first credential-looking text in `text`, or undefined. */
export function credentialIn(text: string, secrets: readonly string[]): string | undefined {
  const literal = secrets.find((secret) => secret !== "" && text.includes(secret));
  if (literal !== undefined) return "the access key password";
  const pattern = CREDENTIAL_PATTERNS.find((candidate) => candidate.test(text));
  return pattern === undefined ? undefined : `text matching ${pattern.source}`;
}

/**
 * Invariant 6: neither errors (message, stack, fields, causes), nor the provider's log lines,
 * nor the properties the engine stores (and so writes to the state file) hold a credential. The
 * simulator's request log is scanned too, as a check on the observation itself.
 */
export function credentialLeaks(trace: RunTrace): Violation[] {
  const found: Violation[] = [];
  for (const op of trace.ops) {
    const places: [string, string | undefined][] = [
      ["error", op.errorText],
      ["stored properties", op.storedProps === undefined ? undefined : JSON.stringify(op.storedProps)],
    ];
    for (const [place, text] of places) {
      const what = text === undefined ? undefined : credentialIn(text, trace.secrets);
      if (what !== undefined) {
        found.push({
          invariant: 6,
          resource: op.resource,
          opIndex: op.index,
          detail: `${what} in the ${place}`,
        });
      }
    }
  }
  const sources: [string, string[]][] = [
    ["provider log", [...trace.logs]],
    ["simulator request log", trace.requests.map((entry) => JSON.stringify(entry))],
  ];
  for (const [place, lines] of sources) {
    const hit = lines.find((line) => credentialIn(line, trace.secrets) !== undefined);
    if (hit !== undefined) {
      const what = credentialIn(hit, trace.secrets) ?? "";
      found.push({ invariant: 6, resource: "-", detail: `${what} in the ${place}: ${hit.slice(0, 160)}` });
    }
  }
  return found;
}
