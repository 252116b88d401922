/**
 * The programs the docs show are the ones the end-to-end tests run: each language's code block in
 * the README's quick start (and in an SDK's own README) is that language's example file, byte for
 * byte, so a change to an example that a test proves cannot leave the docs behind.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../../../scripts/lib/pulumiCli";

const read = (file: string): string => readFileSync(path.join(REPO_ROOT, file), "utf8");

/** The first ```fence block after `heading` in `markdown` (from the start when no heading). */
function codeBlock(markdown: string, fence: string, heading?: string): string | undefined {
  const from = heading === undefined ? 0 : markdown.indexOf(`\n${heading}\n`);
  if (from < 0) return undefined;
  return new RegExp("```" + fence + "\\n([\\s\\S]*?)```\\n").exec(markdown.slice(from))?.[1];
}

describe.each([
  { heading: "## YAML quick start", fence: "yaml", example: "examples/yaml/Pulumi.yaml" },
  {
    heading: "## TypeScript quick start, on the provider plugin",
    fence: "ts",
    example: "examples/typescript-native/index.ts",
  },
  { heading: "## Go quick start", fence: "go", example: "examples/go/main.go" },
  { heading: "## Python quick start", fence: "python", example: "examples/python/__main__.py" },
])("the README's $heading", ({ heading, fence, example }) => {
  it(`shows ${example} as it is`, () => {
    expect(codeBlock(read("README.md"), fence, heading)).toBe(read(example));
  });
});

it("sdk/python/README.md shows examples/python/__main__.py as it is", () => {
  expect(codeBlock(read("sdk/python/README.md"), "python")).toBe(read("examples/python/__main__.py"));
});
