/**
 * scripts/pulumi-build/pulumi-language-python-exec, run with `python3` as the Python language host
 * runs it (its options, an entry point, PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS), against a
 * stand-in `pulumi` package and `grpc` module on PYTHONPATH that record what the executor asks of
 * them. Nothing is installed or downloaded; the real SDK runs in test/e2e/native/pythonProgram.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../../../scripts/lib/pulumiCli";

const EXECUTOR = path.join(REPO_ROOT, "scripts", "pulumi-build", "pulumi-language-python-exec");

/** The stand-in SDK: each call the executor makes is a JSON line in $FAKE_SDK_RECORD. */
const FAKE_SDK: Readonly<Record<string, string>> = {
  "pulumi/_record.py": `import json, os
def record(what, value=None):
    with open(os.environ["FAKE_SDK_RECORD"], "a") as out:
        out.write(json.dumps([what, value]) + "\\n")
`,
  "pulumi/__init__.py": `class RunError(Exception):
    pass
from . import log, runtime
`,
  "pulumi/log.py": `from ._record import record
def error(message): record("error", message)
def debug(message): record("debug", message)
`,
  "pulumi/runtime/__init__.py": `from .._record import record
from . import settings
import asyncio
FAIL_IN_SDK = []
LEFT_BEHIND = []
def set_all_config(config, secret_keys=None): record("set_all_config", [config, secret_keys])
async def run_in_stack(func):
    func()
    if FAIL_IN_SDK:
        # Like the SDK's outputs of a failed lookup: futures holding the error that nobody awaits.
        for _ in range(3):
            future = asyncio.get_running_loop().create_future()
            future.set_exception(ValueError(FAIL_IN_SDK[0]))
            LEFT_BEHIND.append(future)
        raise ValueError(FAIL_IN_SDK[0])
`,
  "pulumi/runtime/settings.py": `from .._record import record
class Settings:
    def __init__(self, **kwargs): self.kwargs = kwargs
def configure(settings): record("configure", settings.kwargs)
`,
  "grpc/__init__.py": `class StatusCode:
    UNAVAILABLE = "UNAVAILABLE"
    INTERNAL = "INTERNAL"
class RpcError(Exception):
    def __init__(self, code, details=""): self._code, self._details = code, details
    def code(self): return self._code
    def details(self): return self._details
`,
};

interface Run {
  readonly code: number;
  readonly stderr: string;
  readonly calls: [string, unknown][];
}

let base: string;

