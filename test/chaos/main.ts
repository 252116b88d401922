import { parseArgs } from "./args";
import { runBatch, violationTraces } from "./batch";
import { benchmarkBlock, BENCHMARKS_FILE, writeBenchmarks } from "./benchmarks";
import { runEngineChaos } from "./engine/main";
import { figureLines, invariantTable } from "./reportText";

/**
 * `npm run chaos`: seeded chaos runs of the attachment handlers against the simulator. Prints
 * each run, traces of violations, and the per-invariant figures; adds them to BENCHMARKS.md for
 * batches. Exits 1 when any invariant was violated or a run crashed, so CI can use it.
 */
async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.engine) return runEngineChaos(args, argv);
  const range = Array.from({ length: args.runs }, (_, i) => args.firstSeed + i);
  const seeds = args.seed === undefined ? (args.seeds ?? range) : [args.seed];
  const print = (line: string): void => console.log(line);
  print(`chaos: ${seeds.length} run(s), ${Math.min(args.concurrency, seeds.length)} at a time`);
  const { results, summary } = await runBatch(seeds, args.concurrency, print);
  const perInvariant = args.seed === undefined ? args.traces : Number.POSITIVE_INFINITY;
  for (const trace of violationTraces(results, perInvariant)) print(`\n${trace}`);
  print("");
  for (const line of [...invariantTable(summary), "", ...figureLines(summary)]) print(line);
  if (args.write) {
    const command = `npm run chaos -- ${argv.join(" ")}`.trim();
    writeBenchmarks(
      BENCHMARKS_FILE,
      benchmarkBlock(summary, command === "npm run chaos --" ? "npm run chaos" : command),
    );
    print(`\nfigures added to ${BENCHMARKS_FILE}`);
  }
  return summary.failingSeeds.length > 0 || summary.crashed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
