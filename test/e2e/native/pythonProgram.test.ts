/**
 * examples/python through the CLI, with the provider plugin installed as the README says and the
 * generated SDK installed from `sdk/python` as a user installs it (a wheel, then pip with
 * --find-links; see support/pythonVenv.ts): the Python host runs the program with this
 * repository's executor (scripts/pulumi-build/pulumi-language-python-exec). A lookup of an unknown
 * instance fails the preview with one error naming it; up, refresh, a preview that expects no
 * changes, and destroy then run as for examples/yaml.
 */
import { rm, symlink } from "node:fs/promises";
import * as path from "node:path";
import { REPO_ROOT } from "../../../scripts/lib/pulumiCli";
import { describeLanguage } from "../support/languageAvailability";
import { startPluginStack, SUBNET } from "./support/pluginStack";
import {
  destroyAndExpectDetachBeforeDelete,
  expectNothingToChange,
  upAndExpectAttached,
} from "./support/exampleProgramChecks";
import type { PluginStack } from "./support/pluginStack";
import { pythonSdkVenv } from "./support/pythonVenv";

/** The CLI's setup, the simulator, and on a first run the virtual environment (about 30 s of pip). */
const SETUP_TIMEOUT_MS = 600_000;
const EXAMPLE = "examples/python";
/** A well-formed instance id the simulator does not hold. */
const UNKNOWN_INSTANCE = "1478001766933994999";

describeLanguage("python", "examples/python on the provider plugin and its generated SDK", () => {
  let stack: PluginStack;
  let instanceId: string;

  beforeAll(async () => {
    stack = await startPluginStack(EXAMPLE);
    const venv = await pythonSdkVenv(path.join(REPO_ROOT, EXAMPLE, "requirements.txt"));
    // Pulumi.yaml names `venv` in the program's folder: here, the cached environment.
    await rm(path.join(stack.dir, "venv"), { recursive: true, force: true });
    await symlink(venv.dir, path.join(stack.dir, "venv"));
    instanceId = stack.sim.control.addInstance({ regionId: "asia-east-1" }).instanceId;
    // Python reads config as strings: an id needs no quoting, unlike in Pulumi YAML.
    await stack.mustRun(["config", "set", "subnetId", SUBNET]);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
  });

  it("a lookup of an instance Zenlayer does not have fails the preview with one line naming the id", async () => {
    await stack.mustRun(["config", "set", "instanceId", UNKNOWN_INSTANCE]);
    const result = await stack.pulumi(["preview"]);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(
      new RegExp(
        `error: the Python program failed: Exception: .*no instance ${UNKNOWN_INSTANCE} in this account`,
      ),
    );
    // No traceback of the SDK's tasks, no asyncio warning per output of the lookup, and no
    // "non-zero exit code" from the host: the executor reported the failure once, and said so.
    expect(result.output).not.toMatch(/Traceback|never retrieved|non-zero exit code/);
    expect(stack.sim.control.snapshot().nics.filter((nic) => nic.name === "app-nic")).toEqual([]);
  });

  it("up makes the NIC and attaches it to the instance the lookup found, exporting its IP", async () => {
    await stack.mustRun(["config", "set", "instanceId", instanceId]);
    await upAndExpectAttached(stack, instanceId);
  });

  it("refresh and preview then find nothing to change", async () => {
    await expectNothingToChange(stack);
  });

  it("destroy detaches the NIC before it deletes it", async () => {
    await destroyAndExpectDetachBeforeDelete(stack);
  });
});
