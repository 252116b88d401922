import type { ChildProcess } from "node:child_process";
import * as path from "node:path";
import { spawnCollecting } from "../../../scripts/lib/collectedProcess";
import type { PulumiCli } from "../../../scripts/lib/pulumiCli";

/** Where and with what environment `pulumi` commands run, as a user's shell would run them. */
export interface CliContext {
  readonly cli: PulumiCli;
  /** The working directory: the project folder (the one with `Pulumi.yaml`). */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/** One finished `pulumi` command. */
export interface CliResult {
  /** `pulumi <args>`, for messages. Values given on stdin are not part of it. */
  readonly command: string;
  readonly ok: boolean;
  /** "exit code N" or the signal that ended it. */
  readonly exit: string;
  readonly stdout: string;
  readonly stderr: string;
}

/** A started `pulumi` command: its process, and its result once it exits. */
export interface RunningPulumi {
  readonly child: ChildProcess;
  readonly result: Promise<CliResult>;
}

/**
 * Starts the CLI binary itself (no Automation API) with `args`. `stdin` feeds a value the command
 * reads, e.g. `pulumi config set --secret key` with no value argument: that keeps secrets off the
 * command line, where any `ps` would show them. `detached` starts it in a process group of its own
 * (with the language host and program it starts), as a shell runs a foreground job, so a test can
 * signal that group the way Ctrl-C in a terminal does.
 */
export function startPulumi(
  context: CliContext,
  args: readonly string[],
  options: { readonly stdin?: string; readonly detached?: boolean } = {},
): RunningPulumi {
  const { child, exited } = spawnCollecting(path.join(context.cli.root, "bin", "pulumi"), args, {
    cwd: context.cwd,
    env: context.env,
    stdin: options.stdin ?? "",
    ...(options.detached === undefined ? {} : { detached: options.detached }),
  });
  const command = `pulumi ${args.join(" ")}`;
  const result = exited.then(({ code, signal, stdout, stderr }) => ({
    command,
    ok: code === 0,
    exit: signal ?? `exit code ${code}`,
    stdout,
    stderr,
  }));
  return { child, result };
}

/** Runs the CLI binary with `args` (see {@link startPulumi}) and returns its result. */
export function runPulumi(context: CliContext, args: readonly string[], stdin = ""): Promise<CliResult> {
  return startPulumi(context, args, { stdin }).result;
}

/** Throws, with the command's output, unless it succeeded; returns the result. */
export function expectCliSuccess(result: CliResult): CliResult {
  if (!result.ok) {
    throw new Error(
      `${result.command} failed (${result.exit})\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`,
    );
  }
  return result;
}

/** Runs a `pulumi` command that must succeed. */
export async function pulumiOk(
  context: CliContext,
  args: readonly string[],
  stdin?: string,
): Promise<CliResult> {
  return expectCliSuccess(await runPulumi(context, args, stdin));
}
