import { randomBytes } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { setTimeout as delay } from "node:timers/promises";

/** How an entry is waited for while another process builds it. */
export interface CacheEntryOptions {
  /** Ends the wait (and a build of this process's own) when aborted. */
  readonly signal?: AbortSignal;
  /** The longest wait for another process's build; default 10 minutes. */
  readonly waitLimitMs?: number;
  /** How often a waiting process looks again; default 200 ms. */
  readonly pollMs?: number;
}

/** A lock without an owner file is taken for abandoned after this long (the owner writes it at once). */
const OWNERLESS_LOCK_MS = 60_000;

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the process that took `lock` is gone, so the lock can be broken. */
async function isAbandoned(lock: string): Promise<boolean> {
  const owner = Number(await readFile(path.join(lock, "owner"), "utf8").catch(() => ""));
  if (Number.isInteger(owner) && owner > 0) {
    return !isAlive(owner);
  }
  const taken = await stat(lock).catch(() => undefined);
  return taken !== undefined && Date.now() - taken.mtimeMs > OWNERLESS_LOCK_MS;
}

/** Takes the lock (an atomic mkdir); false when another process holds it. */
async function tryLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  await writeFile(path.join(lock, "owner"), String(process.pid));
  return true;
}

/** Builds the entry in a folder of its own and renames it into place, so it appears complete or not at all. */
async function buildEntry(entry: string, build: (folder: string) => Promise<void>): Promise<void> {
  const folder = `${entry}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await mkdir(folder, { recursive: true });
    await build(folder);
    await rename(folder, entry);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Marks the entry as used now, for {@link pruneCache}. */
async function touch(entry: string): Promise<void> {
  const now = new Date();
  await utimes(entry, now, now).catch(() => undefined);
}

/**
 * The folder `entry`, built by `build` (into a scratch folder it is given) unless it exists. Jest
 * workers and later runs share it: one process builds while the others wait for it, and a lock
 * left by a process that died is broken. Returns `entry`.
 */
export async function ensureCacheEntry(
  entry: string,
  build: (folder: string) => Promise<void>,
  options: CacheEntryOptions = {},
): Promise<string> {
  const lock = `${entry}.lock`;
  const deadline = Date.now() + (options.waitLimitMs ?? 10 * 60_000);
  await mkdir(path.dirname(entry), { recursive: true });
  for (;;) {
    options.signal?.throwIfAborted();
    if (await exists(entry)) {
      await touch(entry);
      return entry;
    }
    if (await tryLock(lock)) {
      try {
        if (!(await exists(entry))) await buildEntry(entry, build);
      } finally {
        await rm(lock, { recursive: true, force: true });
      }
      continue;
    }
    if (await isAbandoned(lock)) {
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`waited too long for another process to build ${entry} (lock ${lock})`);
    }
    await delay(options.pollMs ?? 200, undefined, options.signal ? { signal: options.signal } : {});
  }
}

/**
 * Removes the entries of `folder` that `keep` does not name and that no process used in the last
 * `idleMs` (their modification time, which {@link ensureCacheEntry} renews on each use), so a
 * cache keyed by content does not grow with every build. Locks and scratch folders are left alone.
 */
export async function pruneCache(
  folder: string,
  keep: (name: string) => boolean,
  idleMs: number,
): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (keep(name) || /\.(lock|tmp-.*)$/.test(name)) continue;
    const used = await stat(path.join(folder, name)).catch(() => undefined);
    if (used !== undefined && Date.now() - used.mtimeMs > idleMs) {
      await rm(path.join(folder, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
