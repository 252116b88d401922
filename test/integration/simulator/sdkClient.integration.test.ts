import { isZenlayerApiError, resolveClientConfig, waitUntil, ZecClient } from "../../../sdk/index";
import type { NicInfo, WaitDecision } from "../../../sdk/index";
import { DEFAULT_ACCESS_KEY, startSimulator } from "../../../simulator/index";
import type { Simulator } from "../../../simulator/index";

const FAST_RETRY = { maxAttempts: 10, baseDelayMs: 2, maxDelayMs: 20, deadlineMs: 10_000 };

let sim: Simulator;
let client: ZecClient;

function clientFor(settings: Record<string, unknown>): ZecClient {
  const config = resolveClientConfig({
    explicit: {
      domain: sim.domain,
      scheme: "HTTP",
      maxRequestsPerSecond: 5000,
      retry: FAST_RETRY,
      ...settings,
    },
    env: {},
  });
  return new ZecClient(config);
}

async function untilStatus(nicId: string, wanted: NicInfo["status"] | "gone"): Promise<void> {
  await waitUntil(
    async (): Promise<WaitDecision<void>> => {
      const [nic] = (await client.describeNetworkInterfaces({ nicIds: [nicId] })).dataSet;
      const status = nic?.status ?? "gone";
      return status === wanted ? { kind: "done", value: undefined } : { kind: "pending", observed: status };
    },
    { minDelayMs: 5, maxDelayMs: 20, timeoutMs: 5000 },
  );
}

beforeEach(async () => {
  sim = await startSimulator({
    transitionDelayMs: 20,
    seed: { subnets: [{ subnetId: "4000000000000000001" }] },
  });
  client = clientFor({ ...DEFAULT_ACCESS_KEY });
});
afterEach(async () => {
  await sim.stop();
});

describe("the sdk client against the simulator", () => {
  it("runs a NIC through its whole life: create, attach, detach, delete", async () => {
    const vm = sim.control.addInstance({});
    const { nicId, requestId } = await client.createNetworkInterface({
      name: "app-nic",
      subnetId: "4000000000000000001",
    });
    expect(requestId).toMatch(/^T[0-9A-F-]{36}$/);
    await untilStatus(nicId, "AVAILABLE");
    await client.attachNetworkInterface({ nicId, instanceId: vm.instanceId });
    await untilStatus(nicId, "USED");
    const [instance] = (await client.describeInstances({ instanceIds: [vm.instanceId] })).dataSet;
    expect(instance?.nics?.map((nic) => nic.nicId)).toContain(nicId);
    await client.detachNetworkInterface({ nicId });
    await untilStatus(nicId, "AVAILABLE");
    await client.deleteNetworkInterface({ nicId });
    await untilStatus(nicId, "gone");
  });

  it("pages through every NIC with describeAllNetworkInterfaces", async () => {
    const ids = Array.from({ length: 230 }, () => sim.control.addNic({}).nicId);
    const all = await client.describeAllNetworkInterfaces({});
    expect(all.map((nic) => nic.nicId).sort()).toEqual([...ids].sort());
    expect(sim.control.actionCounts()["DescribeNetworkInterfaces"]).toBe(3);
  });

  it("rides out rate limits, 5xx answers and dropped connections", async () => {
    sim.control.setFaults({ rateLimitRps: 50, errorRate: 0.2, resetRate: 0.1 });
    const results = await Promise.all(
      Array.from({ length: 40 }, () => client.describeNetworkInterfaces({ pageSize: 1 })),
    );
    expect(results).toHaveLength(40);
    const faults = sim.control.requestLog().map((entry) => entry.fault ?? "none");
    expect(faults.filter((fault) => fault !== "none").length).toBeGreaterThan(0);
  });

  it("turns an HTML edge page into a clear client-side error", async () => {
    sim.control.setFaults({ htmlRate: 1 });
    const noRetry = clientFor({ ...DEFAULT_ACCESS_KEY, retry: { ...FAST_RETRY, maxAttempts: 1 } });
    const error = await noRetry.describeInstances({}).catch((e: unknown) => e);
    expect(isZenlayerApiError(error) && error.code).toBe("INVALID_RESPONSE_BODY");
    expect(isZenlayerApiError(error) && error.httpStatus).toBe(502);
  });

  it("is rejected with the documented code for a wrong password, and accepts a bearer token", async () => {
    const wrong = clientFor({
      accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId,
      accessKeyPassword: "not-the-password",
    });
    const error = await wrong.describeInstances({}).catch((e: unknown) => e);
    expect(isZenlayerApiError(error) && error.code).toBe("AUTHFAILURE_SIGNATURE_FAILURE");
    expect(String(error)).not.toContain("not-the-password");

    const tokenSim = await startSimulator({ bearerTokens: ["sim-token-123"] });
    try {
      const bearer = new ZecClient(
        resolveClientConfig({
          explicit: { domain: tokenSim.domain, scheme: "HTTP", token: "sim-token-123" },
          env: {},
        }),
      );
      expect((await bearer.describeInstances({})).totalCount).toBe(0);
    } finally {
      await tokenSim.stop();
    }
  });

  it("speaks both error-code generations", async () => {
    const missing = "1999999999999999999";
    const current = await client.detachNetworkInterface({ nicId: missing }).catch((e: unknown) => e);
    expect(isZenlayerApiError(current) && [current.code, current.category]).toEqual([
      "INVALID_NIC_NOT_FOUND",
      "not-found",
    ]);
    sim.control.setErrorCodes("legacy");
    const legacy = await client.detachNetworkInterface({ nicId: missing }).catch((e: unknown) => e);
    expect(isZenlayerApiError(legacy) && [legacy.code, legacy.category]).toEqual([
      "OPERATION_FAILED_RESOURCE_NOT_FOUND",
      "not-found",
    ]);
  });
});
