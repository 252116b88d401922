/**
 * `npm run sdk:generate [-- --languages nodejs,go]`: writes the package schema (`sdk/schema.json`) and generates from it, with
 * the Pulumi CLI's `pulumi package gen-sdk`, the SDKs that programs using the provider plugin
 * install: `sdk/nodejs`, `sdk/python`, `sdk/go`, `sdk/dotnet`. `-- --check` generates into a
 * temporary folder instead and fails, naming each file, when that differs from what is committed.
 * gen-sdk runs each language's host; a language whose host this machine lacks is reported as
 * skipped, with the reason, and left as committed. Files written by hand (`keptFiles.ts`: the Go
 * module's `go.mod`, READMEs) are kept as committed by both, and what building an SDK in its
 * folder leaves there (what its `.gitignore` names) is not compared. `-- --sdk-root <dir>` reads
 * and writes the schema and SDK folders in `<dir>` instead of `sdk/`: the test of `--check` gives
 * it a copy of `sdk/` with a stale file, which it must not make in the repository.
 * @packageDocumentation
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { packageSchema } from "../../provider/core/schema/packageSchema";
import { ensurePulumiCli, REPO_ROOT } from "../lib/pulumiCli";
import { filesUnder, gitIgnoredNames } from "../lib/sdkFiles";
import { KEPT_FILES, keepCommitted } from "./keptFiles";

const execFileAsync = promisify(execFile);
const LANGUAGES = ["nodejs", "python", "go", "dotnet"] as const;
type Language = (typeof LANGUAGES)[number];
const SDK_ROOT = path.join(REPO_ROOT, "sdk");

/** The schema as committed: pretty-printed, ending in a newline. */
async function schemaText(): Promise<string> {
  const { version } = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  return `${JSON.stringify(packageSchema(version), null, 2)}\n`;
}

/** Where gen-sdk needs a language's host, and whether it is there (beside the CLI or on PATH). */
function hostOf(root: string, language: Language): string | undefined {
  const name = `pulumi-language-${language}`;
  const beside = path.join(root, "bin", name);
  if (existsSync(beside)) return beside;
  const onPath = (process.env["PATH"] ?? "").split(path.delimiter).map((dir) => path.join(dir, name));
  return onPath.find((candidate) => existsSync(candidate));
}

/** The files that differ between two trees (present in one only, or with other contents). */
async function differences(committed: string, generated: string): Promise<string[]> {
  const ignored = await gitIgnoredNames(generated);
  const [left, right] = await Promise.all([filesUnder(committed, ignored), filesUnder(generated, ignored)]);
  const all = [...new Set([...left, ...right])].sort();
  const changed = await Promise.all(
    all.map(async (file) => {
      const [a, b] = await Promise.all(
        [committed, generated].map((dir) => readFile(path.join(dir, file)).catch(() => undefined)),
      );
      return a === undefined || b === undefined || !a.equals(b) ? file : undefined;
    }),
  );
  return changed.filter((file): file is string => file !== undefined);
}

async function generate(cliRoot: string, schemaFile: string, language: Language, out: string): Promise<void> {
  const home = await mkdtemp(path.join(tmpdir(), "zenlayer-sdkgen-home-"));
  try {
    await execFileAsync(
      path.join(cliRoot, "bin", "pulumi"),
      ["package", "gen-sdk", schemaFile, "--language", language, "--out", out],
      {
        env: {
          ...process.env,
          PATH: `${path.join(cliRoot, "bin")}${path.delimiter}${process.env["PATH"] ?? ""}`,
          PULUMI_HOME: home,
          PULUMI_SKIP_UPDATE_CHECK: "true",
          PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        },
        timeout: 300_000,
      },
    );
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** Generates (or checks) `languages` in `sdkRoot`; resolves with the exit code. */
async function main(check: boolean, languages: readonly Language[], sdkRoot: string): Promise<number> {
  const schema = await schemaText();
  const schemaPath = path.join(sdkRoot, "schema.json");
  const committedSchema = await readFile(schemaPath, "utf8").catch(() => "");
  let failed = check && committedSchema !== schema;
  if (failed) console.log("sdk/schema.json differs from the schema the code defines");
  if (!check) await writeFile(schemaPath, schema);
  const cli = await ensurePulumiCli();
  const work = await mkdtemp(path.join(tmpdir(), "zenlayer-sdkgen-"));
  try {
    const schemaFile = path.join(work, "schema.json");
    await writeFile(schemaFile, schema);
    for (const language of languages) {
      if (hostOf(cli.root, language) === undefined) {
        console.log(
          `${language}: skipped: no pulumi-language-${language} beside ${cli.root}/bin/pulumi or on PATH`,
        );
        continue;
      }
      await generate(cli.root, schemaFile, language, path.join(work, "out"));
      const generated = path.join(work, "out", language);
      const committed = path.join(sdkRoot, language);
      await keepCommitted(KEPT_FILES[language] ?? [], committed, generated);
      const changed = await differences(committed, generated);
      if (check) {
        failed ||= changed.length > 0;
        console.log(`${language}: ${changed.length === 0 ? "up to date" : `differs: ${changed.join(", ")}`}`);
      } else {
        await rm(committed, { recursive: true, force: true });
        await mkdir(committed, { recursive: true });
        await cp(generated, committed, { recursive: true });
        console.log(`${language}: generated into sdk/${language} (${String(changed.length)} files changed)`);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  if (failed) console.log("run `npm run sdk:generate` and commit the result");
  return failed ? 1 : 0;
}

/** `--languages a,b` (default: all four). */
function languagesOf(argv: readonly string[]): Language[] {
  const listed = argv[argv.indexOf("--languages") + 1];
  if (!argv.includes("--languages") || listed === undefined) return [...LANGUAGES];
  const chosen = listed.split(",");
  const unknown = chosen.filter((name) => !LANGUAGES.some((language) => language === name));
  if (unknown.length > 0)
    throw new Error(`unknown languages ${unknown.join(", ")}; pick from ${LANGUAGES.join(", ")}`);
  return chosen as Language[];
}

/** `--sdk-root <dir>` (default: the repository's `sdk/`). */
function sdkRootOf(argv: readonly string[]): string {
  const given = argv[argv.indexOf("--sdk-root") + 1];
  if (!argv.includes("--sdk-root")) return SDK_ROOT;
  if (given === undefined) throw new Error("--sdk-root needs a folder");
  return path.resolve(given);
}

main(process.argv.includes("--check"), languagesOf(process.argv), sdkRootOf(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
