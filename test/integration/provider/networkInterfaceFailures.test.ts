import { diffNetworkInterface } from "../../../provider/core/networkInterface/inputs";
import { answeredWith, count, failureOf, FAST_CLIENT, succeeded } from "./support/harness";
import { nicInputs, nicsIn, startNicHarness, SUBNET } from "./support/nicHarness";
import { createNetworkInterfaceProvider } from "../../../provider/index";
import type { NetworkInterfaceInputs } from "../../../provider/index";
import { startScriptedServer } from "../../support/scriptedServer";
import type { NicHarness } from "./support/nicHarness";

let h: NicHarness;
afterEach(async () => {
  await h.sim.stop();
});

describe("NetworkInterface create when Zenlayer's answer is lost or late", () => {
  it.each([
    ["a 500 after the create ran", { httpStatus: 500 }],
    ["a reset connection after the create ran", { httpStatus: 500, kind: "reset" as const }],
  ])("makes exactly one NIC after %s, even when Describe lags the write", async (_case, rule) => {
    // Describe hides the new NIC for 600 ms, longer than any first look waits, within the 800 ms
    // the provider is told reads may lag.
    h = await startNicHarness({ faults: { staleReadMs: 600 } }, 800);
    h.sim.control.failNext({ action: "CreateNetworkInterface", count: 1, when: "after", ...rule });
    const created = await h.provider.create(nicInputs());
    expect(created.outs?.status).toBe("AVAILABLE");
    expect(nicsIn(h.sim).map((nic) => nic.nicId)).toEqual([created.id]);
    expect(count(h.sim, "CreateNetworkInterface")).toBe(1);
  });

  it("sends the create again only once a read after the lag shows the lost one made nothing", async () => {
    h = await startNicHarness();
    h.sim.control.failNext({ action: "CreateNetworkInterface", count: 2, httpStatus: 503 });
    const created = await h.provider.create(nicInputs());
    expect(nicsIn(h.sim).map((nic) => nic.nicId)).toEqual([created.id]);
    expect(count(h.sim, "CreateNetworkInterface")).toBe(3);
    expect(succeeded(h.sim, "CreateNetworkInterface")).toBe(1);
    const log = h.sim.control.requestLog().map((entry) => entry.action);
    const firstRetry = log.indexOf("CreateNetworkInterface", log.indexOf("CreateNetworkInterface") + 1);
    expect(log.slice(0, firstRetry)).toContain("DescribeNetworkInterfaces");
  });

  it("keeps a NIC still PENDING at the timeout in the stack, and the next up continues it", async () => {
    h = await startNicHarness();
    h.sim.control.stallTransitions({ forMs: "forever" });
    const inputs = { ...nicInputs({ timeouts: { create: "300ms" } }), __provider: "serialized" };
    const error = await failureOf(h.provider.create(inputs));
    const [nic] = nicsIn(h.sim);
    expect(error["id"]).toBe(nic?.nicId);
    expect(error["properties"]).toMatchObject({
      nicId: nic?.nicId,
      status: "PENDING",
      __provider: "serialized",
    });
    expect(error.message).toContain("did not finish within its 300ms timeout (last status PENDING)");
    expect(error.message).toContain("The NIC stays in the stack");

    h.sim.control.releaseStalls();
    const olds = error["properties"] as never;
    expect(diffNetworkInterface(olds, inputs).changes).toBe(true);
    const updated = await h.provider.update?.(nic!.nicId, olds, nicInputs());
    expect(updated?.outs).toMatchObject({ nicId: nic?.nicId, status: "AVAILABLE" });
    expect(count(h.sim, "CreateNetworkInterface")).toBe(1);
  });
});

