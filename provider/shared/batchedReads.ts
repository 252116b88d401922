import type { ZecClient } from "../../sdk/index";

/** How long a read waits for company: long enough to gather parallel pollers, short next to a poll. */
export const BATCH_WINDOW_MS = 20;
/** Describe calls take at most 100 ids. */
const MAX_IDS = 100;

interface OpenBatch<T> {
  readonly ids: Set<string>;
  readonly result: Promise<Map<string, T>>;
}

/** Reads many resources of one kind by id in one call; what it does not return no longer exists. */
export type BatchFetch<T> = (client: ZecClient, ids: string[]) => Promise<readonly T[]>;

/**
 * Builds a reader that shares one Describe call among every read of the same account issued
 * within a few milliseconds. A deployment of many attachments polls many NICs and instances at
 * once; batching keeps those polls from spending the request rate Zenlayer allows. The reader
 * resolves `undefined` for a resource Zenlayer no longer lists.
 * @internal
 */
export function batchedReader<T>(fetch: BatchFetch<T>, idOf: (item: T) => string) {
  const openBatches = new WeakMap<ZecClient, OpenBatch<T>>();

  const open = (client: ZecClient): OpenBatch<T> => {
    const ids = new Set<string>();
    const result = new Promise<Map<string, T>>((resolve, reject) => {
      setTimeout(() => {
        if (openBatches.get(client)?.ids === ids) {
          openBatches.delete(client);
        }
        fetch(client, [...ids]).then(
          (items) => resolve(new Map(items.map((item) => [idOf(item), item]))),
          reject,
        );
      }, BATCH_WINDOW_MS);
    });
    return { ids, result };
  };

  return async (client: ZecClient, id: string): Promise<T | undefined> => {
    let batch = openBatches.get(client);
    if (batch === undefined || batch.ids.size >= MAX_IDS) {
      batch = open(client);
      openBatches.set(client, batch);
    }
    batch.ids.add(id);
    return (await batch.result).get(id);
  };
}
