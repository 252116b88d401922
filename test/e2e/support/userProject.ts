import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { WorldOptions } from "./e2eWorld";
import { REPO_ROOT } from "./testProject";

/** A user's TypeScript program (Pulumi.yaml, index.ts, tsconfig.json), copied into the test project. */
export const USER_PROJECT_FILES = path.join(__dirname, "..", "fixtures", "user-project");

/** The `name` in the fixture's Pulumi.yaml: the project its stacks belong to. */
export const USER_PROJECT_NAME = "zenlayer-user-project";

/**
 * The TypeScript toolchain a user's project installs, as `pulumi new typescript` adds it (without
 * it the SDK falls back to its vendored TypeScript 3.8). The versions are this repository's own
 * devDependencies, so the install comes from the warm npm cache.
 */
function typescriptToolchain(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  const { typescript, "@types/node": typesNode } = manifest.devDependencies;
  return { typescript: typescript!, "@types/node": typesNode! };
}

/**
 * A world whose project is a user's on-disk TypeScript program (default the fixture; an example
 * folder as users copy it) on the packed package and the given `@pulumi/pulumi`, plus
 * `extraDependencies` (e.g. the npm `node` package). Its setup fails without the Node.js language
 * host.
 */
export function userProjectWorld(
  label: string,
  pulumiSdk: string,
  extraDependencies: Readonly<Record<string, string>> = {},
  programFiles: string = USER_PROJECT_FILES,
): WorldOptions {
  return {
    label,
    requireLanguageHost: true,
    dependencies: (tarball) => ({
      "pulumi-zenlayer": `file:${tarball}`,
      "@pulumi/pulumi": pulumiSdk,
      ...typescriptToolchain(),
      ...extraDependencies,
    }),
    manifest: { main: "index.ts" },
    programFiles,
  };
}
