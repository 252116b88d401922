#!/usr/bin/env node
/**
 * `pulumi-zenlayer-plugin`: installs the provider plugin this package carries into Pulumi's plugin
 * cache, offline, so programs in any language (YAML, Python, Go, TypeScript on the generated SDK)
 * find `zenlayer` by name and version like any other provider.
 * @packageDocumentation
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const USAGE = `usage: pulumi-zenlayer-plugin <command>
  install   install the zenlayer resource plugin of this package into Pulumi's plugin cache
            (runs \`pulumi plugin install resource zenlayer <version> --file <archive>\`; no download)
  path      print the folder holding the plugin, for \`plugins.providers\` in a Pulumi.yaml`;

/** The package root: this file is `dist/provider/native/pluginCommand.js` in it. */
const PACKAGE_ROOT = join(__dirname, "..", "..", "..");
const PLUGIN_DIR = join(PACKAGE_ROOT, "dist", "plugin");

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string })
    .version;
}

function install(): number {
  const archive = join(PLUGIN_DIR, `pulumi-resource-zenlayer-v${version()}.tar.gz`);
  if (!existsSync(archive)) {
    process.stderr.write(
      `pulumi-zenlayer-plugin: ${archive} is missing; this package was not built with its plugin\n`,
    );
    return 1;
  }
  const args = ["plugin", "install", "resource", "zenlayer", version(), "--file", archive];
  process.stdout.write(`pulumi ${args.join(" ")}\n`);
  const result = spawnSync("pulumi", args, { stdio: "inherit" });
  if (result.error !== undefined) {
    process.stderr.write(
      `pulumi-zenlayer-plugin: could not run \`pulumi\` (${result.error.message}); install the Pulumi CLI and put it on PATH\n`,
    );
    return 1;
  }
  return result.status ?? 1;
}

function main(argv: readonly string[]): number {
  const [command] = argv;
  if (command === "install") return install();
  if (command === "path") {
    process.stdout.write(`${PLUGIN_DIR}\n`);
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return command === "--help" || command === "-h" ? 0 : 2;
}

process.exitCode = main(process.argv.slice(2));
