import { getInstance, getNetworkInterface, getNetworkInterfaces } from "../../../provider/zec/index";
import { failureOf, FAST_CLIENT } from "./support/harness";
import { nicInputs, REGION, startNicHarness, SUBNET } from "./support/nicHarness";
import type { NicHarness } from "./support/nicHarness";

let h: NicHarness;
let settings: { clientSettings: typeof FAST_CLIENT & { domain: string } };

beforeEach(async () => {
  h = await startNicHarness();
  settings = { clientSettings: { ...FAST_CLIENT, domain: h.sim.domain } };
});
afterEach(async () => {
  await h.sim.stop();
});

describe("lookups", () => {
  it("finds a NIC by id, NICs by filter and an instance with its NICs", async () => {
    const created = await h.provider.create(nicInputs({ name: "lookup-nic" }));
    const nic = await getNetworkInterface({ nicId: created.id }, settings);
    expect(nic).toMatchObject({
      nicId: created.id,
      name: "lookup-nic",
      status: "AVAILABLE",
      regionId: REGION,
    });

    const inSubnet = await getNetworkInterfaces({ subnetId: SUBNET }, settings);
    expect(inSubnet.map((found) => found.nicId)).toEqual([created.id]);
    expect(await getNetworkInterfaces({ nicIds: ["1"] }, settings)).toEqual([]);

    const instance = await getInstance({ instanceId: h.instanceId }, settings);
    expect(instance.instanceId).toBe(h.instanceId);
    expect(instance.status).toBe("RUNNING");
  });

  it("names the missing id and the request id when Zenlayer does not list it", async () => {
    const nicError = await failureOf(getNetworkInterface({ nicId: "1234567890" }, settings));
    expect(nicError.message).toMatch(
      /^getNetworkInterface: no NIC 1234567890 in this account \(request id \S+\)$/,
    );
    const instanceError = await failureOf(getInstance({ instanceId: "1234567890" }, settings));
    expect(instanceError.message).toMatch(
      /^getInstance: no instance 1234567890 in this account \(request id \S+\)$/,
    );
  });

  it("refuses an id Zenlayer could not have issued before sending anything", async () => {
    const before = h.sim.control.requestLog().length;
    const error = await failureOf(getNetworkInterface({ nicId: "nic-\u001b[31mred" }, settings));
    expect(error.message).toContain("getNetworkInterface: nicId must be a Zenlayer id of 1 to");
    expect(error.message).not.toContain("\u001b");
    expect(h.sim.control.requestLog().length).toBe(before);
  });

  it.each([
    ["an escape in a tag key", { tagKeys: ["\u001b[31menv"] }, "filter tagKeys[0] must not hold control"],
    ["a NUL in a tag value", { tags: [{ key: "env", value: "a\u0000" }] }, "filter tags[0].value must not"],
    [
      "21 tag keys",
      { tagKeys: Array.from({ length: 21 }, (_, i) => `k${i}`) },
      "filter tagKeys may hold at most 20",
    ],
    [
      "a 300 KB tag key",
      { tags: [{ key: "k".repeat(300 * 1024), value: "v" }] },
      "filter tags[0].key must be 1 to 64",
    ],
  ])("refuses a tag filter with %s before sending anything", async (_label, filters, message) => {
    const before = h.sim.control.requestLog().length;
    const error = await failureOf(getNetworkInterfaces(filters, settings));
    expect(error.message).toContain(`getNetworkInterfaces: ${message}`);
    expect(error.message).toContain("Nothing was sent to Zenlayer");
    expect(error.message).not.toContain("\u0000");
    expect(error.message).not.toContain("\u001b");
    expect(h.sim.control.requestLog().length).toBe(before);
  });

  it("sends tag filters that follow the rules, and Zenlayer matches them", async () => {
    const created = await h.provider.create(nicInputs({ tags: { 成本中心: "研发 一部" } }));
    const found = await getNetworkInterfaces({ tags: [{ key: "成本中心", value: "研发 一部" }] }, settings);
    expect(found.map((nic) => nic.nicId)).toEqual([created.id]);
  });
});
