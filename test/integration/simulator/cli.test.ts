import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import type { Simulator } from "../../../simulator";
import { runCli } from "../../../simulator";
import { parseCliArgs } from "../../../simulator/config/cliArgs";
import { failure, rawCall } from "./rawClient";

const ROOT = join(__dirname, "..", "..", "..");
let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "zenlayer-simulator-cli-"));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function seedFile(): string {
  const file = join(workDir, "seed.json");
  writeFileSync(
    file,
    JSON.stringify({
      instances: [{ instanceId: "101", instanceName: "from-file" }],
      nics: [{ nicId: "202" }],
    }),
  );
  return file;
}

async function runQuiet(argv: string[]) {
  let output = "";
  let ready: Simulator | undefined;
  const handle = await runCli(argv, {
    write: (text) => (output += text),
    handleSignals: false,
    onReady: (s) => (ready = s),
  });
  if (handle === null) throw new Error("expected the simulator to start");
  return { handle, output: () => output, ready: () => ready };
}

describe("parseCliArgs", () => {
  it("maps flags to simulator options", () => {
    const argv = [
      "--port",
      "8123",
      "--host",
      "127.0.0.1",
      "--transition-delay-ms",
      "50",
      "--legacy-error-codes",
    ];
    const faults = ["--rate-limit", "5", "--retry-after", "2", "--error-rate", "0.1", "--latency-ms", "20"];
    const more = [
      "--reset-rate",
      "0.01",
      "--html-rate",
      "0.02",
      "--stale-read-ms",
      "300",
      "--random-seed",
      "9",
      "--token",
      "a",
      "--token",
      "b",
    ];
    const { options, help, seedFile: file } = parseCliArgs([...argv, ...faults, ...more]);
    expect(help).toBe(false);
    expect(file).toBeUndefined();
    expect(options).toEqual({
      host: "127.0.0.1",
      port: 8123,
      transitionDelayMs: 50,
      randomSeed: 9,
      errorCodes: "legacy",
      bearerTokens: ["a", "b"],
      faults: {
        rateLimitRps: 5,
        retryAfterSeconds: 2,
        errorRate: 0.1,
        latencyMs: 20,
        resetRate: 0.01,
        htmlRate: 0.02,
        staleReadMs: 300,
      },
    });
  });

  it.each([
    [["--error-rate", "2"], /--error-rate must be a number between 0 and 1/],
    [["--port", "http"], /--port must be an integer/],
    [["--access-key-id", "x"], /must be given together/],
    [["--access-key-password", "x"], /must be given together/],
    [["--bogus"], /Unknown option/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe("runCli (in-process)", () => {
  it("prints usage for --help and starts nothing", async () => {
    let output = "";
    expect(await runCli(["--help"], { write: (text) => (output += text) })).toBeNull();
    expect(output).toContain("--seed-file");
    for (const flag of ["--admin-token", "ZENLAYER_SIMULATOR_ADMIN_TOKEN", "--idle-timeout-ms"]) {
      expect(output).toContain(flag);
    }
  });

  it("starts with a seed file, prints how to point a client at it, and stops", async () => {
    const { handle, output, ready } = await runQuiet(["--seed-file", seedFile(), "--legacy-error-codes"]);
    const sim = handle.simulator;
    expect(ready()).toBe(sim);
    expect(output()).toContain(`listening on ${sim.url}`);
    expect(output()).toContain(`export ZENLAYERCLOUD_DOMAIN=${sim.domain}`);
    expect(output()).toContain("export ZENLAYERCLOUD_SCHEME=HTTP");
    expect(output()).toContain("export ZENLAYERCLOUD_ACCESS_KEY_ID=SIMULATOR0KEY0ID");
    expect(output()).toMatch(/instance 101 from-file RUNNING/);
    expect(await failure(sim, "DetachNetworkInterface", { nicId: "202" })).toEqual({
      status: 403,
      code: "OPERATION_DENIED_NIC_NOT_EXIST_INSTANCE",
    });
    await handle.stop();
    await expect(handle.stopped).resolves.toBeUndefined();
    await expect(rawCall(sim, "DescribeInstances", {})).rejects.toThrow(/ECONNREFUSED/);
  });

  it("uses the given key pair and tokens without ever printing them", async () => {
    const key = { accessKeyId: "CUSTOM0ID", accessKeyPassword: "custom-fake-password" };
    const argv = [
      "--access-key-id",
      key.accessKeyId,
      "--access-key-password",
      key.accessKeyPassword,
      "--token",
      "cli-fake-token",
    ];
    const { handle, output } = await runQuiet(argv);
    expect((await rawCall(handle.simulator, "DescribeInstances", {}, { key })).status).toBe(200);
    expect(
      (await rawCall(handle.simulator, "DescribeInstances", {}, { bearer: "cli-fake-token" })).status,
    ).toBe(200);
    expect((await rawCall(handle.simulator, "DescribeInstances", {})).status).toBe(401);
    expect(output()).not.toContain(key.accessKeyPassword);
    expect(output()).not.toContain("cli-fake-token");
    await handle.stop();
  });

  it("takes the password from ZENLAYER_SIMULATOR_ACCESS_KEY_PASSWORD without printing it", async () => {
    const key = { accessKeyId: "CUSTOM0ID", accessKeyPassword: "env-fake-password" };
    const saved = process.env["ZENLAYER_SIMULATOR_ACCESS_KEY_PASSWORD"];
    process.env["ZENLAYER_SIMULATOR_ACCESS_KEY_PASSWORD"] = key.accessKeyPassword;
    try {
      const { handle, output } = await runQuiet(["--access-key-id", key.accessKeyId]);
      expect((await rawCall(handle.simulator, "DescribeInstances", {}, { key })).status).toBe(200);
      expect((await rawCall(handle.simulator, "DescribeInstances", {})).status).toBe(401);
      expect(output()).not.toContain(key.accessKeyPassword);
      expect(output()).toContain("ZENLAYERCLOUD_ACCESS_KEY_PASSWORD=<the password given to");
      await handle.stop();
    } finally {
      if (saved === undefined) delete process.env["ZENLAYER_SIMULATOR_ACCESS_KEY_PASSWORD"];
      else process.env["ZENLAYER_SIMULATOR_ACCESS_KEY_PASSWORD"] = saved;
    }
  });
});

/**
 * The entry file and every local module it imports, transitively (the simulator uses a few sdk
 * modules, such as the signer and the token bucket), found from the import statements alone.
 */
function localSources(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const base = join(dirname(file), fileName);
      pending.push(existsSync(`${base}.ts`) ? `${base}.ts` : join(base, "index.ts"));
    }
  }
  return [...seen];
}

/** Transpiles the CLI and what it imports (no type check) so the real entry file can be spawned. */
function transpileTo(outDir: string): string {
  for (const source of localSources(join(ROOT, "simulator", "cli.ts"))) {
    const output = ts.transpileModule(readFileSync(source, "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    }).outputText;
    const target = join(outDir, relative(ROOT, source)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
  }
  return join(outDir, "simulator", "cli.js");
}

describe("the zenlayer-simulator executable", () => {
  it("has a node shebang, serves requests, and exits 0 on SIGTERM", async () => {
    const cli = transpileTo(join(workDir, "build"));
    expect(readFileSync(cli, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    const child = spawn(process.execPath, [cli, "--port", "0", "--seed-file", seedFile()], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/[\d.]+:(\d+))/.exec(stdout);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.on("exit", () => reject(new Error(`exited early: ${stdout}`)));
    });
    const domain = url.replace("http://", "");
    const response = await rawCall({ domain, port: Number(domain.split(":")[1]) }, "DescribeInstances", {});
    expect(response.status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toContain("Received SIGTERM, stopping.");
  });
});
