/**
 * One deadline per lookup, so a lookup against an endpoint that never answers fails in a minute,
 * naming itself and the endpoint, instead of holding up `pulumi preview` for minutes.
 * @packageDocumentation
 */
import { Deadline, ZEC_SERVICE } from "../../../sdk/index";
import type { CallOptions, ZecClient } from "../../../sdk/index";
import { FIX_PROGRAM, TIMEOUT_LIMITS } from "../inputValues";

/**
 * How long one lookup may take, every page and retry included: 60 s. Without it a lookup had the
 * client's own budget (eight attempts of up to 30 s, within five minutes), so an endpoint that
 * accepts connections and never answers held a preview for over four minutes. A minute still
 * covers two full 30 s request timeouts, or a throttled account's backoff, for the one to a few
 * Describe calls a lookup makes; a program that needs more sets `timeoutMs`.
 * @internal
 */
export const DEFAULT_LOOKUP_TIMEOUT_MS = 60_000;

/**
 * How far before the deadline a failure still counts as the deadline's: the attempt timer and the
 * wall clock the deadline reads may disagree by a millisecond or two.
 */
const CLOCK_SLACK_MS = 10;

/** A lookup's `timeoutMs`, checked: the default when unset, else 100 ms to 24 h. @internal */
export function lookupTimeoutMs(lookup: string, timeoutMs: unknown): number {
  if (timeoutMs === undefined) return DEFAULT_LOOKUP_TIMEOUT_MS;
  if (
    typeof timeoutMs !== "number" ||
    !(timeoutMs >= TIMEOUT_LIMITS.minMs && timeoutMs <= TIMEOUT_LIMITS.maxMs)
  ) {
    const range = `${String(TIMEOUT_LIMITS.minMs)} to ${String(TIMEOUT_LIMITS.maxMs)}`;
    throw new Error(`${lookup}: timeoutMs must be a number of milliseconds from ${range}. ${FIX_PROGRAM}`);
  }
  return timeoutMs;
}

/**
 * Runs a lookup's calls under one {@link Deadline} of `timeoutMs` (see {@link lookupTimeoutMs}). A
 * failure at the deadline becomes an error naming the lookup, the endpoint, the last failure and
 * what to do; any other failure passes through as it is.
 * @internal
 */
export async function withinLookupDeadline<T>(
  lookup: string,
  client: ZecClient,
  timeoutSetting: unknown,
  work: (call: CallOptions) => Promise<T>,
): Promise<T> {
  const timeoutMs = lookupTimeoutMs(lookup, timeoutSetting);
  const deadline = new Deadline(timeoutMs);
  try {
    return await work({ deadline });
  } catch (error) {
    if (deadline.remainingMs() > CLOCK_SLACK_MS) throw error;
    throw lookupTimeout(lookup, client, timeoutMs, error);
  } finally {
    deadline.dispose();
  }
}

function lookupTimeout(lookup: string, client: ZecClient, timeoutMs: number, error: unknown): Error {
  const { url, source } = client.endpointOf(ZEC_SERVICE);
  const last = error instanceof Error ? error.message : String(error);
  const message =
    `${lookup}: no answer from ${url} within the lookup's ${String(timeoutMs)} ms timeout ` +
    `(the endpoint comes from: ${source}); the last failure: ${last.replace(/[.\s]*$/, "")}. ` +
    "Check that the endpoint is reachable and is the Zenlayer API, or give the lookup more time " +
    "with the `timeoutMs` lookup option";
  return new Error(message, { cause: error });
}
