import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * Ids of the processes whose working directory is `dir`. The end-to-end projects live in unique
 * temporary directories, so every process found there was started by the test that owns `dir`:
 * the driver, the Pulumi CLI, and the dynamic-provider plugin (which the CLI starts in its own
 * process group, so killing the driver's group does not reach it).
 */
export function processIdsIn(dir: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) {
      continue;
    }
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) === dir) {
        found.push(Number(entry));
      }
    } catch {
      // The process ended while we looked, or belongs to someone we may not inspect.
    }
  }
  return found;
}

/** The executable a process runs, e.g. to tell which `node` the plugin was started with. */
export function executableOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return undefined;
  }
}

/** The command line of a process, arguments joined by spaces; empty once it has ended. */
export function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "";
  }
}

/** Sends SIGKILL to one process or, with a negative id, to a process group; gone already is fine. */
export function killHard(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") {
      throw error;
    }
  }
}

/** Kills every process still running in `dir` (see {@link processIdsIn}) and returns their ids. */
export function killProcessesIn(dir: string): number[] {
  const pids = processIdsIn(dir);
  pids.forEach(killHard);
  return pids;
}

/** Whether a process's environment has `name=value` (false once it has ended or is not ours). */
function hasEnvEntry(pid: number, entry: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(entry);
  } catch {
    return false;
  }
}

/**
 * Ids of the processes whose environment has `name=value`. A world's private PULUMI_HOME is unique
 * and inherited by everything a Pulumi run starts (CLI, language host, program, provider plugin),
 * so this finds them even when they run in the repository itself, where {@link processIdsIn} would
 * also find other people's processes.
 */
export function processIdsWithEnv(name: string, value: string): number[] {
  if (value === "") {
    return [];
  }
  const entry = `${name}=${value}`;
  return readdirSync("/proc")
    .filter((pid) => /^\d+$/.test(pid) && Number(pid) !== process.pid)
    .map(Number)
    .filter((pid) => hasEnvEntry(pid, entry));
}

/** Kills every process found by {@link processIdsWithEnv} and returns their ids. */
export function killProcessesWithEnv(name: string, value: string): number[] {
  const pids = processIdsWithEnv(name, value);
  pids.forEach(killHard);
  return pids;
}