describe("NetworkInterface create that Zenlayer fails", () => {
  it("deletes a NIC that ends CREATE_FAILED and leaves nothing behind", async () => {
    h = await startNicHarness({ faults: { createFailureRate: 1 } });
    const error = await failureOf(h.provider.create(nicInputs()));
    expect(error.message).toMatch(
      /Zenlayer could not create NIC \d+ \(eth1\): it ended CREATE_FAILED; the failed NIC was deleted/,
    );
    expect(error.message).toContain("Nothing is left behind");
    expect(error["id"]).toBeUndefined();
    expect(nicsIn(h.sim)).toEqual([]);
    expect(succeeded(h.sim, "DeleteNetworkInterface")).toBe(1);
  });

  it("keeps a CREATE_FAILED NIC it could not delete in the stack, for the next up to replace", async () => {
    h = await startNicHarness({ faults: { createFailureRate: 1 } });
    const refusal = { action: "DeleteNetworkInterface", count: 50, httpStatus: 403 };
    h.sim.control.failNext({ ...refusal, code: "OPERATION_DENIED_POSTPAID_INSTANCE_IN_PROMISE" });
    const error = await failureOf(
      h.provider.create({ ...nicInputs(), __provider: "serialized" } as NetworkInterfaceInputs),
    );
    const [nic] = nicsIn(h.sim);
    expect(nic?.status).toBe("CREATE_FAILED");
    expect(error["id"]).toBe(nic?.nicId);
    expect(error["properties"]).toMatchObject({ status: "CREATE_FAILED", __provider: "serialized" });
    expect(error.message).toContain("deleting it failed");
    expect(error.message).toContain("OPERATION_DENIED_POSTPAID_INSTANCE_IN_PROMISE");
    expect(error.message).toContain("the next `pulumi up` replaces it");
    expect(diffNetworkInterface(error["properties"] as never, { ...nicInputs() })).toEqual({
      changes: true,
      replaces: ["status"],
    });
  });

  it("a continued create that ends CREATE_FAILED stays in the stack for replacement", async () => {
    h = await startNicHarness();
    const nic = h.sim.control.addNic({ subnetId: SUBNET, name: "eth1", status: "CREATE_FAILED" });
    const olds = { ...nicInputs(), nicId: nic.nicId, status: "PENDING" } as never;
    const error = await failureOf(
      h.provider.update!(nic.nicId, olds, { ...nicInputs(), __provider: "p" } as never),
    );
    expect(error["id"]).toBe(nic.nicId);
    expect(error["properties"]).toMatchObject({ status: "CREATE_FAILED" });
    expect(error.message).toContain("the next `pulumi up` replaces it");
    expect(count(h.sim, "DeleteNetworkInterface")).toBe(0);
  });

  it("names the Zenlayer code, the request id and the property for a subnet that does not exist", async () => {
    h = await startNicHarness();
    const error = await failureOf(h.provider.create(nicInputs({ subnetId: "3999999999999999999" })));
    expect(error.message).toMatch(
      /^cannot create NIC eth1: Zenlayer answered INVALID_SUBNET_NOT_FOUND \(request id [\w-]+\): check `subnetId`/,
    );
    expect(error.message).toContain("Nothing is left behind");
    expect(error["id"]).toBeUndefined();
    expect(count(h.sim, "CreateNetworkInterface")).toBe(1);
  });

  it("says which inputs have length limits when Zenlayer refuses one (50 user tags are 51 with ours)", async () => {
    // `check` refuses these first; state written by an older version, or a caller that skips
    // `check`, still reaches the API, and the answer must point at `tags`.
    h = await startNicHarness();
    const tags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    const error = await failureOf(h.provider.create(nicInputs({ tags })));
    expect(error.message).toMatch(
      /^cannot create NIC eth1: Zenlayer answered INVALID_PARAMETER_EXCEED_LENGTH \(request id [\w-]+\): /,
    );
    expect(error.message).toContain("`tags` holds at most 49 tags");
    expect(nicsIn(h.sim)).toEqual([]);
  });
});

describe("NetworkInterface delete races", () => {
  it("looks again when Zenlayer refuses the delete because the NIC was attached meanwhile", async () => {
    h = await startNicHarness();
    const created = await h.provider.create(nicInputs());
    // The old pages answer this refusal with HTTP 404; it must not pass for "already deleted".
    h.sim.control.setErrorCodes("legacy");
    h.sim.control.failNext({
      action: "DeleteNetworkInterface",
      count: 1,
      httpStatus: 404,
      code: "INVALID_NIC_ATTACHED",
    });
    await h.provider.delete?.(created.id, created.outs!);
    expect(answeredWith(h.sim, "DeleteNetworkInterface", "INVALID_NIC_ATTACHED")).toBe(1);
    expect(succeeded(h.sim, "DeleteNetworkInterface")).toBe(1);
    expect(h.sim.control.getNic(created.id)).toBeUndefined();
  });

  it("keeps the NIC in the stack when DELETING outlasts the timeout, naming the status", async () => {
    h = await startNicHarness();
    const created = await h.provider.create(nicInputs({ timeouts: { delete: "300ms" } }));
    h.sim.control.stallTransitions({ nicId: created.id, forMs: "forever" });
    const error = await failureOf(h.provider.delete!(created.id, created.outs!));
    expect(error.message).toContain(
      `deleting NIC ${created.id} did not finish within its 300ms timeout (last status DELETING)`,
    );
    expect(error.message).toContain("The NIC stays in the stack");
    expect(succeeded(h.sim, "DeleteNetworkInterface")).toBe(1);
    h.sim.control.releaseStalls();
    await h.provider.delete?.(created.id, created.outs!);
    expect(h.sim.control.getNic(created.id)).toBeUndefined();
    expect(succeeded(h.sim, "DeleteNetworkInterface")).toBe(1);
  });
});

describe("NetworkInterface create against a Zenlayer that ignores the tag filter", () => {
  it("does not take a NIC of the same name without this resource's creation tag", async () => {
    const server = await startScriptedServer({
      credentials: { [FAST_CLIENT.accessKeyId]: FAST_CLIENT.accessKeyPassword },
    });
    const provider = createNetworkInterfaceProvider({
      clientSettings: { ...FAST_CLIENT, domain: server.domain },
      env: {},
      polling: { intervalMs: 20 },
      readConsistencyMs: 50,
      log: () => undefined,
    });
    const nic = (nicId: string, status: string) => ({
      nicId,
      name: "eth1",
      status,
      nicType: "Secondary",
      regionId: "asia-east-1",
      subnetId: SUBNET,
      tags: { tags: [] },
    });
    server.enqueue(
      { kind: "success", response: { totalCount: 1, dataSet: [nic("1000000000000000001", "AVAILABLE")] } },
      { kind: "success", response: { nicId: "1000000000000000002" } },
      { kind: "success", response: { totalCount: 1, dataSet: [nic("1000000000000000002", "AVAILABLE")] } },
      { kind: "success", response: { totalCount: 1, dataSet: [nic("1000000000000000001", "AVAILABLE")] } },
    );
    try {
      const created = await provider.create(nicInputs());
      expect(created.id).toBe("1000000000000000002");
      // The last search is for duplicates: the untagged NIC is not taken for one, so not deleted.
      expect(server.requests.map((request) => request.action)).toEqual([
        "DescribeNetworkInterfaces",
        "CreateNetworkInterface",
        "DescribeNetworkInterfaces",
        "DescribeNetworkInterfaces",
      ]);
    } finally {
      await server.close();
    }
  });
});
