import type { StartupSummary } from "./analysis";
import type { LagSummary, ScenarioFigures } from "./results";
import { parallelLabel } from "./scenarios";

/**
 * Markdown tables of the bench's figures, printed by `npm run bench` and written into BENCHMARKS.md
 * as they are, so that no figure is ever copied by hand.
 */

/** Milliseconds as seconds with one decimal; "–" for a figure that does not exist. */
export function seconds(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return "–";
  return Number.isFinite(ms) ? (ms / 1000).toFixed(1) : "never";
}

/** A ratio such as 1.23×; "–" when it does not exist (no lower bound). */
export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "–";
}

const pair = (a: string, b: string): string => `${a} / ${b}`;

/** A lag summary as "median / max" seconds. */
export function lagText(lag: LagSummary): string {
  return lag === undefined ? "–" : pair(seconds(lag.median), seconds(lag.max));
}

/** A Markdown table; every column but the first is right-aligned (they hold figures). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const align = header.map((_, index) => (index === 0 ? "---" : "---:"));
  return [header, align, ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
}

const SHORT_ACTIONS: Readonly<Record<string, string>> = {
  DescribeNetworkInterfaces: "Describe",
  AttachNetworkInterface: "Attach",
  DetachNetworkInterface: "Detach",
};

/** Counts by action, shortest names first in alphabetical order of the full names. */
export function actions(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([action, n]) => `${SHORT_ACTIONS[action] ?? action} ${n}`)
    .join(", ");
}

/** The columns shared by the times tables: wall, empty stack, package, lower bound, package / bound. */
const TIME_HEADER = [
  "wall, up / destroy (s)",
  "empty stack (s)",
  "package = wall − empty (s)",
  "lower bound (s)",
  "package / bound",
];

function timeCells(f: ScenarioFigures): string[] {
  return [
    pair(seconds(f.up.wallMs), seconds(f.destroy.wallMs)),
    pair(seconds(f.up.emptyMs), seconds(f.destroy.emptyMs)),
    pair(seconds(f.up.packageMs), seconds(f.destroy.packageMs)),
    pair(seconds(f.up.bound.ms), seconds(f.destroy.bound.ms)),
    pair(ratio(f.up.ratio), ratio(f.destroy.ratio)),
  ];
}

/** Wall, empty-stack, package and lower-bound times per phase. */
export function timesTable(rows: readonly ScenarioFigures[]): string {
  return table(
    ["scenario", "--parallel", ...TIME_HEADER],
    rows.map((f) => [`${f.id}: ${f.title}`, parallelLabel(f.parallel), ...timeCells(f)]),
  );
}

/** How each front end is named in the tables. */
const FRONT_END_LABELS: Readonly<Record<ScenarioFigures["frontEnd"], string>> = {
  dynamic: "dynamic (TypeScript)",
  native: "native (YAML on the plugin)",
};

/** Native package time over dynamic, per phase: below 1 the plugin added less to the same work. */
export function packageRatios(
  native: ScenarioFigures,
  dynamic: ScenarioFigures,
): { readonly up: number; readonly destroy: number } {
  return {
    up: native.up.packageMs / dynamic.up.packageMs,
    destroy: native.destroy.packageMs / dynamic.destroy.packageMs,
  };
}

/**
 * The two front ends on the same scenarios, each against its own empty stack (the same program in
 * its language with no attachment): a dynamic row, then the native row with native / dynamic.
 */
export function frontEndTable(
  dynamic: readonly ScenarioFigures[],
  native: readonly ScenarioFigures[],
): string {
  const rows = native.flatMap((n) => {
    const d = dynamic.find((f) => f.id === n.id);
    const nativeRow = (ratios: string): string[] => [
      `${n.id}: ${n.title}`,
      FRONT_END_LABELS.native,
      ...timeCells(n),
      ratios,
    ];
    if (d === undefined) return [nativeRow("–")];
    const r = packageRatios(n, d);
    const dynamicRow = [`${d.id}: ${d.title}`, FRONT_END_LABELS.dynamic, ...timeCells(d), ""];
    return [dynamicRow, nativeRow(pair(ratio(r.up), ratio(r.destroy)))];
  });
  return table(["scenario", "front end", ...TIME_HEADER, "package, native / dynamic"], rows);
}

