import type { InstanceInfo, NicInfo, WaitDecision, ZecClient } from "../../sdk/index";
import { raceAbort } from "../../sdk/util/deadline";
import { batchedReader } from "../shared/batchedReads";
import type { Operation } from "../shared/operation";

/**
 * Reads are sent once: a failed read is the operation loop's to retry, after the same backoff the
 * client would use, so that every failure is seen (and named if the operation runs out of time).
 */
const ONCE = { maxAttempts: 1 } as const;

const readNics = batchedReader<NicInfo>(
  async (client, nicIds) =>
    (await client.describeNetworkInterfaces({ nicIds, pageSize: nicIds.length }, ONCE)).dataSet,
  (nic) => nic.nicId,
);

const readInstances = batchedReader<InstanceInfo>(
  async (client, instanceIds) =>
    (await client.describeInstances({ instanceIds, pageSize: instanceIds.length }, ONCE)).dataSet,
  (instance) => instance.instanceId,
);

/** What one read saw, and when it was asked for (the read itself starts at that time or later). */
export interface Observation<T> {
  readonly value: T | undefined;
  readonly at: number;
}

/**
 * Reads one NIC within the operation; `value` is undefined when Zenlayer no longer lists it
 * (deleted NICs just disappear). The read is shared with parallel operations of the same account,
 * and this operation stops waiting for it at its deadline.
 */
export async function observeNic(op: Operation, nicId: string): Promise<Observation<NicInfo>> {
  const at = op.ctx.now();
  return { value: await raceAbort(readNics(op.ctx.client, nicId), op.deadline.signal), at };
}

/** Reads one instance within the operation, like {@link observeNic}. */
export async function observeInstance(op: Operation, instanceId: string): Promise<Observation<InstanceInfo>> {
  const at = op.ctx.now();
  return { value: await raceAbort(readInstances(op.ctx.client, instanceId), op.deadline.signal), at };
}

/** Reads one NIC outside any operation; for callers that only want a look. */
export function findNic(client: ZecClient, nicId: string): Promise<NicInfo | undefined> {
  return readNics(client, nicId);
}

/** True when the NIC is bound (or binding) to the given instance. */
export function isBoundTo(nic: NicInfo, instanceId: string): boolean {
  return nic.instanceId === instanceId && (nic.status === "USED" || nic.status === "ATTACHING");
}

/**
 * Judges when a read can be trusted as final. Zenlayer's Describe may lag a write (a read right
 * after an attach can still show the NIC free), so a verdict that ends an operation without
 * acting ("nothing to detach", "the NIC is gone") must come from a read taken `windowMs` after
 * this operation's own last write, or, when it wrote nothing, be seen again by a read taken
 * `windowMs` after the first one. Reads lagging by more than the window are not protected.
 * @internal
 */
export class ReadConsistency {
  #wroteAt: number | undefined;
  #candidate: { readonly key: string; readonly since: number } | undefined;

  constructor(private readonly windowMs: number) {}

  /** Records that this operation sent a write that may have taken effect. */
  wrote(at: number): void {
    this.#wroteAt = at;
    this.#candidate = undefined;
  }

  /** Whether any write of this operation may still be hidden from a read taken at `at`. */
  mayHideOwnWrite(at: number): boolean {
    return this.#wroteAt !== undefined && at < this.#wroteAt + this.windowMs;
  }

  /** True once the verdict `key`, seen by a read taken at `at`, can be trusted. */
  confirms(key: string, at: number): boolean {
    if (this.#wroteAt !== undefined) return !this.mayHideOwnWrite(at);
    if (this.#candidate?.key !== key) this.#candidate = { key, since: at };
    return at - this.#candidate.since >= this.windowMs;
  }

  /**
   * "Not yet" for `verdict`, waiting to be confirmed, with no look before one could confirm it
   * (reads taken earlier are wasted requests). When the confirmation cannot come before the
   * operation's deadline, it fails now, saying so, instead of waiting for a timeout.
   */
  awaitConfirmation<T>(op: Operation, verdict: string): WaitDecision<T> {
    const now = op.ctx.now();
    const from = this.#wroteAt ?? this.#candidate?.since ?? now;
    const waitMs = Math.max(0, from + this.windowMs - now);
    if (waitMs > 0 && waitMs >= op.deadline.remainingMs()) {
      const why =
        `${verdict}, as far as Zenlayer shows; its reads may lag a write by up to ${this.windowMs}ms, and ` +
        `confirming that does not fit in what is left of the ${op.timeoutText} timeout: raise the timeout`;
      return { kind: "failed", error: new Error(`${op.description}: ${why}`) };
    }
    return { kind: "pending", observed: `confirming: ${verdict}`, notBeforeMs: waitMs };
  }

  /** Forgets an unconfirmed verdict once a read contradicts it. */
  contradicted(): void {
    this.#candidate = undefined;
  }
}

/**
 * Reads the NIC for a refresh. A NIC that is attached somewhere is reported at once; "gone" and
 * "attached to nothing" drop the resource from the stack, so they are reported only once a second
 * read, taken after the consistency window, agrees (a refresh right after an attach must not drop
 * an attachment that Describe does not show yet).
 */
export function readSettledNic(op: Operation, nicId: string): Promise<NicInfo | undefined> {
  const consistency = new ReadConsistency(op.ctx.readConsistencyMs);
  return op.converge<NicInfo | undefined>(async () => {
    const seen = await observeNic(op, nicId);
    if (seen.value?.instanceId) return { kind: "done", value: seen.value };
    const verdict = seen.value === undefined ? "gone" : "free";
    if (consistency.confirms(verdict, seen.at)) return { kind: "done", value: seen.value };
    return consistency.awaitConfirmation(
      op,
      `NIC ${nicId} is ${verdict === "gone" ? "gone" : "not attached"}`,
    );
  });
}
