/**
 * The chaos finding, end to end in a process of its own: batched reads whose caller's deadline had
 * already passed, while the shared Describe fails. Run with `--unhandled-rejections=strict`, Node
 * ends the process on the first rejection nobody handles, as the provider host would have.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import type { ScriptedServer } from "../../support/scriptedServer";
import { startScriptedServer } from "../../support/scriptedServer";
import { KEY_ID, PASSWORD } from "./integrationClient";

const ROOT = join(__dirname, "..", "..", "..");

/** Two reads that gave up before asking and two that wait, one of each kind, then a pause for Node to notice. */
const REPRODUCTION = `
  const { resolveClientConfig, ZecClient } = require("./sdk/index");
  const client = new ZecClient(resolveClientConfig({ env: process.env }));
  const aborted = AbortSignal.abort(new Error("deadline-passed"));
  (async () => {
    const reads = await Promise.allSettled([
      client.findNetworkInterface("1", aborted),
      client.findInstance("2", aborted),
      client.findNetworkInterface("3"),
      client.findInstance("4"),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    console.log(reads.map((read) => read.reason?.code ?? read.reason?.message ?? read.status).join(" "));
  })();`;

interface Exit {
  readonly exitCode: number | string;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs Node on `args` from the repository root and reports how it ended, whatever that was. */
function runNode(args: readonly string[], env: Readonly<Record<string, string>>): Promise<Exit> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...args], { cwd: ROOT, env }, (error, stdout, stderr) =>
      resolve({ exitCode: error === null ? 0 : (error.code ?? "killed"), stdout, stderr }),
    );
  });
}

let server: ScriptedServer;

beforeEach(async () => {
  server = await startScriptedServer({ credentials: { [KEY_ID]: PASSWORD } });
});

afterEach(async () => {
  await server.close();
});

describe("a process with --unhandled-rejections=strict", () => {
  it("survives batched reads given an already-aborted signal while the shared Describe answers an error", async () => {
    const failure = { kind: "error", status: 500, code: "INTERNAL_SERVER_ERROR" } as const;
    server.enqueue(failure, failure);
    const env = {
      PATH: process.env["PATH"] ?? "",
      TS_NODE_TRANSPILE_ONLY: "true",
      ZENLAYERCLOUD_ACCESS_KEY_ID: KEY_ID,
      ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: PASSWORD,
      ZENLAYERCLOUD_DOMAIN: server.domain,
      ZENLAYERCLOUD_SCHEME: "HTTP",
    };
    const args = ["--unhandled-rejections=strict", "-r", "ts-node/register", "-e", REPRODUCTION];
    const run = await runNode(args, env);
    expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({ exitCode: 0, stderr: "" });
    expect(run.stdout.trim()).toBe(
      "deadline-passed deadline-passed INTERNAL_SERVER_ERROR INTERNAL_SERVER_ERROR",
    );
    expect(server.requests.map((request) => request.action).sort()).toEqual([
      "DescribeInstances",
      "DescribeNetworkInterfaces",
    ]);
  });
});
