import { availableParallelism } from "node:os";

/** What `npm run chaos -- …` asks for. */
export interface ChaosArgs {
  /** Runs seeds `firstSeed` … `firstSeed + runs - 1`; ignored with `seed`. */
  readonly runs: number;
  readonly firstSeed: number;
  /** One run of this seed, with the trace of every violation. */
  readonly seed: number | undefined;
  /** These seeds instead of a range (e.g. the ones the jest run uses). */
  readonly seeds: readonly number[] | undefined;
  /** Runs at once, each on its own simulator. */
  readonly concurrency: number;
  /** Traces printed per invariant (all of them for a single seed). */
  readonly traces: number;
  /** Whether to add the figures to BENCHMARKS.md (default: yes for batches, no for one seed). */
  readonly write: boolean;
  /** Runs through the real Pulumi engine (CLI, killed commands, recovery) instead of the handlers. */
  readonly engine: boolean;
}

export const USAGE = `usage: npm run chaos -- [--engine] [--runs N] [--first-seed S] [--seed N | --seeds A,B,…] [--concurrency C] [--traces T] [--write | --no-write]
  --engine         runs through the real Pulumi engine, with commands killed midway (default: the handlers)
  --runs N         seeds S..S+N-1 (default 200; 20 with --engine)
  --first-seed S   first seed of a batch (default 1)
  --seed N         one run of seed N, printing the trace of every violation
  --seeds A,B,…    these seeds (a batch)
  --concurrency C  runs at once, each on its own simulator (default 2 × CPUs; 1 with --engine)
  --traces T       traces printed per invariant in a batch (default 2)
  --write          add the figures to BENCHMARKS.md (default for batches); --no-write to skip`;

function integer(name: string, text: string | undefined, min: number): number {
  const value = Number(text);
  if (text === undefined || !Number.isInteger(value) || value < min) {
    throw new Error(`${name} needs an integer ≥ ${min}, got ${text ?? "nothing"}\n${USAGE}`);
  }
  return value;
}

/** Parses the command line; throws with the usage on anything it does not understand. */
export function parseArgs(argv: readonly string[]): ChaosArgs {
  const values = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? "";
    if (flag === "--write" || flag === "--no-write" || flag === "--engine") values.set(flag, "");
    else if (["--runs", "--first-seed", "--seed", "--seeds", "--concurrency", "--traces"].includes(flag)) {
      values.set(flag, argv[++i]);
    } else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  const engine = values.has("--engine");
  const seed = values.has("--seed") ? integer("--seed", values.get("--seed"), 0) : undefined;
  const optional = (flag: string, fallback: number, min: number): number =>
    values.has(flag) ? integer(flag, values.get(flag), min) : fallback;
  const seeds = values.has("--seeds")
    ? (values.get("--seeds") ?? "").split(",").map((text) => integer("--seeds", text, 0))
    : undefined;
  return {
    seeds,
    runs: optional("--runs", engine ? 20 : 200, 1),
    firstSeed: optional("--first-seed", 1, 0),
    seed,
    concurrency: optional("--concurrency", engine ? 1 : 2 * availableParallelism(), 1),
    traces: optional("--traces", 2, 0),
    write: values.has("--write") || (!values.has("--no-write") && seed === undefined),
    engine,
  };
}
