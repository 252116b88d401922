import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { attachmentProviderReference } from "../../provider/zec/providerReference";
import { DEFAULT_ACCESS_KEY, startSimulator } from "../../simulator/index";

const ROOT = join(__dirname, "..", "..");
/** The serialized provider is stored twice per resource in state; keep it small. */
const SIZE_BUDGET_BYTES = 4 * 1024;
const CANARY_PASSWORD = "canary-password-that-must-never-be-serialized";

async function serializedProvider(): Promise<string> {
  // The same call pulumi.dynamic.Resource makes, with credentials present in the environment.
  process.env["ZENLAYERCLOUD_ACCESS_KEY_PASSWORD"] = CANARY_PASSWORD;
  try {
    return (await pulumi.runtime.serializeFunction(() => attachmentProviderReference, { allowSecrets: true }))
      .text;
  } finally {
    delete process.env["ZENLAYERCLOUD_ACCESS_KEY_PASSWORD"];
  }
}

describe("the provider as Pulumi serializes it into state", () => {
  it("stays within its size budget and loads the installed package by reference", async () => {
    const text = await serializedProvider();
    console.log(`serialized provider: ${Buffer.byteLength(text)} bytes`);
    expect(Buffer.byteLength(text)).toBeLessThan(SIZE_BUDGET_BYTES);
    expect(text).toContain('programRequire("pulumi-zenlayer/provider")');
    expect(text).not.toContain("DetachNetworkInterface");
  });

  it("captures no credential text", async () => {
    const text = await serializedProvider();
    expect(text).not.toContain(CANARY_PASSWORD);
    expect(text).not.toContain(DEFAULT_ACCESS_KEY.accessKeyPassword);
    expect(text).not.toMatch(/ZENLAYER(CLOUD)?_ACCESS_KEY/);
  });

  it("attaches and detaches when run in a fresh Node process, as the provider host runs it", async () => {
    if (!existsSync(join(ROOT, "dist", "provider", "index.js"))) {
      throw new Error("dist/ is missing: run `npm run build` first (npm test does it in pretest)");
    }
    const sim = await startSimulator({ transitionDelayMs: 40 });
    try {
      const vm = sim.control.addInstance({});
      const nic = sim.control.addNic({});
      const script = `
        const handler = require("require-from-string")(process.env.PROVIDER_TEXT).handler();
        (async () => {
          const created = await handler.create({ nicId: process.argv[1], instanceId: process.argv[2] });
          console.log("created " + created.id + " " + created.outs.status);
          await handler.delete(created.id, created.outs);
          console.log("deleted");
        })().catch((e) => { console.error(e.message); process.exit(1); });`;
      const env = {
        PATH: process.env["PATH"] ?? "",
        PROVIDER_TEXT: await serializedProvider(),
        ZENLAYERCLOUD_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY.accessKeyId,
        ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: DEFAULT_ACCESS_KEY.accessKeyPassword,
        ZENLAYERCLOUD_DOMAIN: sim.domain,
        ZENLAYERCLOUD_SCHEME: "HTTP",
        PULUMI_ZENLAYER_POLL_MIN_MS: "10",
        PULUMI_ZENLAYER_POLL_MAX_MS: "50",
      };
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["-e", script, nic.nicId, vm.instanceId],
        {
          cwd: ROOT,
          env,
        },
      );
      expect(stdout).toContain(`created ${nic.nicId}:${vm.instanceId} USED`);
      expect(stdout).toContain("deleted");
      expect(sim.control.actionCounts()).toMatchObject({
        AttachNetworkInterface: 1,
        DetachNetworkInterface: 1,
      });
      expect(sim.control.getNic(nic.nicId)?.status).toBe("AVAILABLE");
    } finally {
      await sim.stop();
    }
  });
});
