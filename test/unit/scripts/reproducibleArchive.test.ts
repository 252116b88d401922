/**
 * writeReproducibleArchive: the plugin archive in dist/ depends on the files' contents alone, so a
 * rebuild of the same code leaves the package, and the end-to-end tests' cached installs, as they were.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { writeReproducibleArchive } from "../../../scripts/plugin/archive";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "archive-test-"));
  await writeFile(path.join(dir, "launcher"), "#!/bin/sh\n");
  await writeFile(path.join(dir, "bundle.js"), "console.log(1);\n");
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function archiveOnce(name: string, fileTime: Date): Promise<Buffer> {
  await utimes(path.join(dir, "bundle.js"), fileTime, fileTime);
  writeReproducibleArchive(dir, name, ["launcher", "bundle.js"]);
  return readFile(path.join(dir, name));
}

describe("writeReproducibleArchive", () => {
  it("writes the same bytes for the same contents, whenever the files were written", async () => {
    const first = await archiveOnce("a.tar.gz", new Date("2020-01-01T00:00:00Z"));
    const second = await archiveOnce("b.tar.gz", new Date());
    expect(second.equals(first)).toBe(true);
  });

  it("writes a .tar.gz that tar lists with both files, and changes with a file's contents", async () => {
    const before = await archiveOnce("a.tar.gz", new Date());
    expect(execFileSync("tar", ["-tzf", "a.tar.gz"], { cwd: dir, encoding: "utf8" }).split("\n")).toEqual([
      "launcher",
      "bundle.js",
      "",
    ]);
    await writeFile(path.join(dir, "bundle.js"), "console.log(2);\n");
    expect((await archiveOnce("b.tar.gz", new Date())).equals(before)).toBe(false);
  });
});
