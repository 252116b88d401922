import { copyFile, mkdir } from "node:fs/promises";
import * as path from "node:path";
import type { CliContext, CliResult } from "./pulumiCliRunner";
import { expectCliSuccess, pulumiOk, runPulumi } from "./pulumiCliRunner";

/**
 * A stack of an on-disk program (a folder with `Pulumi.yaml`), driven with the same `pulumi`
 * commands a user types. Every command names the stack and runs with `--non-interactive`, so
 * nothing depends on the selected stack or waits for a prompt.
 */
export interface OnDiskStack {
  readonly name: string;
  readonly context: CliContext;
  /** The stack config file when it is not `Pulumi.<stack>.yaml` beside `Pulumi.yaml`. */
  readonly configFile?: string;
}

function stackArgs(stack: OnDiskStack): string[] {
  return ["--stack", stack.name, "--non-interactive"];
}

function configArgs(stack: OnDiskStack): string[] {
  return stack.configFile === undefined ? [] : ["--config-file", stack.configFile];
}

/** `pulumi stack init <name>` in the project folder, as a user starts. */
export async function initStack(context: CliContext, name: string): Promise<OnDiskStack> {
  await pulumiOk(context, ["stack", "init", name, "--non-interactive"]);
  return { name, context };
}

/**
 * Creates a stack of the project in `context.cwd` whose config lives in `scratchDir` instead of the
 * project folder. `pulumi stack init` has no `--config-file` and writes the passphrase salt into
 * `Pulumi.<stack>.yaml` beside `Pulumi.yaml`; so it runs in `scratchDir` with a copy of
 * `Pulumi.yaml` (same project, same backend), and every later command runs in the project folder
 * with `--config-file` naming the file it wrote.
 */
export async function initStackWithConfigElsewhere(
  context: CliContext,
  name: string,
  scratchDir: string,
): Promise<OnDiskStack> {
  await mkdir(scratchDir, { recursive: true });
  await copyFile(path.join(context.cwd, "Pulumi.yaml"), path.join(scratchDir, "Pulumi.yaml"));
  await pulumiOk({ ...context, cwd: scratchDir }, ["stack", "init", name, "--non-interactive"]);
  return { name, context, configFile: path.join(scratchDir, `Pulumi.${name}.yaml`) };
}

/**
 * `pulumi config set <key> <value>`; a secret (`--secret`) is given on stdin instead of the command
 * line, as the CLI allows, so it never shows up in a process listing.
 */
export async function setConfig(
  stack: OnDiskStack,
  key: string,
  value: string,
  options: { readonly secret?: boolean } = {},
): Promise<void> {
  const args = ["config", "set", key, ...stackArgs(stack), ...configArgs(stack)];
  if (options.secret === true) {
    await pulumiOk(stack.context, [...args, "--secret"], value);
  } else {
    await pulumiOk(stack.context, [...args.slice(0, 3), value, ...args.slice(3)]);
  }
}

/** One of the stack commands a user types, whatever its outcome (for tests of failures). */
export function attempt(
  stack: OnDiskStack,
  command: "preview" | "up" | "refresh" | "destroy",
  extraArgs: readonly string[] = [],
): Promise<CliResult> {
  const yes = command === "preview" ? [] : ["--yes"];
  return runPulumi(stack.context, [command, ...yes, ...extraArgs, ...stackArgs(stack), ...configArgs(stack)]);
}

/** `pulumi up --yes`: preview, then update. */
export async function up(stack: OnDiskStack): Promise<CliResult> {
  return expectCliSuccess(await attempt(stack, "up"));
}

/** `pulumi refresh --yes`. */
export async function refresh(stack: OnDiskStack): Promise<CliResult> {
  return expectCliSuccess(await attempt(stack, "refresh"));
}

/** `pulumi destroy --yes`. */
export async function destroy(stack: OnDiskStack): Promise<CliResult> {
  return expectCliSuccess(await attempt(stack, "destroy"));
}

/** `pulumi stack output --json`: the program's exports as last recorded (secrets masked). */
export async function stackOutputs(stack: OnDiskStack): Promise<Record<string, unknown>> {
  const { stdout } = await pulumiOk(stack.context, ["stack", "output", "--json", ...stackArgs(stack)]);
  return JSON.parse(stdout) as Record<string, unknown>;
}
