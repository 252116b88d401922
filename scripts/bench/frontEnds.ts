import { mkdir, writeFile } from "node:fs/promises";
import * as path from "node:path";
import type { AttachmentSpec, DriverCommand } from "../lib/driverRunner";
import { languageUnavailableReason, readLanguageReport } from "../lib/languageReport";
import type { BenchProject } from "./project";
import { installPlugin } from "./project";
import type { Scenario } from "./scenarios";
import { yamlProgram } from "./yamlProgram";

/**
 * The two ways a program reaches the package, measured side by side: `dynamic`, the TypeScript
 * program on the dynamic providers (the driver's inline program), and `native`, a YAML program on
 * the provider plugin. Both run through the same driver, engine, simulator and analysis; only the
 * program differs, so their package times compare like with like.
 */
export type FrontEndName = "dynamic" | "native";

/** What the driver is told about the program of one stack. */
export type ProgramCommand = Pick<DriverCommand, "attachments" | "noops" | "programDir">;

/** A front end: how a new stack's program declaring a scenario's attachments is given to the driver. */
export interface FrontEnd {
  readonly name: FrontEndName;
  program(
    stackName: string,
    scenario: Scenario,
    attachments: readonly AttachmentSpec[],
  ): Promise<ProgramCommand>;
}

/** The driver's inline TypeScript program on the dynamic providers. */
export const DYNAMIC_FRONT_END: FrontEnd = {
  name: "dynamic",
  program: (_stackName, scenario, attachments) =>
    Promise.resolve({ attachments, ...(scenario.noops === undefined ? {} : { noops: scenario.noops }) }),
};

/** The project of every YAML program (each stack gets a folder of its own). */
const NATIVE_PROJECT_NAME = "zenlayer-bench-native";

/** A YAML program per stack, in a folder of its own under `programsDir`, on the provider plugin. */
export function nativeFrontEnd(programsDir: string): FrontEnd {
  return {
    name: "native",
    async program(stackName, scenario, attachments) {
      if (scenario.noops !== undefined)
        throw new Error(`${scenario.id}: a YAML program has no no-op dynamic resource`);
      const dir = path.join(programsDir, stackName);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, "Pulumi.yaml"), yamlProgram(NATIVE_PROJECT_NAME, attachments));
      return { programDir: dir };
    },
  };
}

/**
 * The native front end, once the plugin is installed into the bench's Pulumi home; or why it
 * cannot run here: the CLI has no YAML language host (`scripts/ensure-pulumi` installs it when Go
 * is there, and says so in the CLI's languages.json).
 */
export async function prepareNativeFrontEnd(project: BenchProject): Promise<FrontEnd | { skipped: string }> {
  let reason: string | undefined;
  try {
    reason = languageUnavailableReason(readLanguageReport(project.cli.root), "yaml");
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  if (reason !== undefined) return { skipped: reason };
  await installPlugin(project);
  return nativeFrontEnd(path.join(project.root.path, "native-programs"));
}
