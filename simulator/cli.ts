#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { ACCESS_KEY_PASSWORD_ENV, parseCliArgs, USAGE } from "./config/cliArgs";
import { parseSeedDocument } from "./config/seedSchema";
import { DEFAULT_ACCESS_KEY, startSimulator } from "./simulator";
import type { Simulator, SimulatorOptions } from "./types/options";
import { SUPPORTED_VERSIONS } from "./types/wire";

/** How {@link runCli} talks to its caller. @public */
export interface CliOptions {
  /** Called once the simulator listens (tests use it to find the port). */
  onReady?: (simulator: Simulator) => void;
  /** Where the banner goes; default stdout. */
  write?: (text: string) => void;
  /** Stop on SIGINT/SIGTERM; default true. */
  handleSignals?: boolean;
}

/** A simulator started by {@link runCli}. @public */
export interface CliHandle {
  /** The simulator the command started. */
  readonly simulator: Simulator;
  /** Stops the simulator and removes the signal handlers; safe to call twice. */
  stop(): Promise<void>;
  /** Settles once the simulator has stopped (by signal or by `stop()`). */
  readonly stopped: Promise<void>;
}

function credentialLines(options: SimulatorOptions): string[] {
  const key = options.accessKeys?.[0];
  if (key === undefined) {
    return [
      `  export ZENLAYERCLOUD_ACCESS_KEY_ID=${DEFAULT_ACCESS_KEY.accessKeyId}`,
      `  export ZENLAYERCLOUD_ACCESS_KEY_PASSWORD=${DEFAULT_ACCESS_KEY.accessKeyPassword}   # the simulator's fake default pair`,
    ];
  }
  // A password chosen by the user (flag or environment) is their secret: never echo it.
  return [
    `  export ZENLAYERCLOUD_ACCESS_KEY_ID=${key.accessKeyId}`,
    `  export ZENLAYERCLOUD_ACCESS_KEY_PASSWORD=<the password given to --access-key-password or ${ACCESS_KEY_PASSWORD_ENV}>`,
  ];
}

/**
 * What the CLI prints once listening: the URL, the environment a Zenlayer client (the Pulumi
 * provider, Terraform, the official SDKs) needs to talk to it, and the seeded resources.
 */
function banner(simulator: Simulator, options: SimulatorOptions): string {
  const { instances, nics } = simulator.control.snapshot();
  const lines = [
    `Zenlayer Cloud API simulator listening on ${simulator.url} (POST /api/v2/zec, versions ${SUPPORTED_VERSIONS.join(", ")})`,
    "Point a Zenlayer client at it:",
    `  export ZENLAYERCLOUD_DOMAIN=${simulator.domain}`,
    "  export ZENLAYERCLOUD_SCHEME=HTTP",
    ...credentialLines(options),
  ];
  const tokens = options.bearerTokens?.length ?? 0;
  if (tokens > 0) lines.push(`Bearer tokens accepted: ${tokens}`);
  // Like the password, an admin token is the user's secret: say that one is needed, never which.
  const adminAuth = options.adminToken === undefined ? "" : ", with Authorization: Bearer <admin token>";
  lines.push(`Admin surface (local only${adminAuth}): ${simulator.url}/_simulator/state`);
  lines.push(`Seeded: ${instances.length} instance(s), ${nics.length} NIC(s)`);
  for (const instance of instances) {
    lines.push(
      `  instance ${instance.instanceId} ${instance.instanceName} ${instance.status} ${instance.zoneId}`,
    );
  }
  for (const nic of nics) {
    lines.push(
      `  nic      ${nic.nicId} ${nic.name} ${nic.status} ${nic.nicType} ${nic.regionId} -> ${nic.instanceId ?? "-"}`,
    );
  }
  lines.push("Press Ctrl+C to stop.");
  return `${lines.join("\n")}\n`;
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
