/**
 * scripts/ensure-pulumi installs an executor beside the Python language host it builds: the
 * source folder's own when it has one (as upstream installs it), else this repository's
 * (scripts/pulumi-build/pulumi-language-python-exec), so that the report says Python programs can
 * run. On a made-up machine: a stand-in `go` whose "builds" write small scripts reporting the
 * pinned version, stand-in hosts for the other languages on PATH, and a stand-in `python3`.
 * Nothing is built or downloaded.
 */
import { execFile } from "node:child_process";
import {
  accessSync,
  chmodSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
} from "node:fs";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { LANGUAGE_REPORT_FILE, parseLanguageReport } from "../../../scripts/lib/languageReport";
import { ENSURE_PULUMI_SCRIPT, lastLine, REPO_ROOT } from "../../../scripts/lib/pulumiCli";

const execFileAsync = promisify(execFile);
const OUR_EXECUTOR = path.join(REPO_ROOT, "scripts", "pulumi-build", "pulumi-language-python-exec");

function stub(dir: string, name: string, body: string): void {
  writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`);
  chmodSync(path.join(dir, name), 0o755);
}

/**
 * `go env GOVERSION` answers a new enough Go; `go build ... -o OUT PKG` writes a script that
 * reports v3.248.0 to OUT (to OUT/pulumi when OUT is a folder, as for the CLI's `tool` build).
 */
const FAKE_GO = `case "$1" in
env) echo go1.26.0 ;;
build)
  while [ "$#" -gt 0 ]; do [ "$1" = -o ] && out="$2"; shift; done
  case "$out" in */) out="\${out}pulumi" ;; esac
  printf '#!/bin/sh\\necho v3.248.0\\n' >"$out" && chmod 755 "$out" ;;
*) exit 2 ;;
esac`;

/** A machine with no `pulumi` on PATH (so the script "builds" one), and hosts but Python's on PATH. */
function fakeMachine(base: string): string {
  const bin = path.join(base, "bin");
  mkdirSync(bin);
  stub(bin, "go", FAKE_GO);
  for (const host of ["nodejs", "go", "yaml"]) stub(bin, `pulumi-language-${host}`, "echo v3.248.0");
  stub(bin, "node", "echo v99.1.0");
  stub(bin, "python3", 'echo "Python 3.12.0"');
  return bin;
}

/** A source folder of the Python host for the pinned CLI, with `extra` files in it. */
function hostSource(base: string, extra: Readonly<Record<string, string>> = {}): string {
  const source = path.join(base, "python-host-source");
  mkdirSync(source);
  writeFileSync(
    path.join(source, "go.mod"),
    "module example\n\nrequire (\n\tgithub.com/pulumi/pulumi/pkg/v3 v3.248.0\n)\n",
  );
  writeFileSync(path.join(source, "go.sum"), "");
  writeFileSync(path.join(source, "main.go"), "package main\n");
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(source, name), text);
  return source;
}

/** Runs the script; returns the report and the executor beside the real Python host. */
async function ensure(base: string, bin: string, source: string) {
  const { stdout } = await execFileAsync(ENSURE_PULUMI_SCRIPT, [], {
    env: {
      PATH: `${bin}:/usr/bin:/bin`,
      HOME: base,
      PULUMI_ZENLAYER_CLI_CACHE: path.join(base, "cache"),
      PULUMI_LANGUAGE_PYTHON_SOURCE: source,
    },
  });
  const root = lastLine(stdout);
  const file = path.join(root, LANGUAGE_REPORT_FILE);
  const host = realpathSync(path.join(root, "bin", "pulumi-language-python"));
  const executor = path.join(path.dirname(host), "pulumi-language-python-exec");
  return { report: parseLanguageReport(readFileSync(file, "utf8"), file), executor };
}

describe("scripts/ensure-pulumi's Python host", () => {
  let base: string;

  beforeEach(() => (base = mkdtempSync(path.join(tmpdir(), "ensure-pulumi-python-"))));
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it("gets this repository's executor when its source folder has none, so Python programs can run", async () => {
    const { report, executor } = await ensure(base, fakeMachine(base), hostSource(base));

    expect(readFileSync(executor, "utf8")).toBe(readFileSync(OUR_EXECUTOR, "utf8"));
    expect(() => accessSync(executor, constants.X_OK)).not.toThrow();
    expect(report.languages.python).toMatchObject({
      available: true,
      detail: "python3 (Python 3.12.0), python -m venv works",
    });
  });

  it("gets the source folder's own executor when it has one, as upstream installs it", async () => {
    const source = hostSource(base, { "pulumi-language-python-exec": "# the folder's own executor\n" });
    const { report, executor } = await ensure(base, fakeMachine(base), source);

    expect(readFileSync(executor, "utf8")).toBe("# the folder's own executor\n");
    expect(report.languages.python.available).toBe(true);
  });
});
