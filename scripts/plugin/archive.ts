import { execFileSync } from "node:child_process";
import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The files' time in the archive (npm pack's choice), so that the same code makes the same archive. */
const ARCHIVED_AT = new Date("1985-10-26T08:15:00Z");

/**
 * Packs `files` of `dir` into `dir/<archive>`, a .tar.gz that depends on their contents alone (on
 * one machine): the files get a fixed time, and gzip writes no time stamp or name. A build that
 * did not change the code then does not change the package, so the end-to-end tests reuse its
 * pack and installs (scripts/lib/packedPackage.ts).
 */
export function writeReproducibleArchive(dir: string, archive: string, files: readonly string[]): void {
  files.forEach((file) => utimesSync(join(dir, file), ARCHIVED_AT, ARCHIVED_AT));
  const tar = execFileSync("tar", ["-cf", "-", ...files], { cwd: dir, maxBuffer: 256 * 1024 * 1024 });
  writeFileSync(join(dir, archive), gzipSync(tar));
}
