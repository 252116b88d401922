/**
 * The files `npm run sdk:generate` and `sdk:check` keep as committed in a generated SDK folder: the
 * committed copy wins over gen-sdk's, and a file that is not committed stays as generated.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../../../scripts/lib/pulumiCli";
import { KEPT_FILES, keepCommitted } from "../../../scripts/sdkgen/keptFiles";

let dir: string;
let committed: string;
let generated: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "zenlayer-kept-"));
  committed = path.join(dir, "committed");
  generated = path.join(dir, "generated");
  await mkdir(committed);
  await mkdir(generated);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("keepCommitted", () => {
  it("puts each committed file into the generated tree, over a generated copy", async () => {
    await writeFile(path.join(committed, "go.mod"), "module example.com/sdk/go\n");
    await writeFile(path.join(committed, "README.md"), "written by hand\n");
    await writeFile(path.join(generated, "README.md"), "the schema's description\n");

    const kept = await keepCommitted(["go.mod", "README.md"], committed, generated);

    expect(kept).toEqual(["go.mod", "README.md"]);
    expect(await readFile(path.join(generated, "go.mod"), "utf8")).toBe("module example.com/sdk/go\n");
    expect(await readFile(path.join(generated, "README.md"), "utf8")).toBe("written by hand\n");
  });

  it("leaves a file that is not committed as generated, or absent", async () => {
    await writeFile(path.join(generated, "README.md"), "the schema's description\n");

    const kept = await keepCommitted(["README.md", "go.sum"], committed, generated);

    expect(kept).toEqual([]);
    expect(await readFile(path.join(generated, "README.md"), "utf8")).toBe("the schema's description\n");
    expect(existsSync(path.join(generated, "go.sum"))).toBe(false);
  });

  it("keeps a file in a subfolder the generated tree lacks", async () => {
    await mkdir(path.join(committed, "docs"));
    await writeFile(path.join(committed, "docs", "offline.md"), "offline\n");

    await keepCommitted(["docs/offline.md"], committed, generated);

    expect(await readFile(path.join(generated, "docs", "offline.md"), "utf8")).toBe("offline\n");
  });
});

describe("KEPT_FILES", () => {
  it("names only files that are committed, so regeneration has something to keep", () => {
    const listed = Object.entries(KEPT_FILES).flatMap(([language, files]) =>
      (files ?? []).map((file) => path.join("sdk", language, file)),
    );
    expect(listed).toContain(path.join("sdk", "go", "go.mod"));
    expect(listed).toContain(path.join("sdk", "dotnet", "README.md"));
    expect(listed.filter((file) => !existsSync(path.join(REPO_ROOT, file)))).toEqual([]);
  });
});
