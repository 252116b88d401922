/**
 * ensureCacheEntry and pruneCache: the packed package and its installs are built once and shared by
 * jest workers and later runs (scripts/lib/packedPackage.ts). On a scratch folder, no network.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ensureCacheEntry, pruneCache } from "../../../scripts/lib/cacheEntry";

let cache: string;

beforeEach(async () => {
  cache = await mkdtemp(path.join(tmpdir(), "cache-entry-test-"));
});

afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

/** A build that writes one file, counts its calls, and finishes when the test says so. */
function heldBuild() {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const build = jest.fn(async (folder: string) => {
    await released;
    await writeFile(path.join(folder, "built"), "yes");
  });
  return { build, release };
}

/** The id of a process that has ended, for a lock its owner left behind. */
function endedProcessId(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid;
}

describe("ensureCacheEntry", () => {
  it("builds the entry once; later calls get it without building", async () => {
    const entry = path.join(cache, "a");
    const build = jest.fn((folder: string) => writeFile(path.join(folder, "built"), "yes"));

    expect(await ensureCacheEntry(entry, build)).toBe(entry);
    expect(await ensureCacheEntry(entry, build)).toBe(entry);

    expect(build).toHaveBeenCalledTimes(1);
    expect(await readFile(path.join(entry, "built"), "utf8")).toBe("yes");
    expect(await readdir(cache)).toEqual(["a"]);
  });

  it("lets a second caller wait for the build in progress instead of building again", async () => {
    const entry = path.join(cache, "a");
    const { build, release } = heldBuild();

    const first = ensureCacheEntry(entry, build, { pollMs: 5 });
    const second = ensureCacheEntry(entry, build, { pollMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(existsSync(entry)).toBe(false);
    release();

    expect(await Promise.all([first, second])).toEqual([entry, entry]);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it("breaks a lock whose owner has ended, and builds", async () => {
    const entry = path.join(cache, "a");
    await mkdir(`${entry}.lock`);
    await writeFile(path.join(`${entry}.lock`, "owner"), String(endedProcessId()));
    const build = jest.fn((folder: string) => writeFile(path.join(folder, "built"), "yes"));

    await ensureCacheEntry(entry, build, { pollMs: 5 });

    expect(build).toHaveBeenCalledTimes(1);
    expect(existsSync(`${entry}.lock`)).toBe(false);
  });

  it("gives up waiting for a live owner's build at the limit, naming the lock", async () => {
    const entry = path.join(cache, "a");
    await mkdir(`${entry}.lock`);
    await writeFile(path.join(`${entry}.lock`, "owner"), String(process.pid));

    await expect(ensureCacheEntry(entry, jest.fn(), { pollMs: 5, waitLimitMs: 50 })).rejects.toThrow(
      `waited too long for another process to build ${entry} (lock ${entry}.lock)`,
    );
  });

  it("leaves neither entry, scratch folder nor lock after a failed build, and builds again next time", async () => {
    const entry = path.join(cache, "a");
    const failing = jest.fn(async (folder: string) => {
      await writeFile(path.join(folder, "half"), "");
      throw new Error("npm install failed");
    });

    await expect(ensureCacheEntry(entry, failing)).rejects.toThrow("npm install failed");
    expect(await readdir(cache)).toEqual([]);

    await ensureCacheEntry(entry, (folder) => writeFile(path.join(folder, "built"), "yes"));
    expect(await readdir(entry)).toEqual(["built"]);
  });
});

describe("pruneCache", () => {
  it("removes idle entries it is not told to keep, and leaves kept, recent, locked and scratch ones", async () => {
    const names = ["old", "kept-old", "recent", "old.lock", "old.tmp-1-ab"];
    await Promise.all(names.map((name) => mkdir(path.join(cache, name))));
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    for (const name of names.filter((candidate) => candidate !== "recent")) {
      await utimes(path.join(cache, name), hourAgo, hourAgo);
    }

    const removed = await pruneCache(cache, (name) => name.startsWith("kept"), 10 * 60_000);

    expect(removed).toEqual(["old"]);
    expect((await readdir(cache)).sort()).toEqual(["kept-old", "old.lock", "old.tmp-1-ab", "recent"]);
  });

  it("takes a missing folder for an empty one", async () => {
    expect(await pruneCache(path.join(cache, "none"), () => false, 0)).toEqual([]);
  });
});
