import type { WireInstance, WireNic, Simulator } from "../../../simulator";
import { startTestSimulator, stopAll } from "./helpers";
import { failure, ok } from "./rawClient";

let sim: Simulator;

beforeAll(async () => {
  sim = await startTestSimulator({
    seed: {
      subnets: [{ subnetId: "3000000000000000001", regionId: "asia-east-1", vpcId: "4000000000000000001" }],
      instances: [
        {
          instanceId: "1000000000000000001",
          instanceName: "web-a",
          zoneId: "asia-east-1a",
          primaryNicId: "2000000000000000001",
        },
        {
          instanceId: "1000000000000000002",
          instanceName: "web-b",
          zoneId: "asia-east-1b",
          status: "STOPPED",
          primaryNic: false,
        },
        {
          instanceId: "1000000000000000003",
          instanceName: "db",
          regionId: "europe-west-1",
          primaryNicId: "2000000000000000005",
        },
      ],
      nics: [
        {
          nicId: "2000000000000000002",
          name: "data-eth1",
          instanceId: "1000000000000000001",
          subnetId: "3000000000000000001",
        },
        { nicId: "2000000000000000003", name: "Data-Spare", subnetId: "3000000000000000001" },
        { nicId: "2000000000000000004", name: "eu-spare", regionId: "europe-west-1" },
      ],
    },
  });
});
afterAll(stopAll);

async function nicIds(params: Record<string, unknown>): Promise<string[]> {
  const response = await ok(sim, "DescribeNetworkInterfaces", params);
  return (response["dataSet"] as WireNic[]).map((nic) => nic.nicId);
}

describe("DescribeNetworkInterfaces filters", () => {
  it.each([
    [
      "nicIds",
      { nicIds: ["2000000000000000003", "2000000000000000004"] },
      ["2000000000000000003", "2000000000000000004"],
    ],
    ["name (case-insensitive substring)", { name: "data" }, ["2000000000000000002", "2000000000000000003"]],
    ["regionId", { regionId: "europe-west-1" }, ["2000000000000000005", "2000000000000000004"]],
    ["vpcId", { vpcId: "4000000000000000001" }, ["2000000000000000002", "2000000000000000003"]],
    ["subnetId", { subnetId: "3000000000000000001" }, ["2000000000000000002", "2000000000000000003"]],
    ["instanceId", { instanceId: "1000000000000000001" }, ["2000000000000000001", "2000000000000000002"]],
    ["status", { status: "AVAILABLE" }, ["2000000000000000003", "2000000000000000004"]],
    ["nicType", { nicType: "Primary", regionId: "asia-east-1" }, ["2000000000000000001"]],
    ["unknown ids (empty, no error)", { nicIds: ["9999999999999999999"] }, []],
  ])("filters by %s", async (_label, params, expected) => {
    expect(await nicIds(params)).toEqual(expected);
  });

  it("pages 1-based with totalCount over all matches", async () => {
    const all = await nicIds({ pageSize: 1000 });
    const first = await ok(sim, "DescribeNetworkInterfaces", { pageSize: 2 });
    const second = await ok(sim, "DescribeNetworkInterfaces", { pageSize: 2, pageNum: 2 });
    const beyond = await ok(sim, "DescribeNetworkInterfaces", { pageSize: 2, pageNum: 99 });
    expect(first["totalCount"]).toBe(all.length);
    expect(beyond).toMatchObject({ totalCount: all.length, dataSet: [] });
    const paged = [...(first["dataSet"] as WireNic[]), ...(second["dataSet"] as WireNic[])].map(
      (nic) => nic.nicId,
    );
    expect(paged).toEqual(all.slice(0, 4));
  });

  it("defaults pageSize to 20", async () => {
    for (let i = 0; i < 20; i++) sim.control.addNic({ name: `bulk-${i}` });
    const response = await ok(sim, "DescribeNetworkInterfaces", {});
    expect((response["dataSet"] as unknown[]).length).toBe(20);
    expect(response["totalCount"]).toBeGreaterThan(20);
  });

  it("returns every documented WireNic field, null where absent", async () => {
    const [nic] = (await ok(sim, "DescribeNetworkInterfaces", { nicIds: ["2000000000000000003"] }))[
      "dataSet"
    ] as WireNic[];
    expect(Object.keys(nic ?? {}).sort()).toEqual(
      [
        "createTime",
        "instanceId",
        "ipv6Cidr",
        "macAddress",
        "name",
        "nicId",
        "nicSubnetType",
        "nicType",
        "primaryIpv4",
        "primaryIpv6",
        "privateIpList",
        "publicIpList",
        "regionId",
        "resourceGroup",
        "secondaryIpv4s",
        "securityGroupId",
        "status",
        "subnetId",
        "tags",
        "updateTime",
        "vpcId",
      ].sort(),
    );
    expect(nic).toMatchObject({ instanceId: null, primaryIpv6: null, ipv6Cidr: null, nicSubnetType: "IPv4" });
  });
});

