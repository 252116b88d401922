/**
 * The files of a generated SDK folder (`sdk/<language>`), without what building or installing it
 * in place leaves there: what `npm run sdk:check` compares, and what keys the tests' builds of an
 * SDK (the Python virtualenv, the packed Node.js package), so that a build is redone exactly when
 * the SDK changed.
 * @packageDocumentation
 */
import { createHash } from "node:crypto";
import type { Hash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import * as path from "node:path";

/**
 * A test of file and folder names against the SDK's own `.gitignore` (simple patterns such as
 * `bin`, `*.egg-info`, `__pycache__`): what building or installing the SDK from its folder leaves
 * there, which git does not commit. Patterns with a `/` inside are not understood and not applied.
 */
export async function gitIgnoredNames(dir: string): Promise<(name: string) => boolean> {
  const text = await readFile(path.join(dir, ".gitignore"), "utf8").catch(() => "");
  const patterns = text
    .split("\n")
    .map((line) => line.trim().replace(/^\/|\/$/g, ""))
    .filter((line) => line !== "" && !line.startsWith("#") && !line.includes("/"))
    .map((glob) => new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`));
  return (name) => patterns.some((pattern) => pattern.test(name));
}

/** Every file under `dir` whose path has no `ignored` name, relative to `dir`, sorted; none if it is missing. */
export async function filesUnder(
  dir: string,
  ignored: (name: string) => boolean,
  prefix = "",
): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = (await readdir(dir, { withFileTypes: true })).filter((entry) => !ignored(entry.name));
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? filesUnder(path.join(dir, entry.name), ignored, path.join(prefix, entry.name))
        : [path.join(prefix, entry.name)],
    ),
  );
  return nested.flat().sort();
}

/** Adds the names and contents of `files` (relative to `dir`) to `hash`, in order. */
export async function hashFiles(hash: Hash, dir: string, files: readonly string[]): Promise<Hash> {
  for (const file of files) {
    hash.update(`${file}\n`).update(await readFile(path.join(dir, file)));
  }
  return hash;
}

/**
 * A short key for a build of the SDK in `dir`: its committed files (names and contents, the
 * `.gitignore`d ones left out), then `extras` (what else the build depends on, e.g. a compiler's
 * version).
 */
export async function sdkKey(dir: string, extras: readonly string[] = []): Promise<string> {
  const files = await filesUnder(dir, await gitIgnoredNames(dir));
  const hash = await hashFiles(createHash("sha256"), dir, files);
  extras.forEach((extra) => hash.update(`\0${extra}`));
  return hash.digest("hex").slice(0, 12);
}
