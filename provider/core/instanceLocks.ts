import { processWideMap } from "../../sdk/util/processWide";
import { raceAbort } from "../../sdk/util/time";

interface LockEntry {
  /** Settles when the last holder or waiter in line has finished. */
  tail: Promise<void>;
  /** Holders and waiters in line. */
  inLine: number;
}

type LockRegistry = Map<string, LockEntry>;

/** The "previous holder" of a free lock. */
const IDLE: Promise<void> = Promise.resolve();

/**
 * One registry per process, even if two copies of this package are loaded: every resource of a
 * deployment runs in the same provider process and must see the same locks.
 */
function registry(): LockRegistry {
  return processWideMap<string, LockEntry>("instanceLocks");
}

/**
 * Runs `work` after every earlier holder of the same key has finished. Attach and detach calls on
 * one instance are serialized this way because the engine issues them in parallel, and an
 * instance that is mid-way through one NIC change rejects the next with a status conflict. Waiting
 * for the lock ends when `signal` aborts (the operation's deadline); the place in line is then
 * given up without holding up those behind it. `work` learns whether it had to wait, so it can
 * look again at what may have changed meanwhile.
 * @internal
 */
export async function withInstanceLock<T>(
  instanceId: string,
  work: (waited: boolean) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const locks = registry();
  const entry = locks.get(instanceId) ?? { tail: IDLE, inLine: 0 };
  const previous = entry.tail;
  let release: () => void = () => undefined;
  const current = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => current);
  entry.tail = tail;
  entry.inLine += 1;
  locks.set(instanceId, entry);
  try {
    await raceAbort(previous, signal);
    return await work(previous !== IDLE);
  } finally {
    release();
    entry.inLine -= 1;
    if (entry.inLine === 0) locks.delete(instanceId);
  }
}

/** How many holders and waiters are in line for an instance: for diagnostics and tests. @internal */
export function instanceLockQueue(instanceId: string): number {
  return registry().get(instanceId)?.inLine ?? 0;
}
