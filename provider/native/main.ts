/**
 * `pulumi-resource-zenlayer`: the provider plugin's entry point. The engine starts it with its own
 * gRPC address as the last argument (after flags such as `--logtostderr` and `-v=9`), reads the
 * port it serves on from its first line of stdout, and stops it with a signal when done.
 * @packageDocumentation
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { packageSchemaText } from "./schemaText";
import { servePlugin } from "./server";

/** Set by the bundler when the plugin is packed; absent when run from the built package. */
declare const ZENLAYER_PLUGIN_VERSION: string | undefined;

/** The package's version: the bundle's, or that of the package this file is part of. */
function pluginVersion(): string {
  if (typeof ZENLAYER_PLUGIN_VERSION === "string") return ZENLAYER_PLUGIN_VERSION;
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const found = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (found.name === "pulumi-zenlayer" && typeof found.version === "string") return found.version;
  }
  return "0.0.0";
}

/** The engine's address: the last argument that is not a flag. */
function engineAddressOf(argv: readonly string[]): string | undefined {
  return argv.filter((arg) => !arg.startsWith("-")).at(-1);
}

async function main(argv: readonly string[]): Promise<void> {
  const version = pluginVersion();
  const plugin = await servePlugin({
    version,
    engineAddress: engineAddressOf(argv),
    schema: () => packageSchemaText(version),
  });
  process.stdout.write(`${String(plugin.port)}\n`);
  const stop = (): void => {
    void plugin.stop().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `pulumi-resource-zenlayer: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
