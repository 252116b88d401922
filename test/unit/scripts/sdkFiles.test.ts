/**
 * sdkKey and filesUnder: the files of a generated SDK folder, without what its `.gitignore` names,
 * under which the tests' builds of the SDK are reused. On a scratch folder laid out like sdk/nodejs.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { filesUnder, gitIgnoredNames, sdkKey } from "../../../scripts/lib/sdkFiles";

let sdk: string;

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(sdk, file)), { recursive: true });
  await writeFile(path.join(sdk, file), text);
}

beforeEach(async () => {
  sdk = await mkdtemp(path.join(tmpdir(), "sdk-files-test-"));
  await write(".gitignore", "node_modules/\nbin/\n*.tsbuildinfo\n# a comment\nsub/dir\n");
  await write("package.json", '{"name":"@pulumi-zenlayer/zenlayer"}');
  await write("zec/networkInterface.ts", "export class NetworkInterface {}");
});

afterEach(async () => {
  await rm(sdk, { recursive: true, force: true });
});

describe("filesUnder with the SDK's .gitignore", () => {
  it("lists the committed files, sorted, without what building or installing leaves", async () => {
    await write("bin/index.js", "");
    await write("node_modules/@pulumi/pulumi/index.js", "");
    await write("zec/a.tsbuildinfo", "");
    expect(await filesUnder(sdk, await gitIgnoredNames(sdk))).toEqual([
      ".gitignore",
      "package.json",
      path.join("zec", "networkInterface.ts"),
    ]);
  });

  it("is empty for a folder that does not exist", async () => {
    expect(await filesUnder(path.join(sdk, "missing"), () => false)).toEqual([]);
  });
});

describe("sdkKey", () => {
  it("stays the same when a build or an install adds files the .gitignore names", async () => {
    const before = await sdkKey(sdk, ["typescript 5.9.3"]);
    await write("bin/index.js", "exports.x = 1;");
    await write("node_modules/typescript/package.json", "{}");
    expect(await sdkKey(sdk, ["typescript 5.9.3"])).toBe(before);
  });

  it.each([
    ["a generated file changes", "zec/networkInterface.ts", "export class NetworkInterface { x = 1 }"],
    ["a file is added", "zec/getInstance.ts", ""],
    ["the manifest changes", "package.json", '{"name":"@pulumi-zenlayer/zenlayer","version":"1"}'],
  ])("changes when %s", async (_case, file, text) => {
    const before = await sdkKey(sdk);
    await write(file, text);
    expect(await sdkKey(sdk)).not.toBe(before);
  });

  it("changes with what else the build depends on", async () => {
    expect(await sdkKey(sdk, ["typescript 5.9.3"])).not.toBe(await sdkKey(sdk, ["typescript 4.9.5"]));
  });
});
