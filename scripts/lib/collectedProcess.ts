import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";

/** How a process ended, with everything it wrote. */
export interface CollectedExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A started process, and how it ended once it has. */
export interface CollectingProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<CollectedExit>;
}

/** Where and how {@link spawnCollecting} starts a process. */
export interface CollectingOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Written to its stdin, which is then closed. */
  readonly stdin: string;
  /** In a process group of its own, so that the group can be signalled as a shell's job is. */
  readonly detached?: boolean;
}

/**
 * Starts `file` with `args`, feeds it `stdin` and keeps all it writes to stdout and stderr, for
 * the commands the tests and the bench run (the driver, the Pulumi CLI) whose whole output is
 * their result or the explanation of a failure.
 */
export function spawnCollecting(
  file: string,
  args: readonly string[],
  options: CollectingOptions,
): CollectingProcess {
  const child = spawn(file, [...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["pipe", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<CollectedExit>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  child.stdin.end(options.stdin);
  return { child, exited };
}
