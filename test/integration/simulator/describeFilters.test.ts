import type { Simulator, WireInstance, WireNic } from "../../../simulator";
import { startTestSimulator, stopAll } from "./helpers";
import { failure, ok } from "./rawClient";

/**
 * Every documented filter of DescribeNetworkInterfaces and DescribeInstances, each with a value
 * that matches and one that matches nothing: a filter that is ignored would return everything.
 */

const TEAM = "6000000000000000001";
const GROUP = "5000000000000000001";
const SUBNET = "3000000000000000001";
const VPC = "4000000000000000001";
const WEB = "1000000000000000001";
const DB = "1000000000000000002";
const WEB_PRIMARY = "2000000000000000001";
const DB_PRIMARY = "2000000000000000002";
const DATA = "2000000000000000003";
const SPARE = "2000000000000000004";

let sim: Simulator;

beforeAll(async () => {
  sim = await startTestSimulator({
    seed: {
      resourceGroups: [{ resourceGroupId: TEAM, resourceGroupName: "team-a" }],
      securityGroups: [{ securityGroupId: GROUP }],
      subnets: [{ subnetId: SUBNET, vpcId: VPC }],
      instances: [
        {
          instanceId: WEB,
          instanceName: "web-1",
          zoneId: "asia-east-1a",
          primaryNicId: WEB_PRIMARY,
          imageId: "img-ubuntu-24",
          imageName: "Ubuntu 24.04",
          publicIpAddresses: ["203.0.113.10"],
          tags: [
            { key: "env", value: "prod" },
            { key: "role", value: "web" },
          ],
          dataDisks: [{ diskId: "7000000000000000001", diskName: "logs", diskSize: 100 }],
        },
        {
          instanceId: DB,
          instanceName: "db-1",
          zoneId: "asia-east-1b",
          primaryNicId: DB_PRIMARY,
          subnetId: SUBNET,
          status: "STOPPED",
          resourceGroupId: TEAM,
          tags: [{ key: "env", value: "dev" }],
        },
      ],
      nics: [
        {
          nicId: DATA,
          name: "web-data",
          instanceId: WEB,
          subnetId: SUBNET,
          nicSubnetType: "IPv4_IPv6",
          securityGroupId: GROUP,
          tags: [{ key: "env", value: "prod" }],
        },
        {
          nicId: SPARE,
          name: "spare",
          subnetId: SUBNET,
          resourceGroupId: TEAM,
          tags: [{ key: "owner", value: "ops" }],
        },
      ],
    },
  });
});
afterAll(stopAll);

async function nicIds(params: Record<string, unknown>): Promise<string[]> {
  return ((await ok(sim, "DescribeNetworkInterfaces", params))["dataSet"] as WireNic[]).map(
    (nic) => nic.nicId,
  );
}

async function instances(params: Record<string, unknown>): Promise<WireInstance[]> {
  return (await ok(sim, "DescribeInstances", params))["dataSet"] as WireInstance[];
}

async function instanceIds(params: Record<string, unknown>): Promise<string[]> {
  return (await instances(params)).map((instance) => instance.instanceId);
}

describe("DescribeNetworkInterfaces filters", () => {
  it.each([
    ["nicIds", { nicIds: [SPARE, DATA] }, [DATA, SPARE], { nicIds: ["9999"] }],
    ["name", { name: "WEB" }, [WEB_PRIMARY, DATA], { name: "nothing" }],
    ["regionId", { regionId: "asia-east-1" }, [WEB_PRIMARY, DB_PRIMARY, DATA, SPARE], { regionId: "eu-1" }],
    ["vpcId", { vpcId: VPC }, [DB_PRIMARY, DATA, SPARE], { vpcId: "9999" }],
    ["subnetId", { subnetId: SUBNET }, [DB_PRIMARY, DATA, SPARE], { subnetId: "9999" }],
    ["instanceId", { instanceId: WEB }, [WEB_PRIMARY, DATA], { instanceId: "9999" }],
    ["status", { status: "AVAILABLE" }, [SPARE], { status: "DELETING" }],
    ["nicType", { nicType: "Primary" }, [WEB_PRIMARY, DB_PRIMARY], { nicType: "Primary", nicIds: [SPARE] }],
    ["resourceGroupId", { resourceGroupId: TEAM }, [SPARE], { resourceGroupId: "9999" }],
    ["securityGroupId", { securityGroupId: GROUP }, [DATA], { securityGroupId: "9999" }],
    ["nicSubnetType", { nicSubnetType: "IPv4_IPv6" }, [DATA], { nicSubnetType: "IPv6" }],
    ["tagKeys", { tagKeys: ["env"] }, [DATA], { tagKeys: ["env", "owner"] }],
    ["tags", { tags: [{ key: "owner", value: "ops" }] }, [SPARE], { tags: [{ key: "owner", value: "dev" }] }],
  ])("filters by %s, and a value nothing has matches nothing", async (_label, matching, expected, none) => {
    expect(await nicIds(matching)).toEqual(expected);
    expect(await nicIds(none)).toEqual([]);
  });

  it("combines tagKeys and tags with the other filters (AND)", async () => {
    expect(
      await nicIds({ tagKeys: ["env"], tags: [{ key: "env", value: "prod" }], instanceId: WEB }),
    ).toEqual([DATA]);
    expect(await nicIds({ tags: [{ key: "env", value: "prod" }], status: "AVAILABLE" })).toEqual([]);
  });

  it("has no address filter: ipv4Address is not in the documented request and is ignored", async () => {
    expect(await nicIds({ ipv4Address: "192.0.2.1" })).toHaveLength(4);
  });

  it.each([
    [{ tagKeys: Array.from({ length: 21 }, (_, i) => `k${i}`) }, "INVALID_PARAMETER_EXCEED_LENGTH"],
    [
      { tags: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: "" })) },
      "INVALID_PARAMETER_EXCEED_LENGTH",
    ],
    [{ tags: { key: "env", value: "prod" } }, "INVALID_PARAMETER_TYPE"],
    [{ tags: [{ key: "env" }] }, "MISSING_PARAMETER"],
    [{ tags: [{ key: "env", value: "" }] }, "INVALID_PARAMETER_LESS_LENGTH"],
    [{ tags: [{ key: "env", value: "v".repeat(65) }] }, "INVALID_PARAMETER_EXCEED_LENGTH"],
    [{ tagKeys: [""] }, "INVALID_PARAMETER_LESS_LENGTH"],
    [{ tagKeys: ["k".repeat(65)] }, "INVALID_PARAMETER_EXCEED_LENGTH"],
    [{ tagKeys: "env" }, "INVALID_PARAMETER_TYPE"],
    [{ vpcId: 5 }, "INVALID_PARAMETER_TYPE"],
  ])("validates %j with %s", async (params, code) => {
    expect(await failure(sim, "DescribeNetworkInterfaces", params)).toEqual({ status: 400, code });
  });
});

