import {
  installedLanguageHost,
  LANGUAGE_HOST_SOURCE_VARIABLE,
  languageHostSource,
  sharedLanguageHostSource,
} from "../../../scripts/lib/languageHost";
import type { PulumiCli } from "../../../scripts/lib/pulumiCli";
import { REPO_ROOT } from "./testProject";

/**
 * Why on-disk programs cannot run on this machine, or undefined when they can. They need Pulumi's
 * Node.js language host, which the Go module proxy does not serve: it is built from a source folder
 * (the variable, or `../shared` beside the repository) or already installed. This is decided when
 * a test file loads, from the environment alone, so that it never has to build anything.
 */
export function onDiskSkipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (languageHostSource(REPO_ROOT, env) !== undefined || installedLanguageHost(env) !== undefined) {
    return undefined;
  }
  const variable =
    env[LANGUAGE_HOST_SOURCE_VARIABLE] === undefined
      ? `${LANGUAGE_HOST_SOURCE_VARIABLE} is unset, ${sharedLanguageHostSource(REPO_ROOT)} does not exist`
      : `${LANGUAGE_HOST_SOURCE_VARIABLE} is empty`;
  return `no Pulumi Node.js language host: ${variable}, and no pulumi-language-nodejs is installed`;
}

/**
 * A `describe` for tests of on-disk programs: skipped, with the reason in its title (the summary
 * reporter prints it), when {@link onDiskSkipReason} gives one. Set the world up inside `body`, so
 * that a skipped block builds nothing.
 */
export function describeOnDisk(name: string, body: () => void): void {
  const reason = onDiskSkipReason();
  if (reason === undefined) {
    describe(name, body);
  } else {
    describe.skip(`${name} (skipped: ${reason})`, body);
  }
}

/**
 * Fails the setup when the CLI has no language host although one was expected (the tests were not
 * skipped): a host that cannot be built must fail the tests, not skip them.
 */
export function requireLanguageHost(cli: PulumiCli): void {
  if (cli.languageHost === undefined) {
    const source = languageHostSource(REPO_ROOT) ?? "none";
    throw new Error(
      `the on-disk program tests need pulumi-language-nodejs beside ${cli.root}/bin/pulumi or on PATH, ` +
        `and scripts/ensure-pulumi gave a CLI without one (source folder: ${source})`,
    );
  }
}
