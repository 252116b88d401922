/**
 * The README's "Moving an existing stack from the dynamic resources to the plugin, without
 * detaching anything", through the CLI on one stack of a TypeScript program
 * (fixtures/plugin-migration; the test copies one of its steps/ to index.ts before each `up`): a
 * NIC and its attachment made by pulumi-zenlayer's dynamic resources; step 1 gives them
 * `retainOnDelete: true`; step 2 swaps them for the plugin's, through the generated Node.js SDK
 * (support/nodeSdk.ts), under the same names and inputs; step 3's preview shows no changes. The
 * simulator's request log says what each step sent.
 */
import { copyFile } from "node:fs/promises";
import * as path from "node:path";
import type { RequestLogEntry } from "../../../simulator/index";
import { describeLanguage } from "../support/languageAvailability";
import { installNodeSdkProgram } from "./support/nodeSdk";
import { startPluginStack } from "./support/pluginStack";
import { configureExample } from "./support/exampleProgramChecks";
import type { PluginStack } from "./support/pluginStack";

/** The CLI's setup, the simulator, and on a first run the SDK's pack and the npm install (about 30 s). */
const SETUP_TIMEOUT_MS = 600_000;
const FIXTURE = "test/e2e/fixtures/plugin-migration";
/** The writes that detach, delete, create or attach a NIC. */
const NIC_CHANGES = new Set([
  "CreateNetworkInterface",
  "AttachNetworkInterface",
  "DetachNetworkInterface",
  "DeleteNetworkInterface",
]);

interface ExportedResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
}

/** The program of step `step` (a file of steps/) as the program's index.ts. */
async function useProgram(stack: PluginStack, step: "dynamic" | "retained" | "plugin"): Promise<void> {
  await copyFile(path.join(stack.dir, "steps", `${step}.ts`), path.join(stack.dir, "index.ts"));
}

/** `pulumi up` with the program of `step`; the requests the simulator received meanwhile. */
async function upWith(
  stack: PluginStack,
  step: "dynamic" | "retained" | "plugin",
): Promise<RequestLogEntry[]> {
  await useProgram(stack, step);
  const before = stack.sim.control.requestLog().length;
  await stack.mustRun(["up", "--yes"]);
  return stack.sim.control.requestLog().slice(before);
}

/** The resources of the stack, by `pulumi stack export`. */
async function stackResources(stack: PluginStack): Promise<ExportedResource[]> {
  const exported = JSON.parse((await stack.mustRun(["stack", "export"])).output) as {
    deployment: { resources?: ExportedResource[] };
  };
  return exported.deployment.resources ?? [];
}

/** `<action> <HTTP status> <error code>` of each request, for messages that say what was sent. */
function described(requests: readonly RequestLogEntry[]): string[] {
  return requests.map((entry) => `${entry.action ?? "?"} ${String(entry.status)} ${entry.code ?? ""}`.trim());
}

describeLanguage("nodejs", "moving a stack from the dynamic resources to the plugin (README)", () => {
  let stack: PluginStack;
  let instanceId: string;
  let nicId: string;

  beforeAll(async () => {
    stack = await startPluginStack(FIXTURE);
    await installNodeSdkProgram(stack.dir, path.join(path.dirname(stack.dir), "install"));
    instanceId = await configureExample(stack);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
  });

  it("before: the dynamic resources make the NIC and attach it", async () => {
    await upWith(stack, "dynamic");
    nicId = stack.sim.control.snapshot().nics.find((nic) => nic.name === "app-nic")?.nicId ?? "";
    expect(stack.sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId });
    expect((await stackResources(stack)).map((resource) => resource.type)).toEqual(
      expect.arrayContaining([
        "pulumi-nodejs:dynamic/zec:NetworkInterface",
        "pulumi-nodejs:dynamic/zec:NetworkInterfaceAttachment",
      ]),
    );
  });

  it("step 1 (retainOnDelete) sends nothing; step 2 (the plugin's resources) adopts the NIC and its attachment, changing nothing", async () => {
    expect(described(await upWith(stack, "retained"))).toEqual([]);

    const stepTwo = await upWith(stack, "plugin");

    // The NIC is found by its creation tag. The new attachment asks Zenlayer first, as every new
    // attachment does (an answer cannot lag as a read can): Zenlayer refuses, the NIC being
    // attached already, and a read then shows it attached to this instance.
    expect(described(stepTwo.filter((entry) => NIC_CHANGES.has(entry.action ?? "")))).toEqual([
      "AttachNetworkInterface 400 INVALID_NIC_ATTACHED",
    ]);
    expect(stepTwo.filter((entry) => entry.effect?.applied === true)).toEqual([]);
    expect(stack.sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId });
    expect(stack.sim.control.snapshot().nics.filter((nic) => nic.name === "app-nic")).toHaveLength(1);
    const resources = await stackResources(stack);
    expect(resources.map((resource) => resource.type).sort()).toEqual([
      "pulumi:providers:zenlayer",
      "pulumi:pulumi:Stack",
      "zenlayer:zec:NetworkInterface",
      "zenlayer:zec:NetworkInterfaceAttachment",
    ]);
    const idOf = (type: string) => resources.find((resource) => resource.type === type)?.id;
    expect(idOf("zenlayer:zec:NetworkInterface")).toBe(nicId);
    expect(idOf("zenlayer:zec:NetworkInterfaceAttachment")).toBe(`${nicId}:${instanceId}`);
  });

  it("step 3: the preview shows no changes", async () => {
    await stack.mustRun(["preview", "--expect-no-changes"]);
  });
});
