import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { runBatch, runFailed } from "./batch";
import type { RunResult } from "./batch";
import { benchmarkBlock, BENCHMARKS_FILE, codeLabel, writeBenchmarks } from "./benchmarks";
import { runEngineSeed } from "./engine/run";
import { progressLine, runLog, violationTraces } from "./format";
import { runHandlerSeed } from "./handlers/run";
import { planRun, planText } from "./plan";
import { figureLines, invariantTable } from "./report";

const USAGE = `usage: npm run chaos -- [--engine] [--runs N] [--first-seed S] [--seed N | --seeds A,B,…] [--concurrency C] [--traces T] [--write | --no-write]
  --engine         through the real Pulumi engine, with commands killed midway (default: through the handlers)
  --runs N         seeds S..S+N-1 (default 200; 20 with --engine)
  --first-seed S   first seed of a batch (default 1)
  --seed N         one run of seed N, printing the trace of every violation (and, with --engine, each command)
  --seeds A,B,…    these seeds (a batch)
  --concurrency C  runs at once, each on its own simulator (default 2 × CPUs; 1 with --engine)
  --traces T       traces printed per invariant in a batch (default 2)
  --write          add the figures to BENCHMARKS.md (default for batches); --no-write to skip`;

const OPTIONS = {
  engine: { type: "boolean" },
  runs: { type: "string" },
  "first-seed": { type: "string" },
  seed: { type: "string" },
  seeds: { type: "string" },
  concurrency: { type: "string" },
  traces: { type: "string" },
  write: { type: "boolean" },
  "no-write": { type: "boolean" },
} as const;

/** What `parse` gives, or an error that adds the usage to what was wrong. */
function explained<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, { cause: error });
  }
}

function integer(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (Number.isInteger(value) && value >= min) return value;
  return explained(() => {
    throw new Error(`--${flag} needs an integer ≥ ${min}, got ${text}`);
  });
}

/** What `npm run chaos -- …` asks for; throws with the usage on anything it does not understand. */
export function chaosArgs(argv: readonly string[]) {
  const values = explained(() => parseArgs({ args: [...argv], options: OPTIONS, strict: true }).values);
  const engine = values.engine === true;
  const option = (
    flag: "runs" | "first-seed" | "concurrency" | "traces",
    fallback: number,
    min: number,
  ): number => (values[flag] === undefined ? fallback : integer(flag, values[flag], min));
  const seed = values.seed === undefined ? undefined : integer("seed", values.seed, 0);
  const firstSeed = option("first-seed", 1, 0);
  const range = Array.from({ length: option("runs", engine ? 20 : 200, 1) }, (_, i) => firstSeed + i);
  const listed = values.seeds?.split(",").map((text) => integer("seeds", text, 0));
  return {
    executor: engine ? ("engine" as const) : ("handlers" as const),
    seeds: seed === undefined ? (listed ?? range) : [seed],
    single: seed !== undefined,
    concurrency: option("concurrency", engine ? 1 : 2 * availableParallelism(), 1),
    traces: seed === undefined ? option("traces", 2, 0) : Number.POSITIVE_INFINITY,
    write: values.write === true || (values["no-write"] !== true && seed === undefined),
  };
}

/**
 * `npm run chaos`: a batch of seeded runs through the handlers or (`--engine`) the real Pulumi
 * engine. Prints each run, traces of violations and the figures, and adds them to BENCHMARKS.md;
 * engine runs write every command's output to a log directory. Exits 1 when a run violated an
 * invariant, failed to converge for a reason its chaos does not explain, or crashed.
 */
async function main(argv: readonly string[]): Promise<number> {
  const args = chaosArgs(argv);
  const print = (line: string): void => console.log(line);
  const code = codeLabel();
  const logDir = path.join(
    tmpdir(),
    `pulumi-zenlayer-chaos-${args.executor}-${new Date().toISOString().replace(/[:.]/g, "-")}`,
  );
  const runOne = async (seed: number): Promise<RunResult> => {
    if (args.executor === "engine") print(`seed ${seed}: ${planText(planRun(seed, "engine"))}`);
    const result =
      args.executor === "engine"
        ? await runEngineSeed(seed, args.single ? print : () => undefined)
        : await runHandlerSeed(seed);
    if (args.executor === "engine") await writeFile(path.join(logDir, `seed-${seed}.log`), runLog(result));
    print(progressLine(result));
    return result;
  };
  const concurrency = Math.min(args.concurrency, args.seeds.length);
  if (args.executor === "engine") await mkdir(logDir, { recursive: true });
  const logs = args.executor === "engine" ? `; every command's output goes to ${logDir}` : "";
  print(`chaos (${args.executor}): ${args.seeds.length} run(s), ${concurrency} at a time${logs}`);
  const batch = await runBatch(args.executor, args.seeds, concurrency, runOne, print);
  for (const trace of violationTraces(batch.results, args.traces)) print(`\n${trace}`);
  for (const line of ["", ...invariantTable(batch), "", ...figureLines(batch)]) print(line);
  if (args.write) {
    const command = `npm run chaos -- ${argv.join(" ")}`.trim().replace(/ --$/, "");
    writeBenchmarks(BENCHMARKS_FILE, benchmarkBlock(batch, command, code));
    print(`\nfigures added to ${BENCHMARKS_FILE}`);
  }
  return batch.results.some(runFailed) || batch.crashed.length > 0 ? 1 : 0;
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