describe("DescribeInstances filters", () => {
  it.each([
    ["instanceIds", { instanceIds: [DB] }, [DB], { instanceIds: ["9999"] }],
    ["zoneId", { zoneId: "asia-east-1b" }, [DB], { zoneId: "asia-east-1c" }],
    ["imageId", { imageId: "img-ubuntu-24" }, [WEB], { imageId: "img-none" }],
    ["status", { status: "STOPPED" }, [DB], { status: "BOOTING" }],
    ["name", { name: "DB" }, [DB], { name: "nothing" }],
    ["resourceGroupId", { resourceGroupId: TEAM }, [DB], { resourceGroupId: "9999" }],
    ["tagKeys", { tagKeys: ["role"] }, [WEB], { tagKeys: ["owner"] }],
    ["tags", { tags: [{ key: "env", value: "dev" }] }, [DB], { tags: [{ key: "env", value: "qa" }] }],
    ["ipv4Address (public)", { ipv4Address: "203.0.113.10" }, [WEB], { ipv4Address: "203.0.113.11" }],
  ])("filters by %s, and a value nothing has matches nothing", async (_label, matching, expected, none) => {
    expect(await instanceIds(matching)).toEqual(expected);
    expect(await instanceIds(none)).toEqual([]);
  });

  it("matches ipv4Address against the NICs' private addresses and ipv6Address against their IPv6", async () => {
    const privateIp = sim.control.getNic(DB_PRIMARY)!.primaryIpv4!;
    expect(await instanceIds({ ipv4Address: privateIp })).toEqual([DB]);
    const ipv6 = sim.control.getNic(DATA)!.primaryIpv6!;
    expect(await instanceIds({ ipv6Address: ipv6 })).toEqual([WEB]);
    expect(await instanceIds({ ipv6Address: "2001:db8::dead" })).toEqual([]);
  });

  it("lists instances without addresses when no address filter is given", async () => {
    sim.control.addInstance({ instanceId: "1000000000000000009", primaryNic: false });
    expect(await instanceIds({})).toEqual([WEB, DB, "1000000000000000009"]);
  });

  it("renders images, public addresses, data disks, tags and the resource group", async () => {
    const [web] = await instances({ instanceIds: [WEB] });
    expect(web).toMatchObject({
      imageId: "img-ubuntu-24",
      imageName: "Ubuntu 24.04",
      publicIpAddresses: ["203.0.113.10"],
      tags: {
        tags: [
          { key: "env", value: "prod" },
          { key: "role", value: "web" },
        ],
      },
      resourceGroupName: "Default Resource Group",
      instanceOptions: { nestedVirtualization: false },
    });
    expect(web?.dataDisks).toEqual([
      {
        diskId: "7000000000000000001",
        diskName: "logs",
        diskSize: 100,
        diskCategory: "Basic NVMe SSD",
        portable: true,
        burstingEnabled: false,
      },
    ]);
    expect(Object.keys(web!.systemDisk!).sort()).toEqual([
      "burstingEnabled",
      "diskCategory",
      "diskId",
      "diskSize",
    ]);
    const [db] = await instances({ instanceIds: [DB] });
    expect(db).toMatchObject({
      resourceGroupId: TEAM,
      resourceGroupName: "team-a",
      imageId: null,
      dataDisks: [],
    });
  });
});
