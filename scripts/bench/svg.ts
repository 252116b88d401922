import type { LoggedRequest, StatusCounts } from "./analysis";
import { TIMELINE_STATUSES } from "./analysis";

/**
 * A hand-written SVG timeline of a fleet run (no plotting dependency): requests per second by
 * action, with 429 answers as their own colour, above the count of NICs in each status.
 */

/** What the timeline shows. */
export interface TimelineInput {
  readonly title: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly requests: readonly LoggedRequest[];
  readonly statusPoints: readonly StatusCounts[];
  /** Vertical markers, e.g. where `up` and `destroy` start and end. */
  readonly marks: ReadonlyArray<{ readonly atMs: number; readonly label: string }>;
  readonly binMs?: number;
}

const WIDTH = 1000;
const LEFT = 60;
const RIGHT = 150;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const REQUESTS_PANEL = { top: 60, height: 200 };
const STATUS_PANEL = { top: 320, height: 200 };
const HEIGHT = STATUS_PANEL.top + STATUS_PANEL.height + 50;

/** Request categories, bottom to top, and their colours. */
const CATEGORIES: ReadonlyArray<readonly [string, string]> = [
  ["Describe", "#4e79a7"],
  ["Attach", "#59a14f"],
  ["Detach", "#f28e2b"],
  ["other", "#9c9c9c"],
  ["429 throttled", "#e15759"],
];
const STATUS_COLOURS: Readonly<Record<(typeof TIMELINE_STATUSES)[number], string>> = {
  AVAILABLE: "#9c9c9c",
  ATTACHING: "#8cd17d",
  USED: "#59a14f",
  DETACHING: "#f28e2b",
};

/** Whether a character may appear in XML 1.0 text: tab, line feed, carriage return, or from space up. */
function allowedInXml(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0x20 || char === "\t" || char === "\n" || char === "\r";
}

/**
 * Text for XML: the five special characters escaped, and the control characters XML 1.0 forbids
 * dropped (a title or label holding one would make the whole picture unreadable).
 */
