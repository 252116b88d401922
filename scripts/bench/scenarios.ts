import type { FaultSettings } from "../../simulator/index";

/** Every NIC transition takes this long in the simulator (about what Zenlayer's take). */
export const TRANSITION_MS = 2000;

/** One benchmark scenario: a fleet of attachments, created by `up` and removed by `destroy`. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly instances: number;
  readonly attachments: number;
  /** Faults for the whole run. */
  readonly faults?: FaultSettings;
  /** Faults set (on top of `faults`) between `up` and `destroy`. */
  readonly destroyFaults?: FaultSettings;
  /** Extra time each detach transition is held back by `destroyFaults`, for the lower bound. */
  readonly detachStallMs?: number;
  /** Dynamic resources that call no API: for timing Pulumi's dynamic-provider host alone. */
  readonly noops?: number;
}

/** The empty stack: the same program with zero attachments. */
export const EMPTY: Scenario = {
  id: "E",
  title: "empty stack (same program, zero attachments)",
  instances: 0,
  attachments: 0,
};

/** One dynamic resource that makes no API call: what loading Pulumi's dynamic-provider host costs. */
export const NOOP: Scenario = {
  id: "N",
  title: "one no-op dynamic resource (Pulumi's dynamic-provider host alone)",
  instances: 0,
  attachments: 0,
  noops: 1,
};

/** The single attachment: start-up and one transition each way, with nothing in the way. */
export const S1: Scenario = { id: "S1", title: "one attachment", instances: 1, attachments: 1 };

/** A small fleet: does the package run the attachments in parallel, and at how many calls each? */
export const S2: Scenario = {
  id: "S2",
  title: "24 attachments on 12 instances",
  instances: 12,
  attachments: 24,
};

/** S2 when the server refuses more than 10 requests/s: does the package share the rate well? */
export const S3: Scenario = {
  id: "S3",
  title: "S2 under a server limit of 10 requests/s",
  instances: 12,
  attachments: 24,
  faults: { rateLimitRps: 10 },
};

/** One attachment through a flaky API: how quickly do retries get the work done? */
export const S4: Scenario = {
  id: "S4",
  title: "one attachment, 30% of requests answered 500/503",
  instances: 1,
  attachments: 1,
  faults: { errorRate: 0.3 },
};

/** Every transition during `destroy` is held 20 s beyond its 2 s: the detach takes 22 s. */
export const S5: Scenario = {
  id: "S5",
  title: "one attachment whose detach stalls 20 s",
  instances: 1,
  attachments: 1,
  destroyFaults: { stallRate: 1, stallMs: 20_000 },
  detachStallMs: 20_000,
};

/** The fleet: 100 attachments, the server refusing more than 20 requests/s. */
export const F: Scenario = {
  id: "F",
  title: "fleet: 100 attachments on 25 instances, server limit 20 requests/s",
  instances: 25,
  attachments: 100,
  faults: { rateLimitRps: 20 },
};

/**
 * `--parallel` values compared on S2 and F; undefined is the CLI's default (4 × CPUs: 8 on the
 * bench machine), 2147483647 (math.MaxInt32) is what the CLI treats as unlimited. A fleet whose
 * operations each wait about one transition after their write needs about (request rate ×
 * transition time) operations in flight to keep the rate busy; these values bracket that.
 */
export const PARALLEL_SWEEP: ReadonlyArray<number | undefined> = [undefined, 16, 32, 64, 2147483647];

/** How `--parallel` is shown: the CLI's default, unlimited (math.MaxInt32), or the number. */
export function parallelLabel(parallel: number | undefined): string {
  if (parallel === undefined) return "default";
  return parallel >= 2147483647 ? "unlimited" : String(parallel);
}

/** The inverse of {@link parallelLabel}, for the `--parallel` flag of `npm run bench`. */
export function parseParallel(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "default") return undefined;
  if (trimmed === "unlimited") return 2147483647;
  const value = Number(trimmed);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--parallel: not a positive integer: ${trimmed}`);
  return value;
}
