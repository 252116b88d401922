/**
 * The Python program the docs show is the one the end-to-end test runs: the ```python block of the
 * README's "Python quick start" and of sdk/python/README.md are examples/python/__main__.py, byte
 * for byte, so a change to the example that the test proves cannot leave the docs behind.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../../../scripts/lib/pulumiCli";

const read = (file: string): string => readFileSync(path.join(REPO_ROOT, file), "utf8");

/** The first ```python block after `heading` in `markdown` (from the start when no heading). */
function pythonBlock(markdown: string, heading?: string): string | undefined {
  const from = heading === undefined ? 0 : markdown.indexOf(`\n${heading}\n`);
  if (from < 0) return undefined;
  return /```python\n([\s\S]*?)```\n/.exec(markdown.slice(from))?.[1];
}

describe("the docs' Python program", () => {
  const program = read("examples/python/__main__.py");

  it("is examples/python/__main__.py in the README's Python quick start", () => {
    expect(pythonBlock(read("README.md"), "## Python quick start")).toBe(program);
  });

  it("is examples/python/__main__.py in sdk/python/README.md", () => {
    expect(pythonBlock(read("sdk/python/README.md"))).toBe(program);
  });
});
