/**
 * End-to-end: the repository's own `Pulumi.yaml`, used as the README describes it. With the
 * package built, `pulumi up` in the repository root runs examples/nic-attachment through the CLI and
 * the Node.js language host (no Automation API), attaching the NIC named in stack config. The stack
 * config is kept in the world's directory (`--config-file`), so the run leaves no file behind.
 */
import * as path from "node:path";
import { driverEnv, e2eTest } from "./support/e2eWorld";
import { describeLanguage } from "./support/languageAvailability";
import { allOutput, runAttachLifecycle } from "./support/onDiskLifecycle";
import { initStackWithConfigElsewhere } from "./support/onDiskStack";
import { repositoryStatus, stackConfigFilesInRepository } from "./support/repositoryFiles";
import { newInstanceAndNic } from "./support/simulatorQueries";
import { REPO_ROOT } from "./support/testProject";
import { useWorldBase } from "./support/useWorld";
import { DEFAULT_ACCESS_KEY } from "../../simulator/index";

const CASE_TIMEOUT_MS = 300_000;

describeLanguage("nodejs", "the repository's Pulumi.yaml, run with `pulumi` in the repository root", () => {
  const w = useWorldBase({ label: "repository", requireLanguageHost: true });

  e2eTest(
    "up attaches the NIC from stack config, refresh keeps it, destroy detaches it; no file is left in the repository",
    w,
    async () => {
      const { sim, cli } = w();
      const ids = newInstanceAndNic(sim);
      const before = await repositoryStatus();
      const context = { cli, cwd: REPO_ROOT, env: driverEnv(w()) };
      const stack = await initStackWithConfigElsewhere(context, "dev", path.join(w().root, "stack-config"));

      const output = await runAttachLifecycle(stack, sim, ids);

      expect(output.up.stdout).toMatch(/app-nic/);
      expect(allOutput(output).includes(DEFAULT_ACCESS_KEY.accessKeyPassword)).toBe(false);
      expect(await stackConfigFilesInRepository()).toEqual([]);
      expect(await repositoryStatus()).toEqual(before);
    },
    CASE_TIMEOUT_MS,
  );
});
