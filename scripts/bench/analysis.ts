/**
 * The bench's arithmetic, kept pure so test/unit/bench can check it on hand-made logs: the lower
 * bound of a phase, the lag between a NIC's transition and the first read that saw it, and the
 * request counts of a time window.
 */

/** The parts of a simulator request-log entry the bench reads. */
export interface LoggedRequest {
  readonly receivedAtMs: number;
  readonly action: string | null;
  readonly status: number;
  readonly body: unknown;
}

/** The parts of a simulator status-transition entry the bench reads. */
export interface LoggedTransition {
  readonly atMs: number;
  readonly resource: "nic" | "instance";
  readonly id: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly cause: string;
}

/** A span of time on the shared clock (the simulator and the driver run on one machine). */
export interface Span {
  readonly startMs: number;
  readonly endMs: number;
}

/** What one phase (`up` or `destroy`) had to do, for its lower bound. */
export interface PhaseWork {
  /** NICs attached (up) or detached (destroy). */
  readonly writes: number;
  /** How long one NIC transition takes (the simulator's delay, plus a stall if one is injected). */
  readonly transitionMs: number;
  /** The API calls of the phase that the server admitted (every answer but 429). */
  readonly calls: number;
  /** The server's request limit, when there is one. */
  readonly rateLimitRps?: number | undefined;
}

/** A lower bound and its two parts. */
export interface LowerBound {
  readonly ms: number;
  readonly transitionMs: number;
  readonly callsMs: number;
}

/**
 * The lower bound of issue 10: the transition times on the critical path, plus the phase's calls
 * divided by the rate where the server limits it. Writes to different NICs may run at once (the
 * simulator accepts parallel attaches and detaches, on one instance too), so the critical path holds
 * one transition. The calls are the ones the server admitted: a 429 takes none of its capacity.
 */
export function lowerBound(work: PhaseWork): LowerBound {
  const rate = work.rateLimitRps;
  const callsMs = rate === undefined || !(rate > 0) ? 0 : (work.calls / rate) * 1000;
  const transitionMs = work.writes === 0 ? 0 : work.transitionMs;
  return { ms: transitionMs + callsMs, transitionMs, callsMs };
}

/** Whether a request is a successful DescribeNetworkInterfaces whose answer includes the NIC. */
export function describeCovers(request: LoggedRequest, nicId: string): boolean {
  if (request.action !== "DescribeNetworkInterfaces" || request.status !== 200) return false;
  const body = request.body;
  if (typeof body !== "object" || body === null) return true; // no filter: every NIC
  const ids = (body as { nicIds?: unknown }).nicIds;
  return !Array.isArray(ids) || ids.length === 0 || ids.includes(nicId);
}

/** One NIC's transition and when the client first read it back. */
export interface NoticeLag {
  readonly nicId: string;
  readonly changedAtMs: number;
  /** The first covering Describe at or after the change; undefined when none came. */
  readonly noticedAtMs: number | undefined;
  readonly lagMs: number | undefined;
}

/**
 * For each NIC transition to `to` within `span` (settled by the simulator, not forced), the lag
 * until the first successful DescribeNetworkInterfaces covering that NIC arrived at or after it:
 * how long the handler took to learn that the NIC was USED (after an attach) or AVAILABLE (after a
 * detach). Reads that failed (5xx, 429) do not count: they taught the handler nothing.
 */
export function noticeLags(
  transitions: readonly LoggedTransition[],
  requests: readonly LoggedRequest[],
  to: string,
  span: Span,
): NoticeLag[] {
  const reads = requests
    .filter((request) => request.action === "DescribeNetworkInterfaces" && request.status === 200)
    .sort((a, b) => a.receivedAtMs - b.receivedAtMs);
  return transitions
    .filter((t) => t.resource === "nic" && t.cause === "transition" && t.to === to)
    .filter((t) => t.atMs >= span.startMs && t.atMs <= span.endMs)
    .map((t) => {
      const read = reads.find((request) => request.receivedAtMs >= t.atMs && describeCovers(request, t.id));
      const noticedAtMs = read?.receivedAtMs;
      const lagMs = noticedAtMs === undefined ? undefined : noticedAtMs - t.atMs;
      return { nicId: t.id, changedAtMs: t.atMs, noticedAtMs, lagMs };
    });
}

/** A resource step the engine reported done, on the shared clock. */
export interface Completion {
  /** The resource's name in the program. */
  readonly name: string;
  readonly atMs: number;
}

