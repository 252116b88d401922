import type { Simulator } from "../../../simulator";
import { describeNic, startTestSimulator, stopAll } from "./helpers";
import { failure, ok, rawCall } from "./rawClient";

const SUBNET = "3000000000000000001";
const GROUP = "5000000000000000001";
const OTHER_GROUP = "5000000000000000002";
const TEAM = "6000000000000000001";

let sim: Simulator;

beforeEach(async () => {
  sim = await startTestSimulator({
    seed: {
      resourceGroups: [{ resourceGroupId: TEAM, resourceGroupName: "team-a" }],
      securityGroups: [{ securityGroupId: GROUP }, { securityGroupId: OTHER_GROUP }],
      subnets: [{ subnetId: SUBNET }],
    },
  });
});
afterEach(stopAll);

async function create(params: Record<string, unknown>): Promise<string> {
  const nicId = (await ok(sim, "CreateNetworkInterface", { name: "eth1", subnetId: SUBNET, ...params }))[
    "nicId"
  ];
  await sim.control.whenIdle();
  return nicId as string;
}

describe("CreateNetworkInterface", () => {
  it("keeps the tags, security group and resource group it is given, and returns them", async () => {
    const tags = {
      tags: [
        { key: "env", value: "prod" },
        { key: "team", value: "t".repeat(64) },
        { key: "\u{1f680}".repeat(64), value: "\u00e9t\u00e9" },
      ],
    };
    const nicId = await create({ tags, securityGroupId: GROUP, resourceGroupId: TEAM });
    expect(await describeNic(sim, nicId)).toMatchObject({
      tags,
      securityGroupId: GROUP,
      resourceGroup: { resourceGroupId: TEAM, resourceGroupName: "team-a" },
    });
  });

  it("defaults to the VPC's security group, the default resource group and no tags", async () => {
    const nic = await describeNic(sim, await create({}));
    expect(nic?.tags).toEqual({ tags: [] });
    expect(nic?.resourceGroup.resourceGroupName).toBe("Default Resource Group");
    expect(nic?.securityGroupId).toMatch(/^\d{19}$/);
    expect(nic?.securityGroupId).not.toBe(GROUP);
  });

  it("allocates the primary addresses from the subnet for the stack asked for", async () => {
    const dual = await describeNic(sim, await create({ nicStackType: "IPv4_IPv6" }));
    expect(dual).toMatchObject({ nicSubnetType: "IPv4_IPv6", primaryIpv4: expect.stringMatching(/^10\./) });
    expect(dual?.primaryIpv6).toMatch(/^2001:db8:/);
    const v6 = await describeNic(
      sim,
      await create({ nicStackType: "IPv6", internetChargeType: "ByBandwidth" }),
    );
    expect(v6).toMatchObject({ nicSubnetType: "IPv6", primaryIpv4: null });
    expect(v6?.primaryIpv6).not.toBe(dual?.primaryIpv6);
  });

  it("answers the documented not-found codes for the resource and security groups", async () => {
    const params = { name: "eth1", subnetId: SUBNET };
    expect(await failure(sim, "CreateNetworkInterface", { ...params, resourceGroupId: "404" })).toEqual({
      status: 404,
      code: "OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND",
    });
    expect(await failure(sim, "CreateNetworkInterface", { ...params, securityGroupId: "404" })).toEqual({
      status: 404,
      code: "INVALID_SECURITY_GROUP_NOT_FOUND",
    });
    expect(sim.control.snapshot().nics).toHaveLength(0);
  });

  it("answers OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT for a charge type on an IPv4-only NIC", async () => {
    const params = { name: "eth1", subnetId: SUBNET, internetChargeType: "ByTrafficPackage" };
    expect(await failure(sim, "CreateNetworkInterface", params)).toEqual({
      status: 403,
      code: "OPERATION_DENIED_INTERNET_CHARGE_TYPE_NOT_SUPPORT",
    });
  });

  it.each([
    [{ internetChargeType: "Free" }, "INVALID_PARAMETER_VALUE"],
    [{ nicStackType: "IPv6", internetChargeType: "BandwidthCluster" }, "MISSING_PARAMETER"],
    [{ bandwidth: 0 }, "INVALID_PARAMETER_LESS_MINIMUM"],
    [{ packageSize: -0.1 }, "INVALID_PARAMETER_LESS_MINIMUM"],
    [{ eipBindType: "Nat" }, "INVALID_PARAMETER_VALUE"],
    [{ nicStackType: "IPv5" }, "INVALID_PARAMETER_VALUE"],
    [{ tags: [{ key: "env", value: "prod" }] }, "INVALID_PARAMETER_TYPE"],
    [{ tags: { tags: [{ value: "prod" }] } }, "MISSING_PARAMETER"],
    [{ tags: { tags: [{ key: "env", value: 1 }] } }, "INVALID_PARAMETER_TYPE"],
    [
      {
        tags: {
          tags: [
            { key: "env", value: "a" },
            { key: "env", value: "b" },
          ],
        },
      },
      "INVALID_PARAMETER_VALUE",
    ],
    [
      { tags: { tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" })) } },
      "INVALID_PARAMETER_EXCEED_LENGTH",
    ],
    [{ tags: { tags: [{ key: "", value: "prod" }] } }, "INVALID_PARAMETER_LESS_LENGTH"],
    [{ tags: { tags: [{ key: "env", value: "" }] } }, "INVALID_PARAMETER_LESS_LENGTH"],
    [{ tags: { tags: [{ key: "k".repeat(65), value: "prod" }] } }, "INVALID_PARAMETER_EXCEED_LENGTH"],
    [{ tags: { tags: [{ key: "env", value: "v".repeat(65) }] } }, "INVALID_PARAMETER_EXCEED_LENGTH"],
    [{ tags: { tags: [{ key: "env", value: "\u{1f680}".repeat(65) }] } }, "INVALID_PARAMETER_EXCEED_LENGTH"],
    [{ tags: { tags: [{ key: "env", value: "v".repeat(1000) }] } }, "INVALID_PARAMETER_EXCEED_LENGTH"],
  ])("validates %j with %s", async (params, code) => {
    const answer = await failure(sim, "CreateNetworkInterface", {
      name: "eth1",
      subnetId: SUBNET,
      ...params,
    });
    expect(answer).toEqual({ status: 400, code });
  });

  it("takes the stack as stackType in version 2024-04-01 and ignores primaryIpv4, which the API does not have", async () => {
    const params = { name: "eth1", subnetId: SUBNET, stackType: "IPv4_IPv6", primaryIpv4: "10.99.0.9" };
    const response = await rawCall(sim, "CreateNetworkInterface", params, { version: "2024-04-01" });
    expect(response.status).toBe(200);
    await sim.control.whenIdle();
    const [nic] = sim.control.snapshot().nics;
    expect(nic).toMatchObject({ nicSubnetType: "IPv4_IPv6" });
    expect(nic?.primaryIpv4).not.toBe("10.99.0.9");
  });
});

describe("ModifyNetworkInterfaceAttribute", () => {
  it("renames a NIC and replaces its security group at once", async () => {
    const nicId = await create({ securityGroupId: GROUP });
    const before = sim.control.getNic(nicId);
    await ok(sim, "ModifyNetworkInterfaceAttribute", { nicId, name: "renamed.eth-1" });
    expect(await describeNic(sim, nicId)).toMatchObject({ name: "renamed.eth-1", securityGroupId: GROUP });
    await ok(sim, "ModifyNetworkInterfaceAttribute", { nicId, securityGroupId: OTHER_GROUP });
    expect(await describeNic(sim, nicId)).toMatchObject({
      name: "renamed.eth-1",
      securityGroupId: OTHER_GROUP,
    });
    expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", createTime: before?.createTime });
  });

  it("accepts the security group the NIC already has, as documented", async () => {
    const nicId = await create({ securityGroupId: GROUP });
    await ok(sim, "ModifyNetworkInterfaceAttribute", { nicId, securityGroupId: GROUP });
    expect(sim.control.getNic(nicId)?.securityGroupId).toBe(GROUP);
  });

  it("changes an attached NIC too", async () => {
    const instance = sim.control.addInstance({ subnetId: SUBNET });
    const primary = instance.nics[0]!.nicId;
    await ok(sim, "ModifyNetworkInterfaceAttribute", { nicId: primary, name: "primary-renamed" });
    expect(sim.control.getNic(primary)).toMatchObject({ name: "primary-renamed", status: "USED" });
  });

  it("answers the documented errors: NIC not found, security group not found, NIC status", async () => {
    const nicId = await create({});
    expect(await failure(sim, "ModifyNetworkInterfaceAttribute", { nicId: "404", name: "x1" })).toEqual({
      status: 404,
      code: "INVALID_NIC_NOT_FOUND",
    });
    expect(await failure(sim, "ModifyNetworkInterfaceAttribute", { nicId, securityGroupId: "404" })).toEqual({
      status: 404,
      code: "INVALID_SECURITY_GROUP_NOT_FOUND",
    });
    sim.control.stallTransitions({ nicId, forMs: "forever" });
    await ok(sim, "DeleteNetworkInterface", { nicId });
    expect(await failure(sim, "ModifyNetworkInterfaceAttribute", { nicId, name: "late" })).toEqual({
      status: 400,
      code: "INVALID_NIC_STATUS",
    });
    sim.control.releaseStalls();
    await sim.control.whenIdle();
  });

  it("answers OPERATION_FAILED_RESOURCE_NOT_FOUND for an unknown NIC with the legacy codes", async () => {
    sim.control.setErrorCodes("legacy");
    expect(await failure(sim, "ModifyNetworkInterfaceAttribute", { nicId: "404", name: "x1" })).toEqual({
      status: 404,
      code: "OPERATION_FAILED_RESOURCE_NOT_FOUND",
    });
  });

  it.each([
    [{}, "MISSING_PARAMETER"],
    [{ nicId: "1" }, "MISSING_PARAMETER"],
    [{ nicId: "1", name: "a" }, "INVALID_PARAMETER_LESS_LENGTH"],
    [{ nicId: "1", name: "bad name" }, "INVALID_PARAMETER_PATTERN_ERROR"],
    [{ nicId: "1", securityGroupId: 7 }, "INVALID_PARAMETER_TYPE"],
  ])("validates %j with %s", async (params, code) => {
    expect(await failure(sim, "ModifyNetworkInterfaceAttribute", params)).toEqual({ status: 400, code });
  });

  it("is a write like any other: Describe may show the old name for the stale-read window", async () => {
    const nicId = await create({});
    sim.control.setFaults({ staleReadMs: 60_000 });
    await ok(sim, "ModifyNetworkInterfaceAttribute", { nicId, name: "fresh" });
    expect((await describeNic(sim, nicId))?.name).toBe("eth1");
    expect(sim.control.getNic(nicId)?.name).toBe("fresh");
  });
});
