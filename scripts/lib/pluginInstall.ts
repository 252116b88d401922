import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** Where the package puts its `pulumi-zenlayer-plugin` command in a project that installed it. */
const PLUGIN_COMMAND = path.join("node_modules", ".bin", "pulumi-zenlayer-plugin");

/**
 * Installs the provider plugin as the README tells a user to: `npx pulumi-zenlayer-plugin install`
 * in a project where the packed package is installed (`projectDir`), which runs `pulumi plugin
 * install resource zenlayer <version> --file <archive in the package>`, offline, with the CLI of
 * `cliBin` first on PATH and into the Pulumi home that `env` names. A failure carries the command's
 * output.
 */
export async function installPluginFrom(
  projectDir: string,
  cliBin: string,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<void> {
  const searchPath = `${cliBin}${path.delimiter}${env["PATH"] ?? ""}`;
  try {
    await execFileAsync(path.join(projectDir, PLUGIN_COMMAND), ["install"], {
      cwd: projectDir,
      env: { ...env, PATH: searchPath },
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `pulumi-zenlayer-plugin install failed in ${projectDir}:\n${stdout ?? ""}${stderr ?? ""}`,
      {
        cause: error,
      },
    );
  }
}
