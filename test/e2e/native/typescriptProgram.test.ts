/**
 * examples/typescript-native through the CLI, with the provider plugin installed as the README
 * says and the generated Node.js SDK installed from its packed tarball as sdk/nodejs/README.md
 * says (support/nodeSdk.ts): Pulumi's Node.js language host runs the program with ts-node,
 * type-checking it against the SDK's declarations. One stack's life: up makes the NIC and attaches
 * it, refresh and a preview find nothing to change, destroy detaches before it deletes; every
 * request is signed with the key the environment names.
 */
import * as path from "node:path";
import { DEFAULT_ACCESS_KEY } from "../../../simulator/index";
import { describeLanguage } from "../support/languageAvailability";
import { installNodeSdkProgram } from "./support/nodeSdk";
import { startPluginStack } from "./support/pluginStack";
import {
  configureExample,
  destroyAndExpectDetachBeforeDelete,
  expectNothingToChange,
  upAndExpectAttached,
} from "./support/exampleProgramChecks";
import type { PluginStack } from "./support/pluginStack";

/** The CLI's setup, the simulator, and on a first run the SDK's pack and the npm install (about 30 s). */
const SETUP_TIMEOUT_MS = 600_000;

describeLanguage("nodejs", "examples/typescript-native on the provider plugin and its generated SDK", () => {
  let stack: PluginStack;
  let instanceId: string;

  beforeAll(async () => {
    stack = await startPluginStack("examples/typescript-native");
    await installNodeSdkProgram(stack.dir, path.join(path.dirname(stack.dir), "install"));
    instanceId = await configureExample(stack);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
  });

  it("up makes the NIC and attaches it to the instance the lookup found, exporting its IP", async () => {
    await upAndExpectAttached(stack, instanceId);
  });

  it("refresh and preview then find nothing to change", async () => {
    await expectNothingToChange(stack, true);
  });

  it("destroy detaches the NIC before it deletes it, every request signed with the environment's key", async () => {
    await destroyAndExpectDetachBeforeDelete(stack);
    const log = stack.sim.control.requestLog();
    expect(log.length).toBeGreaterThan(0);
    expect([...new Set(log.map((entry) => entry.signedBy ?? "unsigned"))]).toEqual([
      DEFAULT_ACCESS_KEY.accessKeyId,
    ]);
  });
});
