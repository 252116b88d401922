import { spawn } from "node:child_process";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { REPO_ROOT } from "../lib/pulumiCli";
import type { StartupSummary } from "./analysis";
import { startupSummary } from "./analysis";

/** The plugin executable `npm run build` makes: a launcher that runs the bundle on the Node.js on PATH. */
export const PLUGIN_EXECUTABLE = path.join(REPO_ROOT, "dist", "plugin", "pulumi-resource-zenlayer");

/** How many times the plugin is launched: enough for a median and a 95th percentile. */
export const STARTUP_LAUNCHES = 20;

/** A launch that has not printed its port by then has failed (it normally takes a few hundred ms). */
const LAUNCH_TIMEOUT_MS = 10_000;

/**
 * An engine address, as the engine passes its own as the last argument. Nothing listens there:
 * the plugin only connects to it when it first logs, which a launch that is stopped at once never does.
 */
const UNUSED_ENGINE_ADDRESS = "127.0.0.1:1";

/**
 * Launches the plugin once, as the engine does, and returns the milliseconds from the spawn to its
 * first line on stdout (the port: the handshake the engine waits for), then stops it with SIGTERM,
 * as the engine does, and waits for it to exit.
 */
function launchOnce(executable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(executable, [UNUSED_ENGINE_ADDRESS], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let readyMs: number | undefined;
    const timer = setTimeout(() => child.kill("SIGKILL"), LAUNCH_TIMEOUT_MS);
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (readyMs !== undefined || !stdout.includes("\n")) return;
      readyMs = performance.now() - startedAt;
      child.kill("SIGTERM");
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (readyMs !== undefined && /^\d+\n/.test(stdout)) resolve(readyMs);
      else
        reject(
          new Error(
            `${executable} ended (${signal ?? `exit code ${String(code)}`}) without printing its port; stdout: ${stdout.slice(0, 200)} stderr: ${stderr.slice(-2000)}`,
          ),
        );
    });
  });
}

/**
 * Times {@link STARTUP_LAUNCHES} launches of the plugin, one after another: how long the engine
 * waits for the plugin each time it starts it (every `up`, `preview`, `refresh` and `destroy`).
 */
export async function measurePluginStartup(
  executable: string = PLUGIN_EXECUTABLE,
  launches: number = STARTUP_LAUNCHES,
): Promise<StartupSummary> {
  const samples: number[] = [];
  for (let index = 0; index < launches; index++) samples.push(await launchOnce(executable));
  return startupSummary(samples);
}
