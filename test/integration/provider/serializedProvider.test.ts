/**
 * The serialized provider, run as the provider host runs it: in a fresh Node process that loads
 * the built package (dist/) by reference, against the simulator over HTTP.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { DEFAULT_ACCESS_KEY, startSimulator } from "../../../simulator/index";
import { serializedAttachmentProvider as serializedProvider } from "../../support/serializedProvider";

const ROOT = join(__dirname, "..", "..", "..");

describe("the serialized provider", () => {
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
        PULUMI_ZENLAYER_POLL_INTERVAL_MS: "20",
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
