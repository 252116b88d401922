import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import * as path from "node:path";
import { findOnPath } from "../../../scripts/lib/languageHost";
import { languageSkipReason } from "./languageAvailability";

/** Where scripts/ensure-pulumi keeps its builds (its `CACHE_BASE`). */
function cliCache(env: NodeJS.ProcessEnv): string {
  const base = env["XDG_CACHE_HOME"] ?? path.join(homedir(), ".cache");
  return env["PULUMI_ZENLAYER_CLI_CACHE"] ?? path.join(base, "pulumi-zenlayer");
}

/** Whether the cache holds a CLI that scripts/ensure-pulumi built or linked earlier. */
function cachedCli(cache: string): boolean {
  try {
    return readdirSync(cache).some(
      (entry) => /^(pulumi-v|path-)/.test(entry) && existsSync(path.join(cache, entry, "bin", "pulumi")),
    );
  } catch {
    return false;
  }
}

/**
 * Why no Pulumi CLI can be had on this machine, or undefined when one can: scripts/ensure-pulumi
 * uses a `pulumi` on PATH, a build in its cache, or builds one with Go. Decided when a test file
 * loads, from the environment alone, without building anything; when the answer is "can", a
 * script that then fails still fails the tests that need it.
 */
export function pulumiCliSkipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const cache = cliCache(env);
  if (findOnPath("pulumi", env) !== undefined || cachedCli(cache) || findOnPath("go", env) !== undefined) {
    return undefined;
  }
  return `no Pulumi CLI can be had: no pulumi on PATH, no build in ${cache}, and no Go toolchain to build one`;
}

/**
 * Why `pulumi package gen-sdk` cannot run here, or undefined when it can: it needs the CLI and,
 * for the Node.js SDK, the Node.js language host (by the report of scripts/ensure-pulumi, asked
 * only once a CLI can be had, so that deciding never builds one).
 */
export function genSdkSkipReason(): string | undefined {
  return pulumiCliSkipReason() ?? languageSkipReason("nodejs");
}
