/**
 * `pulumi-resource-zenlayer`: the provider plugin's entry point. The engine starts it with its own
 * gRPC address as the last argument (after flags such as `--logtostderr` and `-v=9`), reads the
 * port it serves on from its first line of stdout, and stops it with a signal when done.
 * @packageDocumentation
 */
import { packageVersion } from "../../sdk/client/requestHeaders";
import { packageSchemaText } from "./schemaText";
import { servePlugin } from "./server";

/** The engine's address: the last argument that is not a flag. */
function engineAddressOf(argv: readonly string[]): string | undefined {
  return argv.filter((arg) => !arg.startsWith("-")).at(-1);
}

async function main(argv: readonly string[]): Promise<void> {
  const version = packageVersion();
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
