/**
 * Files in `sdk/<language>` that are ours, not gen-sdk's. `npm run sdk:generate` replaces each
 * language's folder with what gen-sdk writes, and `sdk:check` compares the two; both first put the
 * committed copies of these files into the generated tree, so they survive regeneration and never
 * count as a difference.
 * @packageDocumentation
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";

/**
 * By language, the files to keep, relative to `sdk/<language>`:
 * - Go: the module's `go.mod` and `go.sum`. gen-sdk writes none for this schema, and a Go program
 *   cannot build against a folder without them. The module is `sdk/go`, so it holds only Go code.
 *   And a README that says how to install the SDK offline (gen-sdk writes none for Go).
 * - .NET: its README, which says also that the SDK is not compiled here and how to regenerate it
 *   (gen-sdk's own holds only the schema's description).
 * - Python: its README, which says how to build and install the package (its pyproject.toml names
 *   that file as the package's description).
 * - Node.js: its README, which says how to compile, pack and install the package offline (packed,
 *   it is the package's README).
 */
export const KEPT_FILES: Readonly<Partial<Record<string, readonly string[]>>> = {
  go: ["go.mod", "go.sum", "README.md"],
  dotnet: ["README.md"],
  python: ["README.md"],
  nodejs: ["README.md"],
};

/**
 * Copies each of `files` that exists in `committed` into `generated`, over any generated copy.
 * Resolves with the files copied; one not committed is left as generated (or absent).
 */
export async function keepCommitted(
  files: readonly string[],
  committed: string,
  generated: string,
): Promise<string[]> {
  const kept: string[] = [];
  for (const file of files) {
    const contents = await readFile(path.join(committed, file)).catch(() => undefined);
    if (contents === undefined) continue;
    await mkdir(path.dirname(path.join(generated, file)), { recursive: true });
    await writeFile(path.join(generated, file), contents);
    kept.push(file);
  }
  return kept;
}
