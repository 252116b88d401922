import { inspect } from "node:util";
import {
  createNetworkInterfaceAttachmentProvider,
  networkInterfaceAttachmentProvider,
} from "../../../provider/index";
import { DEFAULT_ACCESS_KEY, startSimulator } from "../../../simulator/index";
import type { Simulator } from "../../../simulator/index";
import type { RetrySettings } from "../../../sdk/index";
import { count, failureOf, FAST_CLIENT, inputs } from "./support/harness";

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ transitionDelayMs: 40 });
});
afterEach(async () => {
  await sim.stop();
});

function fastProvider(
  log: (line: string) => void = () => undefined,
  retry: Partial<RetrySettings> = FAST_CLIENT.retry,
) {
  return createNetworkInterfaceAttachmentProvider({
    clientSettings: { ...FAST_CLIENT, domain: sim.domain, retry },
    env: {},
    polling: { intervalMs: 20 },
    log,
  });
}

describe("many attachments at once", () => {
  it("attaches and detaches seven NICs on one instance, one change at a time", async () => {
    const provider = fastProvider();
    const vm = sim.control.addInstance({});
    const nics = Array.from({ length: 7 }, () => sim.control.addNic({}).nicId);
    const created = await Promise.all(nics.map((nicId) => provider.create(inputs(nicId, vm.instanceId))));
    expect(sim.control.getInstance(vm.instanceId)?.nics).toHaveLength(8);
    await Promise.all(created.map((c) => provider.delete?.(c.id, c.outs!)));
    expect(nics.map((nicId) => sim.control.getNic(nicId)?.status)).toEqual(Array(7).fill("AVAILABLE"));
  });

  it("attaches across many instances in parallel under a rate limit", async () => {
    // Retries back off far enough for a 10 requests/s server to let a dozen parallel operations through.
    const provider = fastProvider(undefined, {
      maxAttempts: 30,
      baseDelayMs: 25,
      maxDelayMs: 400,
      deadlineMs: 20_000,
    });
    sim.control.setFaults({ rateLimitRps: 10, retryAfterSeconds: 0 });
    const pairs = Array.from({ length: 6 }, () => {
      const vm = sim.control.addInstance({});
      return [sim.control.addNic({}).nicId, sim.control.addNic({}).nicId].map((nicId) =>
        inputs(nicId, vm.instanceId),
      );
    }).flat();
    const created = await Promise.all(pairs.map((p) => provider.create(p)));
    expect(created.map((c) => c.outs?.status)).toEqual(Array(12).fill("USED"));
    await Promise.all(created.map((c) => provider.delete?.(c.id, c.outs!)));
    expect(pairs.map((p) => sim.control.getNic(p.nicId)?.instanceId)).toEqual(Array(12).fill(null));
    expect(sim.control.requestLog().some((entry) => entry.fault === "rate-limit")).toBe(true);
  });
});

describe("where settings come from", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("reads the environment at call time when not configured", async () => {
    const vm = sim.control.addInstance({});
    const nicId = sim.control.addNic({}).nicId;
    Object.assign(process.env, {
      ZENLAYERCLOUD_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY.accessKeyId,
      ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: DEFAULT_ACCESS_KEY.accessKeyPassword,
      ZENLAYERCLOUD_DOMAIN: sim.domain,
      ZENLAYERCLOUD_SCHEME: "HTTP",
      PULUMI_ZENLAYER_POLL_INTERVAL_MS: "20",
    });
    const printed = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const created = await networkInterfaceAttachmentProvider.create(inputs(nicId, vm.instanceId));
      expect(created.outs?.status).toBe("USED");
      // Without options, progress goes to console.log, which Pulumi shows in its output.
      expect(printed).toHaveBeenCalledWith(
        expect.stringMatching(
          new RegExp(`^attaching NIC ${nicId} to instance ${vm.instanceId}: ATTACHING, `),
        ),
      );
    } finally {
      printed.mockRestore();
    }
  });

  it("fails an operation, naming the variable, when PULUMI_ZENLAYER_POLL_INTERVAL_MS is not an interval", async () => {
    const vm = sim.control.addInstance({});
    const nicId = sim.control.addNic({}).nicId;
    const provider = createNetworkInterfaceAttachmentProvider({
      clientSettings: { ...FAST_CLIENT, domain: sim.domain },
      env: { PULUMI_ZENLAYER_POLL_INTERVAL_MS: "20ms" },
      log: () => undefined,
    });
    const error = await failureOf(provider.create(inputs(nicId, vm.instanceId)));
    expect(error.message).toMatch(
      /^PULUMI_ZENLAYER_POLL_INTERVAL_MS must be a number of milliseconds .*; got "20ms"/,
    );
    expect(sim.control.requestLog()).toEqual([]);
  });

  it("uses stack config given to configure, secrets included", async () => {
    const vm = sim.control.addInstance({});
    const nicId = sim.control.addNic({}).nicId;
    const lines: string[] = [];
    const provider = createNetworkInterfaceAttachmentProvider({
      env: {},
      polling: { intervalMs: 20 },
      log: (line) => lines.push(line),
    });
    const config: Record<string, string> = {
      "zenlayer:accessKeyId": DEFAULT_ACCESS_KEY.accessKeyId,
      "zenlayer:accessKeyPassword": DEFAULT_ACCESS_KEY.accessKeyPassword,
      "zenlayer:domain": sim.domain,
      "zenlayer:scheme": "HTTP",
    };
    await provider.configure?.({
      config: { get: (key) => config[key], require: (key) => config[key] ?? "" },
    });
    expect((await provider.create(inputs(nicId, vm.instanceId))).outs?.status).toBe("USED");
    expect(lines.join("\n")).not.toContain(DEFAULT_ACCESS_KEY.accessKeyPassword);
  });

  it("fails with one message naming every way to give credentials", async () => {
    const provider = createNetworkInterfaceAttachmentProvider({ env: {} });
    const error = await failureOf(provider.create(inputs("1", "2")));
    expect(error.message).toContain("zenlayer:accessKeyId");
    expect(error.message).toContain("ZENLAYERCLOUD_ACCESS_KEY_ID");
  });

  it("never lets the password or a signature reach logs or errors", async () => {
    const lines: string[] = [];
    const provider = fastProvider((line) => lines.push(line));
    const vm = sim.control.addInstance({});
    const nicId = sim.control.addNic({}).nicId;
    const created = await provider.create(inputs(nicId, vm.instanceId));
    sim.control.outOfBand.associateLoadBalancer(nicId);
    const error = await failureOf(provider.delete!(created.id, created.outs!));
    const everything = [
      lines.join("\n"),
      error.message,
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
    ].join("\n");
    expect(everything).toContain("INVALID_NIC_LB_ASSOCIATED");
    expect(everything).not.toContain(DEFAULT_ACCESS_KEY.accessKeyPassword);
    expect(everything).not.toMatch(/Signature=|authorization/i);
    expect(count(sim, "DetachNetworkInterface")).toBe(1);
  });
});