export function escapeXml(text: string): string {
  return [...text]
    .filter(allowedInXml)
    .join("")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function category(request: LoggedRequest): string {
  if (request.status === 429) return "429 throttled";
  switch (request.action) {
    case "DescribeNetworkInterfaces":
      return "Describe";
    case "AttachNetworkInterface":
      return "Attach";
    case "DetachNetworkInterface":
      return "Detach";
    default:
      return "other";
  }
}

/** A round step for axis ticks: at most about `count` ticks over `span`. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw);
  return step ?? 10 * power;
}

const fixed = (value: number): string => (Math.round(value * 10) / 10).toString();

function text(x: number, y: number, content: string, attributes = ""): string {
  return `<text x="${fixed(x)}" y="${fixed(y)}"${attributes}>${escapeXml(content)}</text>`;
}

/** Axes, horizontal grid lines and y labels of one panel. */
function panelFrame(panel: { top: number; height: number }, yMax: number, label: string): string[] {
  const parts = [text(LEFT, panel.top - 10, label, ' font-weight="bold"')];
  const step = niceStep(yMax, 4);
  for (let value = 0; value <= yMax; value += step) {
    const y = panel.top + panel.height - (value / yMax) * panel.height;
    parts.push(
      `<line x1="${LEFT}" y1="${fixed(y)}" x2="${LEFT + PLOT_WIDTH}" y2="${fixed(y)}" stroke="#e5e5e5"/>`,
    );
    parts.push(text(LEFT - 6, y + 4, String(value), ' text-anchor="end"'));
  }
  const bottom = panel.top + panel.height;
  parts.push(`<line x1="${LEFT}" y1="${bottom}" x2="${LEFT + PLOT_WIDTH}" y2="${bottom}" stroke="#333"/>`);
  parts.push(`<line x1="${LEFT}" y1="${panel.top}" x2="${LEFT}" y2="${bottom}" stroke="#333"/>`);
  return parts;
}

function legend(top: number, entries: ReadonlyArray<readonly [string, string]>): string[] {
  return entries.flatMap(([name, colour], index) => {
    const y = top + index * 18;
    return [
      `<rect x="${LEFT + PLOT_WIDTH + 15}" y="${y}" width="12" height="12" fill="${colour}"/>`,
      text(LEFT + PLOT_WIDTH + 32, y + 10, name),
    ];
  });
}

/** Maps a time on the shared clock to an x coordinate of the plots. */
type XScale = (atMs: number) => number;

/** Requests per bin, stacked by category (429s apart), with their axis and legend. */
function requestBars(input: TimelineInput, x: XScale, binMs: number): string[] {
  const duration = Math.max(1, input.endMs - input.startMs);
  const stacks = Array.from({ length: Math.ceil(duration / binMs) }, () => new Map<string, number>());
  for (const request of input.requests) {
    const stack = stacks[Math.floor((request.receivedAtMs - input.startMs) / binMs)];
    if (stack !== undefined) stack.set(category(request), (stack.get(category(request)) ?? 0) + 1);
  }
  const maxRate = Math.max(1, ...stacks.map((stack) => [...stack.values()].reduce((a, b) => a + b, 0)));
  const rateMax = niceStep(maxRate, 4) * Math.ceil(maxRate / niceStep(maxRate, 4));
  const parts = panelFrame(REQUESTS_PANEL, rateMax, `API requests per ${binMs / 1000} s, by action`);
  const barWidth = fixed(Math.max(1, (binMs / duration) * PLOT_WIDTH - 1));
  const bottom = REQUESTS_PANEL.top + REQUESTS_PANEL.height;
  const scale = (count: number): number => (count / rateMax) * REQUESTS_PANEL.height;
  stacks.forEach((stack, bin) => {
    let base = 0;
    for (const [name, colour] of CATEGORIES) {
      const count = stack.get(name) ?? 0;
      if (count === 0) continue;
      const [bx, by] = [fixed(x(input.startMs + bin * binMs)), fixed(bottom - scale(base + count))];
      parts.push(
        `<rect x="${bx}" y="${by}" width="${barWidth}" height="${fixed(scale(count))}" fill="${colour}"/>`,
      );
      base += count;
    }
  });
  return [...parts, ...legend(REQUESTS_PANEL.top, CATEGORIES)];
}

/** One step line per NIC status, with its axis and legend. */
function statusLines(input: TimelineInput, x: XScale): string[] {
  const nicCount = Math.max(1, ...input.statusPoints.flatMap((point) => Object.values(point.counts)));
  const parts = panelFrame(STATUS_PANEL, nicCount, "NICs in each status");
  const bottom = STATUS_PANEL.top + STATUS_PANEL.height;
  const y = (count: number): string => fixed(bottom - (count / nicCount) * STATUS_PANEL.height);
  for (const status of TIMELINE_STATUSES) {
    const coordinates = input.statusPoints.flatMap((point, index) => {
      const next = input.statusPoints[index + 1]?.atMs ?? input.endMs;
      const level = y(point.counts[status] ?? 0);
      return [`${fixed(x(point.atMs))},${level}`, `${fixed(x(next))},${level}`];
    });
    const colour = STATUS_COLOURS[status];
    parts.push(
      `<polyline points="${coordinates.join(" ")}" fill="none" stroke="${colour}" stroke-width="2"/>`,
    );
  }
  const entries = TIMELINE_STATUSES.map((status) => [status, STATUS_COLOURS[status]] as const);
  return [...parts, ...legend(STATUS_PANEL.top, entries)];
}

/** The time axis under both panels, and the dashed marks across them. */
function timeAxisAndMarks(input: TimelineInput, x: XScale): string[] {
  const bottom = STATUS_PANEL.top + STATUS_PANEL.height;
  const seconds = Math.max(1, input.endMs - input.startMs) / 1000;
  const tick = niceStep(seconds, 12);
  const parts: string[] = [];
  for (let second = 0; second <= seconds; second += tick) {
    const tx = x(input.startMs + second * 1000);
    parts.push(`<line x1="${fixed(tx)}" y1="${bottom}" x2="${fixed(tx)}" y2="${bottom + 5}" stroke="#333"/>`);
    parts.push(text(tx, bottom + 18, `${second}`, ' text-anchor="middle"'));
  }
  const axisLabel = "seconds since the start of pulumi up";
  parts.push(text(LEFT + PLOT_WIDTH / 2, bottom + 38, axisLabel, ' text-anchor="middle"'));
  input.marks.forEach((mark, index) => {
    const mx = fixed(x(mark.atMs));
    const dash = 'stroke="#555" stroke-dasharray="4 3"';
    parts.push(`<line x1="${mx}" y1="${REQUESTS_PANEL.top}" x2="${mx}" y2="${bottom}" ${dash}/>`);
    // Alternate rows, so that marks close together (the end of up, the start of destroy) stay readable.
    const labelY = REQUESTS_PANEL.top + 12 + (index % 2) * 14;
    parts.push(text(x(mark.atMs) + 3, labelY, mark.label, ' font-size="11" fill="#555"'));
  });
  return parts;
}

/** Renders the timeline as a standalone SVG document. */
export function timelineSvg(input: TimelineInput): string {
  const duration = Math.max(1, input.endMs - input.startMs);
  const x: XScale = (atMs) => LEFT + ((atMs - input.startMs) / duration) * PLOT_WIDTH;
  const size = `width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}"`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" ${size} font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    text(LEFT, 25, input.title, ' font-size="15" font-weight="bold"'),
    ...requestBars(input, x, input.binMs ?? 1000),
    ...statusLines(input, x),
    ...timeAxisAndMarks(input, x),
    `</svg>`,
    "",
  ].join("\n");
}
