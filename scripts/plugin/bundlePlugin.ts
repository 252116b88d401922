/**
 * Builds the provider plugin from the compiled package (run by `npm run build`, after tsc):
 * - `dist/plugin/pulumi-resource-zenlayer.js`, one file bundling the plugin's code with the gRPC
 *   runtime and Pulumi's protocol stubs it needs, so it starts without resolving a module tree;
 * - `dist/plugin/pulumi-resource-zenlayer`, the executable the engine runs (Node.js on PATH);
 * - `dist/plugin/pulumi-resource-zenlayer-v<version>.tar.gz`, both files as the archive that
 *   `pulumi plugin install resource zenlayer <version> --file …` installs, offline.
 * @packageDocumentation
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { writeReproducibleArchive } from "./archive";

const ROOT = join(__dirname, "..", "..", "..");
const PLUGIN_DIR = join(ROOT, "dist", "plugin");
const ENTRY = join(ROOT, "dist", "provider", "native", "main.js");
const EXECUTABLE = "pulumi-resource-zenlayer";

/** The launcher: the engine runs it with its address; Node.js runs the bundle beside it. */
const LAUNCHER = `#!/bin/sh
exec node "$(dirname "$0")/${EXECUTABLE}.js" "$@"
`;

function main(): void {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  rmSync(PLUGIN_DIR, { recursive: true, force: true });
  mkdirSync(PLUGIN_DIR, { recursive: true });
  buildSync({
    entryPoints: [ENTRY],
    outfile: join(PLUGIN_DIR, `${EXECUTABLE}.js`),
    bundle: true,
    minify: true,
    platform: "node",
    target: "node20",
    define: { ZENLAYER_PACKAGE_VERSION: JSON.stringify(version) },
    logLevel: "warning",
  });
  writeFileSync(join(PLUGIN_DIR, EXECUTABLE), LAUNCHER);
  chmodSync(join(PLUGIN_DIR, EXECUTABLE), 0o755);
  const archive = `${EXECUTABLE}-v${version}.tar.gz`;
  writeReproducibleArchive(PLUGIN_DIR, archive, [EXECUTABLE, `${EXECUTABLE}.js`]);
  process.stdout.write(`plugin: dist/plugin/${archive}\n`);
}

main();
