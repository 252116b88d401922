import type { Store } from "../state/store";
import type { RequestLogEntry, WriteEffect } from "../types/options";

/** Beyond this many distinct action names, further ones are counted together (bounded memory). */
const MAX_DISTINCT_ACTIONS = 200;
const OTHER_ACTIONS = "(other)";
const NO_ACTION = "(none)";

/** Bodies up to this size are kept whole; every real ZEC body is a few hundred bytes. @internal */
export const LOGGED_BODY_BYTES = 2048;
/** Of a larger body, only this much of its start is kept, as a preview. */
const PREVIEW_BYTES = 256;
/** Header values and ids longer than this are cut: anyone who can connect chooses them. */
const LOGGED_TEXT_CHARS = 128;

/** A body as the log stores it: the small text itself, or a size and a preview. */
type StoredBody =
  string | { readonly truncated: true; readonly bytes: number; readonly preview: string } | null;

type StoredEntry = Omit<RequestLogEntry, "body"> & { readonly body: StoredBody };

/**
 * An entry as the pipeline hands it over: the raw body bytes, or only the size of a body that was
 * refused unread. The log keeps a bounded summary, never the bytes.
 * @internal
 */
export type LogInput = Omit<RequestLogEntry, "body"> & { readonly body: Buffer | { readonly bytes: number } };

/**
 * A copy of `text` of at most {@link LOGGED_TEXT_CHARS} characters. The copy goes through a Buffer
 * because V8 may keep a substring as a view of its parent, which would keep a long header alive.
 */
function boundedText(text: string): string {
  if (text.length <= LOGGED_TEXT_CHARS) return text;
  return `${Buffer.from(text.slice(0, LOGGED_TEXT_CHARS), "utf8").toString("utf8")}…`;
}

function storedBody(body: LogInput["body"]): StoredBody {
  if (!Buffer.isBuffer(body)) return { truncated: true, bytes: body.bytes, preview: "" };
  if (body.length === 0) return null;
  if (body.length <= LOGGED_BODY_BYTES) return body.toString("utf8");
  const preview = body.subarray(0, PREVIEW_BYTES).toString("utf8");
  return { truncated: true, bytes: body.length, preview };
}

/** The body as callers see it: parsed JSON when the kept text is JSON, else the text or the summary. */
function bodyValue(body: StoredBody): unknown {
  if (body === null || typeof body !== "string") return body === null ? null : { ...body };
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** A fresh, caller-owned entry (the log's own records are never handed out). */
function toEntry(stored: StoredEntry): RequestLogEntry {
  const { body, effect, seen, ...fields } = stored;
  return {
    ...fields,
    body: bodyValue(body),
    ...(effect === undefined ? {} : { effect: { ...effect } }),
    ...(seen === undefined ? {} : { seen: { ...seen } }),
  };
}

/**
 * What the simulator received: a bounded ring buffer of entries plus per-action counters. Entries
 * are built without headers, so no credential, signature or Authorization value is ever stored,
 * and with bounded bodies and header values, so the log's memory stays within about 3 KB an entry
 * whatever clients send (authenticated or not).
 * @internal
 */
export class RequestLog {
  private entries: StoredEntry[] = [];
  private counts = new Map<string, number>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error("requestLogLimit must be a positive integer");
  }

  /** Counts a request by its `X-ZC-Action` as soon as it arrives, whatever becomes of it. */
  count(action: string | null): void {
    let key = action === null ? NO_ACTION : boundedText(action);
    if (!this.counts.has(key) && this.counts.size >= MAX_DISTINCT_ACTIONS) key = OTHER_ACTIONS;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  record(input: LogInput): void {
    const { action, version, body, ...fields } = input;
    this.entries.push({
      ...fields,
      action: action === null ? null : boundedText(action),
      version: version === null ? null : boundedText(version),
      body: storedBody(body),
    });
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** Copies, oldest first. */
  list(): RequestLogEntry[] {
    return this.entries.map(toEntry);
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * The entries from `offset` (oldest first), at most `limit` of them, as JSON text in small
   * chunks: `[`, one entry at a time, `]`. The admin surface streams these, so reading the log
   * never builds the whole answer in memory. Entries recorded meanwhile are not included.
   */
  *jsonChunks(offset = 0, limit = this.limit): Generator<string> {
    const selected = this.entries.slice(offset, offset + limit);
    yield "[";
    for (const [index, stored] of selected.entries()) {
      yield `${index === 0 ? "" : ","}${JSON.stringify(toEntry(stored))}`;
    }
    yield "]";
  }

  countsByAction(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.entries = [];
    this.counts = new Map();
  }
}

/** The NIC writes whose effect the request log records. */
const NIC_WRITES: ReadonlySet<string> = new Set([
  "AttachNetworkInterface",
  "DetachNetworkInterface",
  "DeleteNetworkInterface",
]);

function paramsOf(rawBody: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Captures, just before a NIC write runs, what the NIC looked like, and returns a function that
 * completes the record once the outcome is known. A client cannot see what a write whose answer
 * was lost actually did; chaos tests judge such writes by this record. Called only for requests
 * that reach the action (after authentication and injected pre-action failures), so "has an
 * effect" means "executed". Holds ids (cut like header values) and statuses only, never headers
 * or credentials.
 * @internal
 */
export function observeNicWrite(
  action: string | null,
  rawBody: string,
  store: Store,
  atMs: number,
): ((applied: boolean) => WriteEffect) | undefined {
  if (action === null || !NIC_WRITES.has(action)) return undefined;
  const params = paramsOf(rawBody);
  const nicId = params?.["nicId"];
  if (typeof nicId !== "string" || nicId === "") return undefined;
  const nic = store.nics.get(nicId);
  const target = params?.["instanceId"];
  const before = {
    nicId: boundedText(nicId),
    instanceIdBefore: nic?.instanceId ?? null,
    statusBefore: nic?.status ?? null,
    ...(action === "AttachNetworkInterface" && typeof target === "string"
      ? { targetInstanceId: boundedText(target) }
      : {}),
    atMs,
  };
  return (applied) => ({ ...before, applied });
}

/** At most this many NICs per read are recorded, as many as one Describe page holds. */
const SEEN_LIMIT = 100;

/**
 * What a DescribeNetworkInterfaces by `nicIds` answered about each NIC it named (see
 * `RequestLogEntry.seen`); undefined for any other request or answer. Ids only, cut like header
 * values.
 * @internal
 */
export function nicsSeen(
  action: string | null,
  rawBody: string,
  answer: { readonly status: number; readonly body: unknown },
): Record<string, string | null> | undefined {
  if (action !== "DescribeNetworkInterfaces" || answer.status !== 200) return undefined;
  const named = paramsOf(rawBody)?.["nicIds"];
  if (!Array.isArray(named)) return undefined;
  const wanted = new Set(named.filter((id): id is string => typeof id === "string").slice(0, SEEN_LIMIT));
  const dataSet = (answer.body as { response?: { dataSet?: unknown } } | null)?.response?.dataSet;
  const seen: Record<string, string | null> = {};
  for (const nic of Array.isArray(dataSet) ? dataSet : []) {
    const { nicId, instanceId } = nic as { nicId?: unknown; instanceId?: unknown };
    if (typeof nicId !== "string" || !wanted.has(nicId)) continue;
    seen[boundedText(nicId)] =
      typeof instanceId === "string" && instanceId !== "" ? boundedText(instanceId) : null;
  }
  return wanted.size === 0 ? undefined : seen;
}
