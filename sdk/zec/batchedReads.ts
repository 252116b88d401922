import { raceAbort } from "../util/time";

/** How long a read waits for company: long enough to gather parallel pollers, short next to a poll. */
export const BATCH_WINDOW_MS = 20;
/** Describe calls take at most 100 ids. */
const MAX_IDS = 100;

interface OpenBatch<T> {
  readonly ids: Set<string>;
  readonly result: Promise<Map<string, T>>;
}

/**
 * Shares one Describe call among every read of the same kind issued within a few milliseconds. A
 * deployment of many attachments polls many NICs and instances at once; batching keeps those polls
 * from spending the request rate Zenlayer allows. A read resolves `undefined` for a resource
 * Zenlayer does not list (deleted resources just disappear), and a failed Describe fails every
 * read it carried.
 * @internal
 */
export class BatchedReader<T> {
  #open: OpenBatch<T> | undefined;

  constructor(
    private readonly fetch: (ids: string[]) => Promise<readonly T[]>,
    private readonly idOf: (item: T) => string,
  ) {}

  /** Reads one resource by id; `signal` stops this caller waiting, not the shared call. */
  read(id: string, signal?: AbortSignal): Promise<T | undefined> {
    let batch = this.#open;
    if (batch === undefined || batch.ids.size >= MAX_IDS) {
      batch = this.#start();
      this.#open = batch;
    }
    batch.ids.add(id);
    return raceAbort(batch.result, signal).then((found) => found.get(id));
  }

  #start(): OpenBatch<T> {
    const ids = new Set<string>();
    const result = afterWindow().then(async () => {
      if (this.#open?.ids === ids) this.#open = undefined;
      const items = await this.fetch([...ids]);
      return new Map(items.map((item): [string, T] => [this.idOf(item), item]));
    });
    // Every read of this batch may have stopped waiting (aborted) before the Describe failed; its
    // failure must still count as handled, or Node ends the process. Each read that still waits
    // gets the failure through raceAbort.
    result.catch(ignoreUnread);
    return { ids, result };
  }
}

/** Resolves once the batch window has passed, letting parallel reads join the batch. */
function afterWindow(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, BATCH_WINDOW_MS));
}

/** The handler for a batch failure no reader is waiting for any more. */
const ignoreUnread = (): undefined => undefined;
