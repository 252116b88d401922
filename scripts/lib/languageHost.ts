import { accessSync, constants, existsSync, realpathSync } from "node:fs";
import * as path from "node:path";

/**
 * The languages whose hosts `scripts/ensure-pulumi` builds from a source folder: the Go module
 * proxy does not serve them (the YAML host it does, so that one needs no folder).
 */
export const SOURCE_BUILT_LANGUAGES = ["nodejs", "go", "python"] as const;

/** A language whose host is built from source; see {@link SOURCE_BUILT_LANGUAGES}. */
export type SourceBuiltLanguage = (typeof SOURCE_BUILT_LANGUAGES)[number];

/** The plugin the CLI starts to run an on-disk program of `language` (`pulumi up` in its folder). */
export function hostBinary(language: string): string {
  return `pulumi-language-${language}`;
}

/** The variable naming the folder `scripts/ensure-pulumi` builds the host of `language` from. */
export function hostSourceVariable(language: SourceBuiltLanguage): string {
  return `PULUMI_LANGUAGE_${language.toUpperCase()}_SOURCE`;
}

/**
 * Where the source of the host of `language` sits when this repository is checked out beside a
 * `shared` folder. A fresh clone without that folder works too, without those hosts.
 */
export function sharedHostSource(repoRoot: string, language: SourceBuiltLanguage): string {
  return path.resolve(repoRoot, "..", "shared", "tools", hostBinary(language));
}

/**
 * The source folder to build the host of `language` from: its variable when set (an empty value
 * means "none", which is how a fresh clone is simulated beside `../shared`), else the shared
 * folder when it exists, else none.
 */
export function hostSource(
  repoRoot: string,
  language: SourceBuiltLanguage,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const given = env[hostSourceVariable(language)];
  if (given !== undefined) {
    return given === "" ? undefined : given;
  }
  const shared = sharedHostSource(repoRoot, language);
  return existsSync(shared) ? shared : undefined;
}

/**
 * `env` with each host's source variable set to its `../shared` folder where the variable is
 * unset and the folder exists: what `scripts/ensure-pulumi` gets from the tests, the demo and
 * `.ci/run`, so that a checkout beside `shared` runs on-disk programs of every language it can.
 */
export function withSharedHostSources(repoRoot: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const added = SOURCE_BUILT_LANGUAGES.flatMap((language) => {
    const source = hostSource(repoRoot, language, env);
    const variable = hostSourceVariable(language);
    return env[variable] === undefined && source !== undefined ? [[variable, source] as const] : [];
  });
  return added.length === 0 ? env : { ...env, ...Object.fromEntries(added) };
}

/**
 * Pulumi's Node.js language host: the plugin the CLI starts to run an on-disk program (`pulumi up`
 * in a folder with a `Pulumi.yaml`). Inline Automation API programs do not need it.
 */
export const LANGUAGE_HOST_BINARY = hostBinary("nodejs");

/** Names the folder `scripts/ensure-pulumi` builds the Node.js language host from. */
export const LANGUAGE_HOST_SOURCE_VARIABLE = hostSourceVariable("nodejs");

/** {@link sharedHostSource} of the Node.js host. */
export function sharedLanguageHostSource(repoRoot: string): string {
  return sharedHostSource(repoRoot, "nodejs");
}

/** {@link hostSource} of the Node.js host. */
export function languageHostSource(
  repoRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return hostSource(repoRoot, "nodejs", env);
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
