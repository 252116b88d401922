import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import * as path from "node:path";
import type { Simulator } from "../../../simulator/index";
import type { KillPlan } from "../plan";
import type { KillRecord } from "../trace";
import { commandLineOf, killHard, killProcessesIn, processIdsIn } from "../../e2e/support/processes";

const NIC_WRITES: ReadonlySet<string> = new Set(["AttachNetworkInterface", "DetachNetworkInterface"]);
const POLL_MS = 25;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** NIC writes the simulator received since `sinceMs`, whatever became of them. */
export function writesSince(sim: Simulator, sinceMs: number): number {
  return sim.control
    .requestLog()
    .filter((entry) => entry.action !== null && NIC_WRITES.has(entry.action) && entry.receivedAtMs >= sinceMs)
    .length;
}

/** Sends `signal` to a process group; one that has ended already is fine. */
function signalGroup(leader: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-leader, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** What a kill needs to reach: the command's process group, the project folder, and whether it ended. */
export interface KillTarget {
  readonly sim: Simulator;
  readonly projectDir: string;
  readonly groupLeader: number;
  readonly startMs: number;
  readonly ended: () => boolean;
}

/**
 * Waits for the plan's kill point (its `afterWrites`-th NIC write of the command, then `delayMs`),
 * and interrupts the command there, unless it ended first (then undefined):
 * - SIGINT: Ctrl-C, to the CLI's process group; the CLI cancels gracefully, letting the
 *   operations in flight finish. "SIGINT twice": a second Ctrl-C makes it stop at once.
 * - SIGKILL: the CLI's group and every process in the project folder (the provider plugin runs in
 *   a process group of its own), as when the machine dies.
 * - "SIGKILL, plugin left running": the CLI's group only, as `kill -9` of a CI job does; the
 *   plugin goes on with what it was doing. Its pids are returned in `orphanPids`.
 */
export async function killAtPoint(
  plan: KillPlan,
  target: KillTarget,
): Promise<{ record: KillRecord; orphanPids: number[] } | undefined> {
  while (!target.ended() && writesSince(target.sim, target.startMs) < plan.afterWrites) await pause(POLL_MS);
  const fireAt = Date.now() + plan.delayMs;
  while (!target.ended() && Date.now() < fireAt) await pause(POLL_MS);
  if (target.ended()) return undefined;
  const atMs = Date.now();
  const writesSeen = writesSince(target.sim, target.startMs);
  let orphanPids: number[] = [];
  if (plan.signal === "SIGINT" || plan.signal === "SIGINT twice") {
    signalGroup(target.groupLeader, "SIGINT");
    if (plan.signal === "SIGINT twice") {
      const secondAt = Date.now() + plan.secondAfterMs;
      while (!target.ended() && Date.now() < secondAt) await pause(POLL_MS);
      if (!target.ended()) signalGroup(target.groupLeader, "SIGINT");
    }
  } else {
    killHard(-target.groupLeader);
    if (plan.signal === "SIGKILL") killProcessesIn(target.projectDir);
    await pause(100); // the group is gone now: what is left in the folder is the plugin
    if (plan.signal === "SIGKILL") killProcessesIn(target.projectDir);
    else orphanPids = processIdsIn(target.projectDir);
  }
  const orphans = orphanPids.map(processName);
  return { record: { signal: plan.signal, atMs, writesSeen, orphans }, orphanPids };
}

/** What a process runs, short: its program, and for an interpreter its script's last two path parts. */
function processName(pid: number): string {
  const [program = "?", script] = commandLineOf(pid).split(" ");
  const name = path.basename(program);
  return script !== undefined && /^(node|sh|bash)$/.test(name)
    ? `${name} ${script.split("/").slice(-2).join("/")}`
    : name;
}

/** How many of `pids` are still running. */
export function stillRunning(pids: readonly number[]): number {
  return pids.filter((pid) => existsSync(`/proc/${pid}`)).length;
}

/**
 * Pulumi's file backend (gocloud's `fileblob`) writes a checkpoint to a temporary file and renames
 * it, but writes the checkpoint's `.attrs` sidecar in place, before the rename. A SIGKILL between
 * the two leaves an empty sidecar beside the previous, whole checkpoint, and every later command
 * fails with "failed to load checkpoint: EOF" (seen in CI: seed 42, killed 41 ms after a write).
 * Deleting the empty sidecar is the user's fix: the previous checkpoint is read again, as after
 * any kill. Only empty sidecars of an existing file are removed; anything else stays a failure.
 * Returns the paths removed, relative to `backendDir`.
 */
export function removeEmptySidecars(backendDir: string): string[] {
  const removed: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith(".attrs") && statSync(file).size === 0 && existsSync(file.slice(0, -6))) {
        rmSync(file);
        removed.push(path.relative(backendDir, file));
      }
    }
  };
  if (existsSync(backendDir)) visit(backendDir);
  return removed;
}
