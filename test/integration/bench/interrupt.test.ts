/**
 * An interrupted `npm run bench` removes its temporary folder: the run's process, stopped by
 * SIGINT (Ctrl-C), SIGTERM or SIGHUP, first ends the drivers writing into the folder, then removes
 * it, then ends by the signal it got. Before, Node ended the process at the signal and the folder
 * (several hundred megabytes) stayed under the temporary directory.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import * as path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { eventually } from "../../support/eventually";

const ROOT = path.resolve(__dirname, "..", "..", "..");

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** What a failed test must not leave running or lying around. */
let leftover: { folder: string; driver: number; run: ChildProcess } | undefined;

async function interruptedRun(signal: NodeJS.Signals) {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register", path.join(__dirname, "interruptedRun.ts")],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "1", TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, by) => resolve(by)));
  const started = await new Promise<{ folder: string; driver: number }>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("\n")) resolve(JSON.parse(stdout) as { folder: string; driver: number });
    });
    child.on("exit", () => reject(new Error(`ended before it started: ${stderr}`)));
  });
  leftover = { ...started, run: child };
  const stateFile = path.join(started.folder, "pulumi", "stacks", "dev.json");
  await eventually(() => existsSync(stateFile), "the stand-in driver's first write", { timeoutMs: 10_000 });
  child.kill(signal);
  return { ...started, endedBy: await ended, stderr: () => stderr };
}

function stop(kill: () => void): void {
  try {
    kill();
  } catch {
    // Already gone.
  }
}

afterEach(() => {
  if (leftover === undefined) return;
  const { run, driver, folder } = leftover;
  stop(() => run.kill("SIGKILL"));
  // The stand-in leads a process group of its own; a pid of 0 would name the test's group.
  if (driver > 0) stop(() => process.kill(-driver, "SIGKILL"));
  rmSync(folder, { recursive: true, force: true });
  leftover = undefined;
});

describe("an interrupted bench run", () => {
  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)(
    "on %s stops its drivers, removes its folder and ends by the signal",
    async (signal) => {
      const run = await interruptedRun(signal);
      expect(run.endedBy).toBe(signal);
      expect(run.stderr()).toContain(`bench: ${signal}: stopping and removing ${run.folder}`);
      expect(isRunning(run.driver)).toBe(false);
      // A driver left running would write its state into the folder again.
      await delay(100);
      expect(existsSync(run.folder)).toBe(false);
    },
  );
});