describe("DescribeInstances", () => {
  async function instances(params: Record<string, unknown>): Promise<WireInstance[]> {
    return (await ok(sim, "DescribeInstances", params))["dataSet"] as WireInstance[];
  }

  it("lists each instance's attached NICs, primary first", async () => {
    const [web] = await instances({ instanceIds: ["1000000000000000001"] });
    expect(web?.nics.map((nic) => nic.nicId)).toEqual(["2000000000000000001", "2000000000000000002"]);
    expect(web).toMatchObject({ instanceName: "web-a", status: "RUNNING", zoneId: "asia-east-1a" });
    const [bare] = await instances({ instanceIds: ["1000000000000000002"] });
    expect(bare?.nics).toEqual([]);
    expect(bare?.subnetId).toBeNull();
  });

  it("filters by status and name and pages", async () => {
    expect((await instances({ status: "STOPPED" })).map((i) => i.instanceId)).toEqual([
      "1000000000000000002",
    ]);
    expect((await instances({ name: "WEB" })).length).toBe(2);
    const page = await ok(sim, "DescribeInstances", { pageSize: 1, pageNum: 3 });
    expect(page["totalCount"]).toBe(3);
    expect((page["dataSet"] as WireInstance[]).map((i) => i.instanceId)).toEqual(["1000000000000000003"]);
  });

  it("derives the zone from a region (europe-west-1 → europe-west-1a)", async () => {
    expect((await instances({ instanceIds: ["1000000000000000003"] }))[0]?.zoneId).toBe("europe-west-1a");
  });
});

describe("StartInstances / StopInstances", () => {
  it("goes RUNNING → STOPPING → STOPPED and STOPPED → BOOTING → RUNNING", async () => {
    const id = "1000000000000000003";
    sim.control.stallTransitions({ instanceId: id, forMs: "forever" });
    await ok(sim, "StopInstances", { instanceIds: [id] });
    expect(sim.control.getInstance(id)?.status).toBe("STOPPING");
    sim.control.releaseStalls();
    await sim.control.whenIdle();
    expect(sim.control.getInstance(id)?.status).toBe("STOPPED");
    sim.control.stallTransitions({ instanceId: id, forMs: "forever" });
    await ok(sim, "StartInstances", { instanceIds: [id] });
    expect(sim.control.getInstance(id)?.status).toBe("BOOTING");
    sim.control.releaseStalls();
    await sim.control.whenIdle();
    expect(sim.control.getInstance(id)?.status).toBe("RUNNING");
  });

  it("refuses a batch as a whole when one instance is in the wrong state or unknown", async () => {
    const denied = { status: 400, code: "OPERATION_DENIED_INSTANCE_STATUS_NOT_SUPPORT" };
    expect(
      await failure(sim, "StartInstances", { instanceIds: ["1000000000000000002", "1000000000000000001"] }),
    ).toEqual(denied);
    expect(sim.control.getInstance("1000000000000000002")?.status).toBe("STOPPED");
    expect(await failure(sim, "StopInstances", { instanceIds: ["1000000000000000002"] })).toEqual(denied);
    expect(await failure(sim, "StopInstances", { instanceIds: ["404"] })).toEqual({
      status: 404,
      code: "INVALID_INSTANCE_NOT_FOUND",
    });
  });
});
