/**
 * The NetworkInterface end to end against the simulator, over HTTP: create (with the creation tag
 * Zenlayer stores, and a search by it that finds an interrupted create's NIC), rename, refresh and
 * delete. Each step's decisions are in the unit tier's decision tables.
 */
import { CREATION_TAG_KEY, creationTag } from "../../../provider/core/networkInterface/inputs";
import { count } from "./support/harness";
import {
  GROUP,
  nicInputs,
  OTHER_GROUP,
  simulatorClient,
  startNicHarness,
  SUBNET,
  TEAM,
} from "./support/nicHarness";
import type { NicHarness } from "./support/nicHarness";

let h: NicHarness;
beforeEach(async () => {
  h = await startNicHarness();
});
afterEach(async () => {
  await h.sim.stop();
});

describe("NetworkInterface create, read, update and delete", () => {
  it("creates a NIC, waits for AVAILABLE, reports Zenlayer's fields, and deletes it until it is gone", async () => {
    const inputs = nicInputs({ securityGroupId: GROUP, resourceGroupId: TEAM, tags: { env: "prod" } });
    const created = await h.provider.create(inputs);
    expect(created.outs).toMatchObject({
      nicId: created.id,
      name: "eth1",
      status: "AVAILABLE",
      nicType: "Secondary",
      subnetId: SUBNET,
      securityGroupId: GROUP,
      resourceGroupId: TEAM,
      resourceGroupName: "team-a",
      tags: { env: "prod" },
      instanceId: "",
    });
    expect(created.outs?.primaryIpv4).toMatch(/^10\./);
    const cloud = h.sim.control.getNic(created.id);
    expect(cloud?.status).toBe("AVAILABLE");
    expect(cloud?.tags.tags).toContainEqual(creationTag(inputs));
    expect(count(h.sim, "CreateNetworkInterface")).toBe(1);

    await h.provider.delete?.(created.id, created.outs!);
    expect(h.sim.control.getNic(created.id)).toBeUndefined();
    expect(count(h.sim, "DeleteNetworkInterface")).toBe(1);
  });

  it("renames and regroups in place with one ModifyNetworkInterfaceAttribute", async () => {
    const created = await h.provider.create(nicInputs({ securityGroupId: GROUP }));
    const news = nicInputs({ name: "eth1-renamed", securityGroupId: OTHER_GROUP });
    const updated = await h.provider.update?.(created.id, created.outs!, news);
    expect(updated?.outs).toMatchObject({
      nicId: created.id,
      name: "eth1-renamed",
      securityGroupId: OTHER_GROUP,
    });
    expect(h.sim.control.getNic(created.id)).toMatchObject({
      name: "eth1-renamed",
      securityGroupId: OTHER_GROUP,
    });
    expect(count(h.sim, "ModifyNetworkInterfaceAttribute")).toBe(1);
    expect(count(h.sim, "CreateNetworkInterface")).toBe(1);
  });

  it("refresh reports a rename made elsewhere as drift, and drops a NIC deleted elsewhere", async () => {
    const created = await h.provider.create(nicInputs());
    const client = simulatorClient(h.sim);
    await client.modifyNetworkInterfaceAttribute({ nicId: created.id, name: "by-hand" });
    const read = await h.provider.read?.(created.id, created.outs!);
    expect(read?.props).toMatchObject({ nicId: created.id, name: "by-hand", status: "AVAILABLE" });
    expect(read?.inputs).toMatchObject({ name: "by-hand", creationKey: "project/stack/eth1" });
    expect(read?.inputs).not.toHaveProperty("tags." + CREATION_TAG_KEY);

    h.sim.control.outOfBand.deleteNic(created.id);
    await h.sim.control.whenIdle();
    expect(await h.provider.read?.(created.id, created.outs!)).toEqual({});
  });

  it("finds the NIC an interrupted create of this resource made, instead of making a second", async () => {
    const inputs = nicInputs({ tags: { env: "prod" } });
    const client = simulatorClient(h.sim);
    const tags = { tags: [{ key: "env", value: "prod" }, creationTag(inputs)] };
    const earlier = await client.createNetworkInterface({ name: "eth1", subnetId: SUBNET, tags });
    const created = await h.provider.create(inputs);
    expect(created.id).toBe(earlier.nicId);
    expect(created.outs?.status).toBe("AVAILABLE");
    expect(count(h.sim, "CreateNetworkInterface")).toBe(1);
  });
});
