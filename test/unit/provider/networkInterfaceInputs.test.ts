import {
  checkNetworkInterfaceInputs,
  creationKeyFromUrn,
  creationKeyOf,
  creationTag,
  CREATION_TAG_KEY,
  diffNetworkInterface,
  inputsFromNic,
} from "../../../provider/core/networkInterface/inputs";
import type { NetworkInterfaceInputs } from "../../../provider/core/networkInterface/inputs";
import { UNKNOWN_VALUE } from "../../../provider/core/inputValues";
import type { NicInfo } from "../../../sdk/index";

const SUBNET = "3000000000000000001";
const base: NetworkInterfaceInputs = { name: "eth1", subnetId: SUBNET, creationKey: "p/s/eth1" };

function failuresOf(news: Record<string, unknown>): string[] {
  return (checkNetworkInterfaceInputs(news).failures ?? []).map((f) => `${f.property}: ${f.reason}`);
}

describe("check", () => {
  it("accepts well-formed inputs unchanged", () => {
    const news = {
      ...base,
      securityGroupId: "5000000000000000001",
      nicStackType: "IPv4_IPv6",
      tags: { env: "prod" },
    };
    expect(checkNetworkInterfaceInputs(news)).toEqual({ inputs: news });
  });

  it.each([
    [{ name: "a" }, "name"],
    [{ name: "-eth1" }, "name"],
    [{ name: "x".repeat(64) }, "name"],
    [{ subnetId: "subnet-1" }, "subnetId"],
    [{ subnetId: undefined }, "subnetId"],
    [{ nicStackType: "IPv5" }, "nicStackType"],
    [{ securityGroupId: "sg 1" }, "securityGroupId"],
    [{ forceDetach: "yes" }, "forceDetach"],
    [{ tags: { [CREATION_TAG_KEY]: "x" } }, `tags.${CREATION_TAG_KEY}`],
    [{ tags: { env: 3 } }, "tags.env"],
    [{ tags: ["env"] }, "tags"],
    [{ timeouts: { create: "forever" } }, "timeouts.create"],
  ])("names the property at fault: %p", (override, property) => {
    const failures = failuresOf({ ...base, ...override });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(new RegExp(`^${property.replace(/[.]/g, "\\.")}: ${property.split(".")[0]}`));
  });

  it("lets values not known yet through (preview)", () => {
    const news = { ...base, name: UNKNOWN_VALUE, subnetId: UNKNOWN_VALUE, tags: UNKNOWN_VALUE };
    expect(failuresOf(news)).toEqual([]);
  });

  it("refuses more than 49 tags (the package adds the 50th); the tag rules are in tags.test.ts", () => {
    const tags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    expect(failuresOf({ ...base, tags })).toEqual([expect.stringMatching(/^tags: tags may hold at most 49/)]);
  });
});

describe("diff", () => {
  const olds = { ...base, nicId: "1", status: "AVAILABLE", tags: { env: "prod" } };

  it.each([
    [{ subnetId: "3000000000000000002" }, ["subnetId"]],
    [{ nicStackType: "IPv6" }, ["nicStackType"]],
    [{ resourceGroupId: "team" }, ["resourceGroupId"]],
    [{ tags: { env: "dev" } }, ["tags"]],
    [{ tags: UNKNOWN_VALUE }, ["tags"]],
    [{ subnetId: UNKNOWN_VALUE }, ["subnetId"]],
  ])("replaces for %p", (change, replaces) => {
    expect(diffNetworkInterface(olds, { ...base, tags: { env: "prod" }, ...change })).toEqual({
      changes: true,
      replaces,
    });
  });

  it("renames and regroups in place, and settles for the same tags in any order", () => {
    expect(diffNetworkInterface(olds, { ...base, name: "eth2", tags: { env: "prod" } })).toEqual({
      changes: true,
    });
    expect(diffNetworkInterface(olds, { ...base, securityGroupId: "sg" })).toEqual({ changes: true });
    const twoTags = { ...olds, tags: { a: "1", b: "2" } };
    expect(diffNetworkInterface(twoTags, { ...base, tags: { b: "2", a: "1" } })).toEqual({ changes: false });
  });

  it("leaves optional inputs that were left out to Zenlayer", () => {
    const held = { ...olds, securityGroupId: "5000000000000000001" };
    expect(diffNetworkInterface(held, { ...base })).toEqual({ changes: false });
  });

  it("updates for provider settings only, continues unfinished creates, replaces failed ones", () => {
    expect(diffNetworkInterface(olds, { ...base, tags: { env: "prod" }, forceDetach: true })).toEqual({
      changes: true,
    });
    expect(diffNetworkInterface({ ...olds, status: "PENDING" }, { ...base, tags: { env: "prod" } })).toEqual({
      changes: true,
    });
    expect(
      diffNetworkInterface({ ...olds, status: "CREATE_FAILED" }, { ...base, tags: { env: "prod" } }),
    ).toEqual({
      changes: true,
      replaces: ["status"],
    });
  });
});

