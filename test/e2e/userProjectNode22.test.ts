/**
 * End-to-end: the user's on-disk TypeScript project on the NEWEST `@pulumi/pulumi` (which needs
 * Node.js 22), run with the pinned CLI and language host. The npm `node` package's Node.js 22 comes
 * first on PATH, so the language host runs the program with it and the CLI starts the provider
 * plugin with it; both are checked while the attach is held in flight.
 */
import { realpath } from "node:fs/promises";
import { driverEnv, e2eTest } from "./support/e2eWorld";
import { describeLanguage } from "./support/languageAvailability";
import { runAttachLifecycle } from "./support/onDiskLifecycle";
import { initStack } from "./support/onDiskStack";
import { commandLineOf, executableOf, processIdsWithEnv } from "./support/processes";
import { newInstanceAndNic } from "./support/simulatorQueries";
import { NEWEST_PULUMI_SDK, node22Binary, NODE_22_PACKAGE } from "./support/testProject";
import { userProjectWorld } from "./support/userProject";
import { useWorld } from "./support/useWorld";

const CASE_TIMEOUT_MS = 300_000;

/** The Node.js processes of the world's Pulumi runs (program and provider plugin), by role. */
function nodeProcesses(pulumiHome: string): Record<string, string[]> {
  const roles: Record<string, string[]> = { program: [], plugin: [] };
  for (const pid of processIdsWithEnv("PULUMI_HOME", pulumiHome)) {
    const commandLine = commandLineOf(pid);
    const role = /cmd[/\\]run/.test(commandLine)
      ? "program"
      : /dynamic-provider/.test(commandLine)
        ? "plugin"
        : "";
    roles[role]?.push(executableOf(pid) ?? "?");
  }
  return roles;
}

describeLanguage(
  "nodejs",
  `a user's TypeScript project on @pulumi/pulumi ${NEWEST_PULUMI_SDK} and Node.js 22`,
  () => {
    const w = useWorld({
      ...userProjectWorld("user-node22", NEWEST_PULUMI_SDK, { node: NODE_22_PACKAGE }),
      nodeBinary: node22Binary,
    });

    e2eTest(
      "up attaches, refresh keeps, destroy detaches, with the program and the provider plugin on Node 22",
      w,
      async () => {
        const { sim, cli, project, workspaceEnv } = w();
        const node22 = await realpath(w().nodeBinary!);
        const stack = await initStack({ cli, cwd: project.dir, env: driverEnv(w()) }, "node22");
        let seen: Record<string, string[]> = {};

        await runAttachLifecycle(stack, sim, newInstanceAndNic(sim), {
          whileAttaching: () => {
            seen = nodeProcesses(workspaceEnv["PULUMI_HOME"]!);
          },
        });

        expect(seen).toEqual({ program: [node22], plugin: [node22] });
        expect(cli.version).toBe("3.248.0");
      },
      CASE_TIMEOUT_MS,
    );
  },
);
