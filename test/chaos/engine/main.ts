import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { ChaosArgs } from "../args";
import { BENCHMARKS_FILE, codeLabel, writeBenchmarks } from "../benchmarks";
import { formatEngineViolation, runLogText } from "./format";
import { planEngineRun, planText } from "./plan";
import { engineBenchmarkBlock, engineFigureLines, engineInvariantTable, loadNow } from "./report";
import { runFailed, summarizeEngine } from "./summary";
import type { EngineRunResult, EngineSummary } from "./summary";
import { ENGINE_INVARIANTS } from "./trace";
import { runEngineSeed } from "./runEngineSeed";

/**
 * `npm run chaos -- --engine`: seeded runs through the real Pulumi engine (see
 * scripts/chaos/README.md), one world each. It lives here, beside the end-to-end helpers whose
 * world it uses, and scripts/chaos/main.ts loads it at run time (test/ is not part of the build).
 */

function progressLine(result: EngineRunResult): string {
  const found = result.verdict.violations.map((violation) => violation.invariant);
  const unexpected = result.failures.filter((failure) => !failure.expected).map((failure) => failure.what);
  const verdict =
    found.length === 0 && unexpected.length === 0
      ? "ok"
      : [found.length === 0 ? "" : `violations ${found.join(",")}`, unexpected.join(", ")]
          .filter(Boolean)
          .join("; ");
  const kills = result.trace.commands.flatMap((command) =>
    command.kill === undefined ? [] : [command.kill.signal],
  );
  return (
    `seed ${result.trace.seed}: ${verdict}; ${result.trace.commands.length} commands` +
    `${kills.length === 0 ? "" : ` (killed: ${kills.join(", ")})`}, ${(result.wallMs / 1000).toFixed(1)} s` +
    (result.keptDir === undefined ? "" : `; kept ${result.keptDir}`)
  );
}

/** Traces of violations: up to `perInvariant` per invariant, in seed order. */
export function engineViolationTraces(results: readonly EngineRunResult[], perInvariant: number): string[] {
  const traces: string[] = [];
  for (const id of ENGINE_INVARIANTS) {
    let shown = 0;
    for (const result of results) {
      for (const violation of result.verdict.violations) {
        if (violation.invariant !== id || shown >= perInvariant) continue;
        traces.push(formatEngineViolation(result.trace, violation));
        shown++;
      }
    }
  }
  return traces;
}

/** Finished and crashed runs of a batch, in seed order, with the load averages seen meanwhile. */
export interface EngineBatch {
  readonly results: readonly EngineRunResult[];
  readonly summary: EngineSummary;
  readonly loadRange: readonly [number, number];
}

/**
 * Runs the seeds, `concurrency` at a time (each in a world of its own), printing each run as it
 * finishes and writing every command's output to `logDir`. A crashed run is reported, not fatal.
 */
export async function runEngineBatch(
  seeds: readonly number[],
  concurrency: number,
  print: (line: string) => void,
  logDir: string,
  verbose: boolean,
): Promise<EngineBatch> {
  const started = Date.now();
  const results: EngineRunResult[] = [];
  const crashed: { seed: number; error: string }[] = [];
  const loads = [loadNow()];
  const sampler = setInterval(() => loads.push(loadNow()), 15_000);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < seeds.length) {
      const seed = seeds[next++] ?? 0;
      print(`seed ${seed}: ${planText(planEngineRun(seed))}`);
      try {
        const result = await runEngineSeed(seed, verbose ? { log: print } : {});
        results.push(result);
        await writeFile(
          path.join(logDir, `seed-${seed}.log`),
          runLogText(result.trace, planText(result.plan)),
        );
        print(progressLine(result));
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        crashed.push({ seed, error: message.split("\n")[0] ?? "" });
        print(`seed ${seed}: CRASHED ${message}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, seeds.length) }, worker));
  } finally {
    clearInterval(sampler);
  }
  loads.push(loadNow());
  results.sort((a, b) => a.trace.seed - b.trace.seed);
  return {
    results,
    summary: summarizeEngine(results, crashed, Date.now() - started),
    loadRange: [Math.min(...loads), Math.max(...loads)],
  };
}

/**
 * The engine batch of `npm run chaos -- --engine`: prints each run, traces of violations and the
 * per-invariant figures, and adds them to BENCHMARKS.md when asked. Exits 1 when a run violated an
 * invariant, failed to converge for a reason its chaos does not explain, or crashed.
 */
export async function runEngineChaos(args: ChaosArgs, argv: readonly string[]): Promise<number> {
  const range = Array.from({ length: args.runs }, (_, i) => args.firstSeed + i);
  const seeds = args.seed === undefined ? (args.seeds ?? range) : [args.seed];
  const print = (line: string): void => console.log(line);
  const logDir = path.join(
    tmpdir(),
    `pulumi-zenlayer-chaos-engine-${new Date().toISOString().replace(/[:.]/g, "-")}`,
  );
  await mkdir(logDir, { recursive: true });
  const code = codeLabel();
  const concurrency = Math.min(args.concurrency, seeds.length);
  print(
    `chaos (engine): ${seeds.length} run(s), ${concurrency} at a time; every command's output goes to ${logDir}`,
  );
  const batch = await runEngineBatch(seeds, concurrency, print, logDir, args.seed !== undefined);
  const perInvariant = args.seed === undefined ? args.traces : Number.POSITIVE_INFINITY;
  for (const trace of engineViolationTraces(batch.results, perInvariant)) print(`\n${trace}`);
  print("");
  for (const line of [...engineInvariantTable(batch.summary), "", ...engineFigureLines(batch.summary)])
    print(line);
  if (args.write) {
    const command = `npm run chaos -- ${argv.join(" ")}`.trim();
    writeBenchmarks(BENCHMARKS_FILE, engineBenchmarkBlock(batch.summary, command, batch.loadRange, code));
    print(`\nfigures added to ${BENCHMARKS_FILE}`);
  }
  print(`every command's output: ${logDir}`);
  return batch.results.some(runFailed) || batch.summary.crashed.length > 0 ? 1 : 0;
}
