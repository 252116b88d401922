/**
 * The Go SDK's module files agree with the package schema, and the Go example with both: the
 * import base path the schema gives gen-sdk lies inside the module sdk/go/go.mod declares, the
 * example requires that module at the package's version from this repository's sdk/go, both build
 * on the Pulumi Go SDK of the CLI the tests use, and the README's Go snippet is the example's main.go.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { SDK_PACKAGE_NAMES } from "../../../../provider/core/schema/packageSchema";
import { REPO_ROOT } from "../../../../scripts/lib/pulumiCli";

const read = (file: string): string => readFileSync(path.join(REPO_ROOT, file), "utf8");
const PULUMI_GO_SDK = "github.com/pulumi/pulumi/sdk/v3";

/** What a go.mod declares: its module path, required versions and replacements. */
function goMod(text: string) {
  const lines = text.split("\n").map((line) => line.replace(/\/\/.*$/, "").trim());
  const requires = new Map<string, string>();
  const replaces = new Map<string, string>();
  let block = "";
  for (const line of lines) {
    if (line === ")") block = "";
    else if (/^(require|replace) \($/.test(line)) block = line.split(" ")[0] ?? "";
    const [keyword, ...rest] = block === "" ? line.split(/\s+/) : [block, ...line.split(/\s+/)];
    if (keyword === "require" && rest.length === 2 && rest[1] !== "(")
      requires.set(rest[0] ?? "", rest[1] ?? "");
    if (keyword === "replace" && rest[1] === "=>") replaces.set(rest[0] ?? "", rest[2] ?? "");
  }
  return { module: /^module (\S+)$/m.exec(text)?.[1], requires, replaces };
}

const packageJson = JSON.parse(read("package.json")) as {
  version: string;
  devDependencies: Record<string, string>;
};
const sdkMod = goMod(read("sdk/go/go.mod"));
const exampleMod = goMod(read("examples/go/go.mod"));

describe("the Go SDK's module", () => {
  it("is the folder above the package the schema's import base path names, so its imports resolve", () => {
    expect(sdkMod.module).toBe(path.posix.dirname(SDK_PACKAGE_NAMES.go));
    expect(`${sdkMod.module ?? ""}/${path.posix.basename(SDK_PACKAGE_NAMES.go)}`).toBe(SDK_PACKAGE_NAMES.go);
    expect(read("sdk/go/zenlayer/doc.go")).toMatch(/^package zenlayer$/m);
  });

  it("builds on the Pulumi Go SDK of the CLI version this repository pins", () => {
    expect(sdkMod.requires.get(PULUMI_GO_SDK)).toBe(
      `v${packageJson.devDependencies["@pulumi/pulumi"] ?? ""}`,
    );
  });
});

describe("examples/go", () => {
  it("requires the SDK at the package's version, from this repository's sdk/go", () => {
    const module = sdkMod.module ?? "";
    expect(exampleMod.requires.get(module)).toBe(`v${packageJson.version}`);
    expect(exampleMod.replaces.get(module)).toBe("../../sdk/go");
    expect(exampleMod.requires.get(PULUMI_GO_SDK)).toBe(sdkMod.requires.get(PULUMI_GO_SDK));
  });

  it("is the README's Go snippet, as the tests run it", () => {
    expect(read("README.md")).toContain(`\`\`\`go\n${read("examples/go/main.go")}\`\`\`\n`);
  });
});
