import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { onInterrupt, PROCESS_HOST } from "../lib/interrupt";
import type { SignalHost } from "../lib/interrupt";

/**
 * The temporary folder of one bench run (the packed package, a project with its node_modules, the
 * stacks and a Pulumi home: several hundred megabytes), removed at the end of the run and when the
 * run is interrupted (Ctrl-C, SIGTERM, SIGHUP), which used to leave it behind. What runs inside
 * it (npm, the drivers with the Pulumi CLI and its plugins) is stopped first, so nothing writes
 * into the folder while it is being removed.
 */
export interface BenchRoot {
  readonly path: string;
  /** Aborted when the run is interrupted: pass it to whatever runs in the folder. */
  readonly stopped: AbortSignal;
  /**
   * Counts `child`, started in a process group of its own (`detached`), as running in the folder:
   * an interruption kills its whole group and waits for it before removing the folder.
   */
  runs(child: ChildProcess): void;
  /** Stops removing the folder on interruption (the run removes it itself). */
  disarm(): void;
}

/** How long an interruption waits for the processes in the folder to end before removing it anyway. */
const STOP_WAIT_MS = 5000;

function killGroup(child: ChildProcess): void {
  // A pid of 0 would name this process's own group.
  if (child.pid === undefined || child.pid <= 0) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

function whenClosed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("close", () => resolve()));
}

/**
 * Makes the folder and arms its removal on interruption. `host` is the process (tests pass their
 * own). The interruption says what it removes, and that a second signal leaves it.
 */
export async function createBenchRoot(host: SignalHost = PROCESS_HOST): Promise<BenchRoot> {
  const folder = await mkdtemp(path.join(tmpdir(), "pulumi-zenlayer-bench-"));
  const controller = new AbortController();
  const children = new Set<ChildProcess>();
  const release = onInterrupt(async (signal) => {
    host.tell(`bench: ${signal}: stopping and removing ${folder} (send ${signal} again to leave it)`);
    controller.abort();
    for (const child of children) killGroup(child);
    await Promise.race([Promise.all([...children].map(whenClosed)), delay(STOP_WAIT_MS)]);
    await rm(folder, { recursive: true, force: true, maxRetries: 3 });
  }, host);
  return {
    path: folder,
    stopped: controller.signal,
    runs(child) {
      children.add(child);
      child.once("close", () => children.delete(child));
    },
    disarm: release,
  };
}

/** Removes the folder at the end of a run, and disarms the removal on interruption. */
export async function removeBenchRoot(root: BenchRoot): Promise<void> {
  root.disarm();
  await rm(root.path, { recursive: true, force: true, maxRetries: 3 });
}
