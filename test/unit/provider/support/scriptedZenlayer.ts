/**
 * A scripted Zenlayer at the client's transport seam: it answers Describe reads from a cloud
 * timeline (lagging as told), answers writes as each test scripts them, and records every request.
 * No network, no timer: under jest's fake timers everything runs on fake time.
 */
import type { HttpReply, HttpRequest, Transport } from "../../../../sdk/index";
import { CloudTimeline } from "./cloudTimeline";
import { applyWrite, nicsMatching } from "./writeEffects";
import type { CloudBehaviour } from "./writeEffects";

/**
 * How Zenlayer answers one request. `accept`: a read answers what the cloud shows, a write takes
 * effect and is answered 200. `refuse`: Zenlayer's error `code` with HTTP `status`, nothing done.
 * `lost`: the write took effect, but the answer is HTTP `status` (a 503 from a gateway).
 * `drop`: the connection is reset; the write took effect or not (`applied`).
 */
export type Answer =
  | { readonly kind: "accept" }
  | { readonly kind: "refuse"; readonly code: string; readonly status: number; readonly retryAfter?: string }
  | { readonly kind: "lost"; readonly status: number }
  | { readonly kind: "drop"; readonly applied: boolean };

/** The answers tables use, by name. */
export const answers = {
  accepted: { kind: "accept" },
  refused: (code: string, status = 400): Answer => ({ kind: "refuse", code, status }),
  /** HTTP 429 with `Retry-After: 0`. */
  throttled: { kind: "refuse", code: "REQUEST_LIMIT_EXCEEDED", status: 429, retryAfter: "0" },
  /** A 503 before the write did anything. */
  unavailableBefore: { kind: "refuse", code: "SERVICE_TEMPORARY_UNAVAILABLE", status: 503 },
  /** A 503 after the write took effect: its answer is lost. */
  lostAfter: { kind: "lost", status: 503 },
  /** A dropped connection, after the write took effect or before. */
  dropped: (applied: boolean): Answer => ({ kind: "drop", applied }),
} as const satisfies Record<string, Answer | ((...args: never[]) => Answer)>;

/** One request as the scripted Zenlayer received it. */
export interface RecordedRequest {
  readonly at: number;
  readonly action: string;
  readonly body: Record<string, unknown>;
  readonly answer: Answer["kind"];
}

const READS = new Set(["DescribeNetworkInterfaces", "DescribeInstances"]);

export class ScriptedZenlayer implements Transport {
  readonly cloud = new CloudTimeline(() => Date.now());
  readonly behaviour: CloudBehaviour = { transitionMs: 2000, createEndsAs: "AVAILABLE" };
  /** A Zenlayer that ignores the tag filter of DescribeNetworkInterfaces. */
  ignoreTagFilter = false;
  readonly requests: RecordedRequest[] = [];
  readonly #queues = new Map<string, Answer[]>();
  readonly #defaults = new Map<string, Answer>();
  #requestCount = 0;

  /** `action` is answered with `list` in turn, then as its default (accepted, unless `always` set one). */
  script(action: string, ...list: Answer[]): this {
    this.#queues.set(action, [...(this.#queues.get(action) ?? []), ...list]);
    return this;
  }

  /** `action` is answered with `answer` once its scripted answers are used up. */
  always(action: string, answer: Answer): this {
    this.#defaults.set(action, answer);
    return this;
  }

  /** How many requests for `action` arrived (whatever the answer). */
  sent(action: string): number {
    return this.requests.filter((request) => request.action === action).length;
  }

  /** The writes that arrived, in order, as `Action nicId`. */
  writes(): string[] {
    return this.requests
      .filter((request) => !READS.has(request.action))
      .map((request) => `${request.action} ${String(request.body["nicId"] ?? request.body["name"])}`);
  }

  send(request: HttpRequest): Promise<HttpReply> {
    if (request.signal.aborted) return Promise.reject(new Error("aborted before it was sent"));
    const action = headerOf(request, "x-zc-action");
    const body = JSON.parse(request.body) as Record<string, unknown>;
    const answer = this.#queues.get(action)?.shift() ?? this.#defaults.get(action) ?? answers.accepted;
    this.requests.push({ at: Date.now(), action, body, answer: answer.kind });
    return this.#answer(action, body, answer);
  }

  async #answer(action: string, body: Record<string, unknown>, answer: Answer): Promise<HttpReply> {
    const requestId = `T-${String(++this.#requestCount)}`;
    if (answer.kind === "refuse") return errorReply(requestId, answer.code, answer.status, answer.retryAfter);
    const read = READS.has(action);
    const applies = !read && (answer.kind !== "drop" || answer.applied);
    const response = read ? this.#read(action, body) : applies ? this.#write(action, body) : {};
    if (answer.kind === "drop") throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    if (answer.kind === "lost") return errorReply(requestId, "SERVICE_TEMPORARY_UNAVAILABLE", answer.status);
    return {
      status: 200,
      headers: {},
      body: JSON.stringify({ requestId, response: { requestId, ...response } }),
    };
  }

  #write(action: string, body: Record<string, unknown>): Record<string, unknown> {
    return applyWrite(this.cloud, action, body, this.behaviour);
  }

  #read(action: string, body: Record<string, unknown>): Record<string, unknown> {
    const seen = this.cloud.seen();
    const all =
      action === "DescribeInstances"
        ? [...seen.instances.values()].filter((i) => (body["instanceIds"] as string[]).includes(i.instanceId))
        : nicsMatching(seen, body, this.ignoreTagFilter);
    const size = Number(body["pageSize"] ?? 20);
    const page = Number(body["pageNum"] ?? 1);
    return { totalCount: all.length, dataSet: all.slice((page - 1) * size, page * size) };
  }
}

function headerOf(request: HttpRequest, name: string): string {
  const found = Object.entries(request.headers).find(([key]) => key.toLowerCase() === name);
  return found?.[1] ?? "";
}

function errorReply(requestId: string, code: string, status: number, retryAfter?: string): HttpReply {
  const headers = retryAfter === undefined ? {} : { "retry-after": retryAfter };
  return { status, headers, body: JSON.stringify({ requestId, code, message: `scripted ${code}` }) };
}
