import * as path from "node:path";
import type { WorldOptions } from "./e2eWorld";
import { projectDependencies } from "./testProject";

/** A user's TypeScript program (Pulumi.yaml, index.ts, tsconfig.json), copied into the test project. */
export const USER_PROJECT_FILES = path.join(__dirname, "..", "fixtures", "user-project");

/** The `name` in the fixture's Pulumi.yaml: the project its stacks belong to. */
export const USER_PROJECT_NAME = "zenlayer-user-project";

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
    dependencies: projectDependencies(pulumiSdk, extraDependencies),
    manifest: { main: "index.ts" },
    programFiles,
  };
}