/** Writes `files` (path → text) under `dir`. */
function write(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

/** Runs the executor as the host does, in `base/project` with `program` written there. */
function runExecutor(
  program: Readonly<Record<string, string>>,
  options: { entryPoint?: string; env?: Record<string, string>; sdk?: boolean } = {},
): Promise<Run> {
  const project = path.join(base, "project");
  write(project, program);
  const record = path.join(base, "record.jsonl");
  writeFileSync(record, "");
  const args = [EXECUTOR, "--monitor", "127.0.0.1:1", "--engine", "127.0.0.1:2", "--project", "proj"];
  args.push("--root_directory", project, "--stack", "dev", "--pwd", project, "--dry_run", "true");
  args.push("--parallel", "7", "--organization", "org", options.entryPoint ?? ".", "extra-arg");
  const env = {
    PATH: process.env["PATH"] ?? "",
    FAKE_SDK_RECORD: record,
    ...(options.sdk === false ? {} : { PYTHONPATH: path.join(base, "sdk") }),
    ...options.env,
  };
  return new Promise((resolve) => {
    execFile("python3", args, { cwd: base, env }, (error, _stdout, stderr) => {
      const calls = readFileSync(record, "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as [string, unknown]);
      resolve({ code: error === null ? 0 : Number(error.code), stderr, calls });
    });
  });
}

const errorsOf = (run: Run): unknown[] => run.calls.filter(([what]) => what === "error").map(([, v]) => v);

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), "python-executor-"));
  write(path.join(base, "sdk"), FAKE_SDK);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe("pulumi-language-python-exec", () => {
  it("connects the SDK to the engine, gives it the config and secret keys, and runs the folder's __main__.py", async () => {
    const run = await runExecutor(
      {
        "__main__.py": `import os, sys, helper
from pulumi._record import record
record("program", [__name__, helper.VALUE, sys.argv, os.getcwd()])
`,
        "helper.py": "VALUE = 'imported from the program folder'\n",
      },
      {
        env: {
          PULUMI_CONFIG: JSON.stringify({ "proj:plain": "a", "proj:token": "s3cr3t" }),
          PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(["proj:token"]),
        },
      },
    );
    const project = path.join(base, "project");

    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.calls).toEqual([
      [
        "configure",
        {
          project: "proj",
          stack: "dev",
          monitor: "127.0.0.1:1",
          engine: "127.0.0.1:2",
          parallel: 7,
          dry_run: true,
          organization: "org",
          root_directory: project,
        },
      ],
      ["set_all_config", [{ "proj:plain": "a", "proj:token": "s3cr3t" }, ["proj:token"]]],
      ["program", ["__main__", "imported from the program folder", [project, "extra-arg"], project]],
    ]);
  });

  it("runs a .py file that Pulumi.yaml's main names, importing from its folder", async () => {
    const run = await runExecutor(
      {
        "src/app.py": "import helper\nfrom pulumi._record import record\nrecord('program', helper.VALUE)\n",
        "src/helper.py": "VALUE = 'beside app.py'\n",
      },
      { entryPoint: "src/app.py" },
    );

    expect(run.code).toBe(0);
    expect(run.calls).toContainEqual(["program", "beside app.py"]);
  });

  it("reports an unhandled exception once, with the traceback from the program's own frame on", async () => {
    const run = await runExecutor({
      "__main__.py": "import helper\nhelper.boom()\n",
      "helper.py": "def boom():\n    raise ValueError('boom in helper')\n",
    });

    expect(run.code).toBe(32);
    const errors = errorsOf(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^the Python program failed with an unhandled exception:\nTraceback \(most recent call last\):\n {2}File ".*__main__\.py", line 2, in <module>\n/,
    );
    expect(errors[0]).toContain("ValueError: boom in helper");
    expect(errors[0]).not.toMatch(/runpy|pulumi-language-python-exec/);
  });

  it("says in one line what failed in the SDK's own tasks, and keeps the traceback for --debug", async () => {
    const run = await runExecutor({
      "__main__.py": "import pulumi.runtime\npulumi.runtime.FAIL_IN_SDK.append('invoke of x failed')\n",
    });

    expect(run.code).toBe(32);
    expect(errorsOf(run)).toEqual(["the Python program failed: ValueError: invoke of x failed"]);
    expect(run.stderr).toBe(""); // not asyncio's "Future exception was never retrieved", thrice
    expect(run.calls).toContainEqual(["debug", expect.stringContaining("Traceback (most recent call last)")]);
  });

  it("reports a RunError by its message alone", async () => {
    const run = await runExecutor({
      "__main__.py": "import pulumi\nraise pulumi.RunError('a clean stop')\n",
    });

    expect(run.code).toBe(32);
    expect(errorsOf(run)).toEqual(["a clean stop"]);
  });

  it("adds nothing when the engine stopped listening: the engine says why the run ended", async () => {
    const run = await runExecutor({
      "__main__.py": `import grpc, pulumi
try:
    raise grpc.RpcError(grpc.StatusCode.UNAVAILABLE)
except grpc.RpcError:
    raise pulumi.RunError("Resource monitor has terminated, shutting down")
`,
    });

    expect(run.code).toBe(32);
    expect(errorsOf(run)).toEqual([]);
  });

  it("reports another failed call to the engine by its details", async () => {
    const run = await runExecutor({
      "__main__.py": "import grpc\nraise grpc.RpcError(grpc.StatusCode.INTERNAL, 'the engine broke')\n",
    });

    expect(run.code).toBe(32);
    expect(errorsOf(run)).toEqual(["RPC error: the engine broke"]);
  });

  it("stops before the program, saying how to install the SDK, when the environment has none", async () => {
    const run = await runExecutor({ "__main__.py": "" }, { sdk: false });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: the Pulumi SDK cannot be imported by .*pulumi install/);
  });

  it("stops, naming the variable, when the host's config is not a JSON object", async () => {
    const run = await runExecutor({ "__main__.py": "" }, { env: { PULUMI_CONFIG: "[1]" } });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("PULUMI_CONFIG is not a JSON object");
    expect(run.calls.map(([what]) => what)).not.toContain("program");
  });

  it("stops, naming the folder, when the program folder has no __main__.py", async () => {
    const run = await runExecutor({ "app.py": "" });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(base, "project")} has no __main__.py`);
  });
});