/**
 * For each NIC transition to `to` within `span`, the time until the engine reported the step of the
 * resource that manages that NIC done (`nicOf` maps resource names to NIC ids): the handler's return
 * as the engine saw it. Undefined when no completion came after the transition.
 */
export function returnLags(
  transitions: readonly LoggedTransition[],
  completions: readonly Completion[],
  nicOf: ReadonlyMap<string, string>,
  to: string,
  span: Span,
): Array<number | undefined> {
  const settled = transitions.filter(
    (t) =>
      t.resource === "nic" &&
      t.cause === "transition" &&
      t.to === to &&
      t.atMs >= span.startMs &&
      t.atMs <= span.endMs,
  );
  return settled.map((t) => {
    const done = completions
      .filter((c) => nicOf.get(c.name) === t.id && c.atMs >= t.atMs)
      .reduce<number | undefined>(
        (first, c) => (first === undefined ? c.atMs : Math.min(first, c.atMs)),
        undefined,
      );
    return done === undefined ? undefined : done - t.atMs;
  });
}

/** Median and maximum of some values; a missing value (never noticed) makes the maximum infinite. */
export function summarize(
  values: ReadonlyArray<number | undefined>,
): { median: number; max: number } | undefined {
  if (values.length === 0) return undefined;
  const known = values.filter((value): value is number => value !== undefined);
  if (known.length < values.length) return { median: Number.NaN, max: Number.POSITIVE_INFINITY };
  const sorted = known.slice().sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? Number.NaN;
  return { median: (upper + lower) / 2, max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** Requests that arrived within a span, by action; 429 answers counted separately as well. */
export function countRequests(
  requests: readonly LoggedRequest[],
  span: Span,
): { byAction: Record<string, number>; total: number; throttled: number; serverErrors: number } {
  const byAction: Record<string, number> = {};
  let total = 0;
  let throttled = 0;
  let serverErrors = 0;
  for (const request of requests) {
    if (request.receivedAtMs < span.startMs || request.receivedAtMs > span.endMs) continue;
    const action = request.action ?? "(none)";
    byAction[action] = (byAction[action] ?? 0) + 1;
    total += 1;
    if (request.status === 429) throttled += 1;
    if (request.status >= 500) serverErrors += 1;
  }
  return { byAction, total, throttled, serverErrors };
}

/** The NIC statuses the fleet timeline counts. */
export const TIMELINE_STATUSES = ["AVAILABLE", "ATTACHING", "USED", "DETACHING"] as const;

/** How many of the given NICs were in each status, after each change. */
export interface StatusCounts {
  readonly atMs: number;
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * The status counts of `nicIds` over time, from their transitions (every NIC starts `initial`):
 * one point at `startMs` and one after every change, for a step plot.
 */
export function statusCountsOverTime(
  transitions: readonly LoggedTransition[],
  nicIds: ReadonlySet<string>,
  startMs: number,
  initial = "AVAILABLE",
): StatusCounts[] {
  const statusOf = new Map([...nicIds].map((id) => [id, initial]));
  const counts: Record<string, number> = Object.fromEntries(TIMELINE_STATUSES.map((status) => [status, 0]));
  counts[initial] = nicIds.size;
  const points: StatusCounts[] = [{ atMs: startMs, counts: { ...counts } }];
  for (const t of [...transitions].sort((a, b) => a.atMs - b.atMs)) {
    if (t.resource !== "nic" || !nicIds.has(t.id) || t.atMs < startMs) continue;
    const before = statusOf.get(t.id) ?? initial;
    const after = t.to ?? "gone";
    counts[before] = (counts[before] ?? 0) - 1;
    counts[after] = (counts[after] ?? 0) + 1;
    statusOf.set(t.id, after);
    points.push({ atMs: t.atMs, counts: { ...counts } });
  }
  return points;
}

/**
 * The value below which `fraction` of the values lie, by the nearest-rank method (the smallest
 * value with at least that fraction at or below it): a value that was measured, never interpolated.
 */
export function nearestRank(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The plugin's start-up times: the samples, and their median, 95th percentile and extremes, in ms. */
export interface StartupSummary {
  readonly samples: readonly number[];
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/** Summarizes start-up samples (ms): the median as {@link summarize} takes it, p95 by nearest rank. */
export function startupSummary(samples: readonly number[]): StartupSummary {
  const summary = summarize(samples);
  return {
    samples,
    median: summary?.median ?? Number.NaN,
    p95: nearestRank(samples, 0.95),
    min: samples.length === 0 ? Number.NaN : Math.min(...samples),
    max: summary?.max ?? Number.NaN,
  };
}
