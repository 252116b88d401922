import type { StatusTransition } from "../types/options";

/** Ids longer than this are cut, like ids in the request log (seeds are trusted, but bounded anyway). */
const LOGGED_ID_CHARS = 128;

function boundedId(id: string | null): string | null {
  return id === null || id.length <= LOGGED_ID_CHARS ? id : `${id.slice(0, LOGGED_ID_CHARS)}…`;
}

/**
 * Every status change of a NIC or an instance, with the simulator clock when it happened and what
 * caused it: an API write moving it into its in-flight status, the scheduled transition settling
 * it, an out-of-band change, or a seed. A ring buffer of `limit` entries (each a few ids and
 * statuses, about 200 bytes), so a long-running simulator stays bounded. It lets a benchmark tell
 * when a NIC really became USED or AVAILABLE, and so how long a client took to notice.
 * @internal
 */
export class TransitionLog {
  private entries: StatusTransition[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error("transitionLogLimit must be a positive integer");
  }

  /** Records one change (callers leave out writes that changed nothing). */
  record(entry: StatusTransition): void {
    this.entries.push({ ...entry, id: boundedId(entry.id) ?? "", instanceId: boundedId(entry.instanceId) });
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** Copies, oldest first. */
  list(): StatusTransition[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  reset(): void {
    this.entries = [];
  }
}
