import { accessSync, constants, existsSync, realpathSync } from "node:fs";
import * as path from "node:path";

/**
 * Pulumi's Node.js language host: the plugin the CLI starts to run an on-disk program (`pulumi up`
 * in a folder with a `Pulumi.yaml`). Inline Automation API programs do not need it.
 */
export const LANGUAGE_HOST_BINARY = "pulumi-language-nodejs";

/** Names the folder `scripts/ensure-pulumi` builds the language host from. */
export const LANGUAGE_HOST_SOURCE_VARIABLE = "PULUMI_LANGUAGE_NODEJS_SOURCE";

/**
 * Where the host's source sits when this repository is checked out beside a `shared` folder (the
 * Go module proxy does not serve it). A fresh clone without that folder works too, on inline
 * programs only.
 */
export function sharedLanguageHostSource(repoRoot: string): string {
  return path.resolve(repoRoot, "..", "shared", "tools", LANGUAGE_HOST_BINARY);
}

/**
 * The source folder to build the language host from: the variable when it is set (an empty value
 * means "none", which is how a fresh clone is simulated beside `../shared`), else the shared folder
 * when it exists, else none.
 */
export function languageHostSource(
  repoRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const given = env[LANGUAGE_HOST_SOURCE_VARIABLE];
  if (given !== undefined) {
    return given === "" ? undefined : given;
  }
  const shared = sharedLanguageHostSource(repoRoot);
  return existsSync(shared) ? shared : undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on the search path, as a shell's `command -v` finds it. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const directories = (env["PATH"] ?? "").split(path.delimiter).filter((dir) => dir !== "");
  return directories.map((dir) => path.join(dir, name)).find(isExecutable);
}

/** The language host beside the real (symlinks resolved) `pulumi` binary, where the CLI looks. */
function hostBeside(pulumiBinary: string): string | undefined {
  try {
    const candidate = path.join(path.dirname(realpathSync(pulumiBinary)), LANGUAGE_HOST_BINARY);
    return isExecutable(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language host the CLI in `root` will run, or undefined. Like the CLI: one on PATH wins, else
 * the one beside the real `pulumi` binary.
 */
export function languageHostFor(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findOnPath(LANGUAGE_HOST_BINARY, env) ?? hostBeside(path.join(root, "bin", "pulumi"));
}

/** A language host already installed: on PATH, or beside a `pulumi` on PATH. */
export function installedLanguageHost(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const pulumi = findOnPath("pulumi", env);
  return findOnPath(LANGUAGE_HOST_BINARY, env) ?? (pulumi === undefined ? undefined : hostBeside(pulumi));
}
