/**
 * The engine's own bounds reaching the provider plugin: `customTimeouts` ends a stalled detach at
 * its time, keeping the attachment; Ctrl-C (SIGINT) on `pulumi up` ends a slow attach within
 * seconds, and the next `up` finishes it with no second attach.
 */
import { describeLanguage } from "../support/languageAvailability";
import { startPluginStack } from "./support/pluginStack";
import type { PluginStack } from "./support/pluginStack";

const SETUP_TIMEOUT_MS = 300_000;
/** What the CLI itself takes around an operation: start, plugin start, state writes. */
const CLI_OVERHEAD_MS = 8000;

function appliedAttaches(stack: PluginStack, nicId: string): number {
  return stack.sim.control
    .requestLog()
    .filter(
      (entry) =>
        entry.action === "AttachNetworkInterface" && entry.effect?.nicId === nicId && entry.effect.applied,
    ).length;
}

describeLanguage("yaml", "customTimeouts and Ctrl-C on the provider plugin", () => {
  let stack: PluginStack;
  let nicId: string;

  beforeEach(async () => {
    stack = await startPluginStack("test/e2e/fixtures/plugin-attachment");
    const instanceId = stack.sim.control.addInstance({ regionId: "asia-east-1" }).instanceId;
    nicId = stack.sim.control.addNic({ regionId: "asia-east-1" }).nicId;
    await stack.mustRun(["config", "set", "nicId", `"${nicId}"`]);
    await stack.mustRun(["config", "set", "instanceId", `"${instanceId}"`]);
  }, SETUP_TIMEOUT_MS);

  afterEach(async () => {
    await stack?.stop();
  });

  it(
    "ends a stalled detach at customTimeouts' 3s, keeping the attachment in the stack",
    async () => {
      await stack.mustRun(["up", "--yes"]);
      stack.sim.control.stallTransitions({ nicId, forMs: "forever" });
      const result = await stack.pulumi(["destroy", "--yes"]);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain("did not finish within its 3s timeout (last status DETACHING)");
      expect(result.output).toContain("The attachment stays in the stack");
      expect(result.ms).toBeLessThan(3000 + CLI_OVERHEAD_MS);
      const state = (await stack.mustRun(["stack", "export"])).output;
      expect(state).toContain("zenlayer:zec:NetworkInterfaceAttachment::attachment");
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    "stops a slow attach within seconds of Ctrl-C, and the next up finishes it with no second attach",
    async () => {
      stack.sim.control.stallTransitions({ nicId, forMs: "forever" });
      const up = stack.start(["up", "--yes", "--skip-preview", "--non-interactive"]);
      let output = "";
      up.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      up.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => up.once("exit", (code) => resolve(code)));
      while (appliedAttaches(stack, nicId) === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const interruptedAt = Date.now();
      up.kill("SIGINT");
      const code = await exited;
      expect(Date.now() - interruptedAt).toBeLessThan(5000);
      expect(code).not.toBe(0);
      expect(output).toContain("was cancelled before it finished");
      stack.sim.control.releaseStalls();
      await stack.mustRun(["up", "--yes"]);
      expect(appliedAttaches(stack, nicId)).toBe(1);
      expect(stack.sim.control.getNic(nicId)).toMatchObject({ status: "USED" });
      await stack.mustRun(["preview", "--expect-no-changes"]);
    },
    SETUP_TIMEOUT_MS,
  );
});
