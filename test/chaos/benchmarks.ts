import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, machine } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../../scripts/lib/pulumiCli";
import { runCount, figureLines, invariantTable, seedList } from "./report";
import type { Batch } from "./batch";

const SECTION = "## Chaos";
const INTRO = [
  SECTION,
  "",
  "`npm run chaos` runs seeded chaos against the simulator (faults, out-of-band changes, killed commands) through",
  "the attachment handlers (the engine modelled in process) or, with `--engine`, the real Pulumi CLI, and judges",
  "every run with one checker (see `test/chaos/README.md`). Newest figures first; each block names the executor",
  "and the code it measured. Reproduce one run with `npm run chaos -- [--engine] --seed N`.",
  "",
].join("\n");

/**
 * BENCHMARKS.md at the repository root, whatever the current directory: the chaos runs are started
 * from the root by `npm run chaos`, but also by `ts-node` from a subfolder or by tools elsewhere,
 * and a file written where they stood is a stray copy nobody reads.
 */
export const BENCHMARKS_FILE = join(REPO_ROOT, "BENCHMARKS.md");

/** Git on this repository (not on whatever the current directory is in). */
function git(args: string[]): string | undefined {
  try {
    const stdio: ("ignore" | "pipe")[] = ["ignore", "pipe", "ignore"];
    return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8", stdio }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The code a batch measured: `CHAOS_COMMIT` when set (for runs outside a checkout), else HEAD,
 * flagged when provider/, sdk/ or simulator/ differ from it, since then HEAD is not the whole story.
 */
export function codeLabel(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const given = env["CHAOS_COMMIT"];
  if (given !== undefined && given !== "") return given;
  const head = git(["rev-parse", "--short", "HEAD"]);
  if (head === undefined) return "unknown commit";
  const dirty = git(["status", "--porcelain", "--", "provider", "sdk", "simulator"]);
  return dirty ? `${head} plus uncommitted changes in provider/, sdk/ or simulator/` : head;
}

/** One batch's block: when, on what code (as {@link codeLabel} said when the batch started), where, then the figures. */
export function benchmarkBlock(batch: Batch, command: string, code: string, now: Date = new Date()): string {
  const seeds = [...batch.results.map((r) => r.trace.seed), ...batch.crashed.map((crash) => crash.seed)];
  const through = batch.executor === "engine" ? "the real Pulumi engine" : "the handlers";
  const load = batch.load.map((n) => n.toFixed(1)).join("–");
  return [
    `### ${now.toISOString().slice(0, 10)}, ${code}: ${batch.executor} runs`,
    "",
    `\`${command}\`: ${runCount(batch)} runs (seeds ${seedList(seeds)}) through ${through} on ` +
      `${availableParallelism()} × ${machine()}, Node ${process.version}; 1-minute load average ${load} during the batch.`,
    "",
    ...invariantTable(batch),
    "",
    ...figureLines(batch),
    "",
  ].join("\n");
}

/**
 * Puts the block at the top of the Chaos section of BENCHMARKS.md (created if missing), keeping
 * earlier blocks below it, so "before" and "after" figures stay side by side.
 */
export function writeBenchmarks(path: string, block: string): void {
  const text = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n\n";
  const start = text.indexOf(`${SECTION}\n`);
  if (start === -1) {
    writeFileSync(path, `${text.trimEnd()}\n\n${INTRO}\n${block}`);
    return;
  }
  const bodyStart = text.indexOf("\n### ", start);
  const next = text.indexOf("\n## ", start + SECTION.length);
  const insertAt =
    bodyStart !== -1 && (next === -1 || bodyStart < next)
      ? bodyStart + 1
      : next === -1
        ? text.length
        : next + 1;
  writeFileSync(path, `${text.slice(0, insertAt)}${block}\n${text.slice(insertAt)}`);
}