/** A row's scenario, with the front end when it is the native one (the tables hold both). */
export function rowLabel(f: ScenarioFigures): string {
  return f.frontEnd === "native" ? `${f.id} (native)` : f.id;
}

/** API calls, lags, 429s and failures. */
export function callsTable(rows: readonly ScenarioFigures[]): string {
  const header = [
    "scenario",
    "API calls by action",
    "calls / pair",
    "429s",
    "5xx",
    "lag to return after USED, median / max (s)",
    "lag to return after AVAILABLE (s)",
    "lag to first read, USED / AVAILABLE max (s)",
    "failures",
  ];
  return table(
    header,
    rows.map((f) => [
      rowLabel(f),
      actions(f.countsByAction),
      Number.isFinite(f.callsPerPair) ? f.callsPerPair.toFixed(2) : "–",
      String(f.throttled),
      String(f.serverErrors),
      lagText(f.up.returnLag),
      lagText(f.destroy.returnLag),
      pair(seconds(f.up.noticeLag?.max), seconds(f.destroy.noticeLag?.max)),
      f.failures === 0 ? "0" : `${f.failures} (${f.failureNotes.join("; ")})`,
    ]),
  );
}

/** Where the time went: start-up before the first call, the bound's parts, the call rate, the parallelism. */
export function diagnosticsTable(rows: readonly ScenarioFigures[]): string {
  const header = [
    "scenario",
    "first API call after start, up / destroy (s)",
    "bound = transitions + calls / limit, up (s)",
    "same, destroy (s)",
    "admitted calls/s, up / destroy",
    "most NICs in transition at once, up / destroy",
  ];
  const rate = (value: number | undefined): string => (value === undefined ? "–" : value.toFixed(1));
  return table(
    header,
    rows.map((f) => [
      rowLabel(f),
      pair(seconds(f.up.firstCallMs), seconds(f.destroy.firstCallMs)),
      `${seconds(f.up.bound.transitionMs)} + ${seconds(f.up.bound.callsMs)} (${f.up.calls.total - f.up.calls.throttled} calls)`,
      `${seconds(f.destroy.bound.transitionMs)} + ${seconds(f.destroy.bound.callsMs)} (${f.destroy.calls.total - f.destroy.calls.throttled} calls)`,
      pair(rate(f.up.callRate), rate(f.destroy.callRate)),
      pair(String(f.up.maxInFlight), String(f.destroy.maxInFlight)),
    ]),
  );
}

/** The `--parallel` comparison, with what shows where the time went (in flight, call rate, lag). */
export function sweepTable(rows: readonly ScenarioFigures[]): string {
  const header = [
    "scenario",
    "--parallel",
    "wall, up / destroy (s)",
    "package (s)",
    "package / bound",
    "most NICs in transition, up / destroy",
    "admitted calls/s, up / destroy",
    "lag to return, max up / destroy (s)",
    "API calls by action",
    "429s",
    "failures",
  ];
  const rate = (value: number | undefined): string => (value === undefined ? "–" : value.toFixed(1));
  return table(
    header,
    rows.map((f) => [
      f.id,
      parallelLabel(f.parallel),
      pair(seconds(f.up.wallMs), seconds(f.destroy.wallMs)),
      pair(seconds(f.up.packageMs), seconds(f.destroy.packageMs)),
      pair(ratio(f.up.ratio), ratio(f.destroy.ratio)),
      pair(String(f.up.maxInFlight), String(f.destroy.maxInFlight)),
      pair(rate(f.up.callRate), rate(f.destroy.callRate)),
      pair(seconds(f.up.returnLag?.max), seconds(f.destroy.returnLag?.max)),
      actions(f.countsByAction),
      String(f.throttled),
      String(f.failures),
    ]),
  );
}

/** Milliseconds as a whole number. */
export function millis(ms: number): string {
  return Number.isFinite(ms) ? `${Math.round(ms)} ms` : "–";
}

/** The plugin's start-up in one line: median, 95th percentile, extremes, how many launches. */
export function startupText(startup: StartupSummary): string {
  return `median ${millis(startup.median)}, p95 ${millis(startup.p95)} (min ${millis(startup.min)}, max ${millis(startup.max)}; ${startup.samples.length} launches)`;
}
