const REGISTRY_KEY = Symbol.for("pulumi-zenlayer.instanceLocks");

type LockRegistry = Map<string, Promise<void>>;

function registry(): LockRegistry {
  // One registry per process, even if two copies of this package are loaded: every resource of a
  // deployment runs in the same provider process and must see the same locks.
  const holder = globalThis as { [REGISTRY_KEY]?: LockRegistry };
  holder[REGISTRY_KEY] ??= new Map();
  return holder[REGISTRY_KEY];
}

/**
 * Runs `work` after every earlier holder of the same key has finished. Attach and detach calls on
 * one instance are serialized this way because the engine issues them in parallel, and an
 * instance that is mid-way through one NIC change rejects the next with a status conflict.
 * @internal
 */
export async function withInstanceLock<T>(instanceId: string, work: () => Promise<T>): Promise<T> {
  const locks = registry();
  const previous = locks.get(instanceId) ?? Promise.resolve();
  let release: () => void = () => undefined;
  const current = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => current);
  locks.set(instanceId, tail);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (locks.get(instanceId) === tail) {
      locks.delete(instanceId);
    }
  }
}