describe("creationTag", () => {
  it("is stable for one resource and its inputs, and differs for another resource or a replacement", () => {
    const tag = creationTag(base);
    expect(tag.key).toBe(CREATION_TAG_KEY);
    expect(tag.value).toMatch(/^[0-9a-f]{32}$/);
    expect(creationTag({ ...base, name: "renamed", forceDetach: true })).toEqual(tag);
    expect(creationTag({ ...base, creationKey: "p/s/eth2" })).not.toEqual(tag);
    expect(creationTag({ ...base, subnetId: "3000000000000000002" })).not.toEqual(tag);
    expect(creationTag({ ...base, tags: { env: "dev" } })).not.toEqual(tag);
    expect(creationTag({ ...base, tags: { a: "1", b: "2" } })).toEqual(
      creationTag({ ...base, tags: { b: "2", a: "1" } }),
    );
  });
});

describe("creationKeyFromUrn", () => {
  // The README's move from the dynamic resources to the plugin relies on this: the plugin finds the
  // NIC its dynamic predecessor of the same name made, by the tag derived from this key.
  it.each([
    ["a top-level NIC", "urn:pulumi:dev::web::zenlayer:zec:NetworkInterface::app-nic"],
    ["a NIC in a component", "urn:pulumi:dev::web::my:app:Stack$zenlayer:zec:NetworkInterface::app-nic"],
    [
      "the dynamic resource's own URN",
      "urn:pulumi:dev::web::pulumi-nodejs:dynamic/zec:NetworkInterface::app-nic",
    ],
  ])("gives %s the key the dynamic resource class gives it", (_case, urn) => {
    expect(creationKeyFromUrn(urn)).toBe(creationKeyOf("web", "dev", "app-nic"));
  });

  it("gives nothing for what is not a resource's URN", () => {
    expect(creationKeyFromUrn("app-nic")).toBeUndefined();
  });
});

describe("inputsFromNic", () => {
  const nic: NicInfo = {
    nicId: "1",
    name: "renamed-elsewhere",
    status: "AVAILABLE",
    nicType: "Secondary",
    regionId: "asia-east-1",
    subnetId: SUBNET,
    securityGroupId: "5000000000000000009",
    tags: { tags: [{ key: "env", value: "prod" }, creationTag(base)] },
  } as NicInfo;

  it("reports what Zenlayer holds, without the creation tag, keeping the provider's settings", () => {
    const inputs = inputsFromNic({ ...base, forceDetach: true, timeouts: { delete: "1m" } }, nic);
    expect(inputs).toEqual({
      name: "renamed-elsewhere",
      subnetId: SUBNET,
      securityGroupId: "5000000000000000009",
      tags: { env: "prod" },
      forceDetach: true,
      timeouts: { delete: "1m" },
      creationKey: "p/s/eth1",
    });
  });
});
