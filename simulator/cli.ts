#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { banner } from "./cliBanner";
import { parseCliArgs, USAGE } from "./config/cliArgs";
import { parseSeedDocument } from "./config/seedSchema";
import { startSimulator } from "./simulator";
import type { Simulator, SimulatorOptions } from "./types/options";

/** @public */
export interface CliOptions {
  /** Called once the simulator listens (tests use it to find the port). */
  onReady?: (simulator: Simulator) => void;
  /** Where the banner goes; default stdout. */
  write?: (text: string) => void;
  /** Stop on SIGINT/SIGTERM; default true. */
  handleSignals?: boolean;
}

/** @public */
export interface CliHandle {
  readonly simulator: Simulator;
  /** Stops the simulator and removes the signal handlers; safe to call twice. */
  stop(): Promise<void>;
  /** Settles once the simulator has stopped (by signal or by `stop()`). */
  readonly stopped: Promise<void>;
}

function withSeedFile(options: SimulatorOptions, seedFile: string | undefined): SimulatorOptions {
  if (seedFile === undefined) return options;
  const seed = parseSeedDocument(JSON.parse(readFileSync(seedFile, "utf8")) as unknown);
  return { ...options, seed };
}

/**
 * The `zenlayer-simulator` command, callable in-process: parses `argv` (without node and script),
 * starts the simulator, prints where it listens, and stops cleanly on SIGINT/SIGTERM.
 * Resolves to null after printing usage for `--help`.
 * @public
 */
export async function runCli(argv: readonly string[], cli: CliOptions = {}): Promise<CliHandle | null> {
  const write = cli.write ?? ((text: string) => void process.stdout.write(text));
  const settings = parseCliArgs(argv);
  if (settings.help) {
    write(`${USAGE}\n`);
    return null;
  }
  const options = withSeedFile(settings.options, settings.seedFile);
  const simulator = await startSimulator(options);
  let stopping: Promise<void> | undefined;
  let markStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const onSignal = (signal: NodeJS.Signals): void => {
    write(`Received ${signal}, stopping.\n`);
    void stop();
  };
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await simulator.stop();
      markStopped();
    })();
    return stopping;
  };
  if (cli.handleSignals !== false) {
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }
  write(banner(simulator, options));
  cli.onReady?.(simulator);
  return { simulator, stop, stopped };
}

if (require.main === module) {
  runCli(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`zenlayer-simulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
