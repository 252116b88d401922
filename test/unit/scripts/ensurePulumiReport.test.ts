/**
 * scripts/ensure-pulumi's report of the languages it can run on-disk programs in, on a made-up
 * machine: a `pulumi` "installed" on PATH with stand-in language hosts beside it, and stand-ins
 * for `node`, `go` and `python3` that say what the test wants. Nothing is built or downloaded.
 */
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { LANGUAGE_REPORT_FILE, parseLanguageReport } from "../../../scripts/lib/languageReport";
import { ENSURE_PULUMI_SCRIPT, lastLine } from "../../../scripts/lib/pulumiCli";

const execFileAsync = promisify(execFile);

/** Writes an executable shell script `name` into `dir`. */
function stub(dir: string, name: string, body: string): void {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

/** A bin folder with the CLI, every host, and `node`, `go` and `python3` stand-ins. */
function fakeMachine(base: string, python3: string): string {
  const bin = path.join(base, "bin");
  mkdirSync(bin);
  for (const name of ["pulumi", "nodejs", "yaml", "go", "python"].map((n) =>
    n === "pulumi" ? n : `pulumi-language-${n}`,
  )) {
    stub(bin, name, "echo v3.248.0");
  }
  stub(bin, "pulumi-resource-pulumi-nodejs", "exit 0");
  stub(bin, "node", "echo v99.1.0");
  stub(bin, "go", "echo go1.20.1");
  stub(bin, "python3", python3);
  return bin;
}

/** Runs the script with only `bin` and the system folders on PATH; returns the report and stderr. */
async function runScript(base: string, bin: string) {
  const { stdout, stderr } = await execFileAsync(ENSURE_PULUMI_SCRIPT, [], {
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: base, PULUMI_ZENLAYER_CLI_CACHE: path.join(base, "cache") },
  });
  const file = path.join(lastLine(stdout), LANGUAGE_REPORT_FILE);
  return { report: parseLanguageReport(readFileSync(file, "utf8"), file), stderr };
}

describe("scripts/ensure-pulumi's language report", () => {
  let base: string;

  beforeEach(() => (base = mkdtempSync(path.join(tmpdir(), "ensure-pulumi-report-"))));
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it("says which languages run, and why the others do not, on stderr and in languages.json", async () => {
    const bin = fakeMachine(base, "exit 1");
    const { report, stderr } = await runScript(base, bin);

    expect(report.pulumiVersion).toBe("3.248.0");
    expect(report.languages.nodejs).toEqual({
      available: true,
      host: path.join(bin, "pulumi-language-nodejs"),
      detail: "node v99.1.0 on PATH",
    });
    expect(report.languages.yaml).toMatchObject({
      available: true,
      host: path.join(bin, "pulumi-language-yaml"),
    });
    expect(report.languages.go).toMatchObject({
      available: false,
      detail: "go on PATH is go1.20.1; github.com/pulumi/pulumi/sdk/v3 v3.248.0 needs Go >= 1.25.11",
    });
    expect(report.languages.python.available).toBe(false);
    expect(report.languages.python.detail).toContain(
      `no pulumi-language-python-exec beside the host in ${bin}`,
    );
    expect(stderr).toMatch(/ {2}yaml {4}yes the host needs nothing else/);
    expect(stderr).toMatch(/ {2}go {6}no {2}go on PATH is go1\.20\.1/);
  });

  it("reports a Python that cannot make a virtual environment with the Python's own words", async () => {
    const bin = fakeMachine(base, 'echo "No module named ensurepip" >&2; exit 1');
    writeFileSync(path.join(bin, "pulumi-language-python-exec"), "");
    const { report } = await runScript(base, bin);

    expect(report.languages.python).toEqual({
      available: false,
      host: path.join(bin, "pulumi-language-python"),
      detail: "python3: No module named ensurepip",
    });
  });

  it("reports a language without a host, saying how to get one", async () => {
    const bin = fakeMachine(base, "exit 1");
    rmSync(path.join(bin, "pulumi-language-go"));
    const { report } = await runScript(base, bin);

    expect(report.languages.go.host).toBeNull();
    expect(report.languages.go.detail).toBe(
      `no pulumi-language-go on PATH or beside pulumi in ${bin} ` +
        "(set PULUMI_LANGUAGE_GO_SOURCE to its source folder to build it)",
    );
  });
});
