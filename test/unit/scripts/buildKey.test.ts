/**
 * buildKey: the identity of a build, under which the packed package and its installs are reused
 * (scripts/lib/packedPackage.ts). On a scratch folder laid out like the repository.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { buildKey, packageCacheDir } from "../../../scripts/lib/packedPackage";

let repo: string;

const MANIFEST = JSON.stringify({
  name: "pulumi-zenlayer",
  version: "0.1.0",
  files: ["dist/", "!dist/scripts/", "!dist/**/*.tsbuildinfo", "README.md"],
});

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
  await writeFile(path.join(repo, file), text);
}

beforeEach(async () => {
  repo = await mkdtemp(path.join(tmpdir(), "build-key-test-"));
  await write("package.json", MANIFEST);
  await write("README.md", "# readme");
  await write("dist/index.js", "exports.a = 1;");
  await write("dist/provider/index.js", "exports.b = 2;");
});

afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe("buildKey", () => {
  it("stays the same when a rebuild writes the same files", async () => {
    const before = await buildKey(repo);
    await write("dist/index.js", "exports.a = 1;");
    expect(await buildKey(repo)).toBe(before);
  });

  it.each([
    ["a built file changes", "dist/provider/index.js", "exports.b = 3;"],
    ["a built file is added", "dist/sdk/index.js", ""],
    ["the manifest changes", "package.json", MANIFEST.replace("0.1.0", "0.1.1")],
    ["the README changes", "README.md", "# readme, longer"],
  ])("changes when %s", async (_case, file, text) => {
    const before = await buildKey(repo);
    await write(file, text);
    expect(await buildKey(repo)).not.toBe(before);
  });

  it("stays the same when only a folder the package leaves out changes", async () => {
    const before = await buildKey(repo);
    await write("dist/scripts/bench/main.js", "changed");
    expect(await buildKey(repo)).toBe(before);
  });

  it("tells to build first when dist/ is missing", async () => {
    await rm(path.join(repo, "dist"), { recursive: true });
    await expect(buildKey(repo)).rejects.toThrow(
      `${path.join(repo, "dist")} is missing: run \`npm run build\``,
    );
  });

  it("keeps its cache under node_modules, which `npm ci` starts afresh", () => {
    expect(packageCacheDir(repo)).toBe(path.join(repo, "node_modules", ".cache", "pulumi-zenlayer-packages"));
  });
});
