/**
 * `check` read from a definition: rules applied in the definition's order, the engine's unknown
 * placeholder and optional properties left out let through, the default rules of booleans and
 * enums, the provider settings' rules, and the lookups' argument checks, which run before any
 * client is built. The resources' own messages are in inputs.test.ts and networkInterfaceInputs.test.ts.
 */
import { UNKNOWN_VALUE } from "../../../../provider/core/inputValues";
import { ATTACHMENT_RESOURCE } from "../../../../provider/core/schema/attachmentSchema";
import { checkInputs, inputFailures } from "../../../../provider/core/schema/checkInputs";
import {
  BOOLEAN,
  enumType,
  optional,
  replacingInputs,
  required,
  STRING,
} from "../../../../provider/core/schema/definition";
import { NETWORK_INTERFACE_RESOURCE } from "../../../../provider/core/schema/networkInterfaceSchema";
import { PROVIDER_CONFIG } from "../../../../provider/core/schema/providerConfigSchema";
import { getInstance, getNetworkInterfaces } from "../../../../provider/dynamic/lookups";

const COLOUR = enumType("test:index:Colour", "A colour.", [
  { value: "red", description: "Red." },
  { value: "blue", description: "Blue." },
]);

const EXAMPLE = {
  first: required(STRING, "Checked first.", {
    rule: (value, property) => (value === "ok" ? undefined : { property, reason: `${property} is not ok` }),
  }),
  colour: optional(COLOUR, "An enum."),
  flag: optional(BOOLEAN, "A boolean."),
  many: optional(STRING, "Two failures at once.", {
    rule: (_value, property) => [
      { property: `${property}.a`, reason: "a" },
      { property: `${property}.b`, reason: "b" },
    ],
  }),
  free: optional(STRING, "No rule."),
};

describe("checkInputs", () => {
  it("reports every failure in the definition's order, however many one rule finds", () => {
    const result = checkInputs(EXAMPLE, { many: "x", flag: "yes", colour: "green", first: "no" });
    expect(result.failures?.map((failure) => failure.property)).toEqual([
      "first",
      "colour",
      "flag",
      "many.a",
      "many.b",
    ]);
  });

  it("gives booleans and enums their rule, in the words check has always used", () => {
    expect(inputFailures(EXAMPLE, { first: "ok", colour: "green", flag: "yes" })).toEqual([
      { property: "colour", reason: 'colour must be one of red, blue; got "green"' },
      { property: "flag", reason: 'flag must be true or false; got "yes"' },
    ]);
  });

  it("returns the inputs unchanged when they pass, keeping properties the definition does not name", () => {
    const news = { first: "ok", colour: "blue", flag: false, free: 42, older: "from state" };
    const result = checkInputs(EXAMPLE, news);
    expect(result).toEqual({ inputs: news });
    expect(result.inputs).toBe(news);
  });

  it("lets optional properties left out through, and judges a required one left out", () => {
    expect(inputFailures(EXAMPLE, { first: "ok", colour: null, flag: undefined })).toEqual([]);
    expect(inputFailures(EXAMPLE, {})).toEqual([{ property: "first", reason: "first is not ok" }]);
  });

  it("lets the engine's unknown placeholder through, unless told the values are all known", () => {
    const news = { first: UNKNOWN_VALUE, colour: UNKNOWN_VALUE, flag: UNKNOWN_VALUE };
    expect(inputFailures(EXAMPLE, news)).toEqual([]);
    expect(inputFailures(EXAMPLE, news, false).map((failure) => failure.property)).toEqual([
      "first",
      "colour",
      "flag",
    ]);
  });
});

describe("the resources' definitions", () => {
  it("mark the inputs whose change replaces the resource, in their order", () => {
    expect(replacingInputs(ATTACHMENT_RESOURCE)).toEqual(["nicId", "instanceId"]);
    expect(replacingInputs(NETWORK_INTERFACE_RESOURCE)).toEqual([
      "subnetId",
      "resourceGroupId",
      "nicStackType",
      "tags",
    ]);
  });

  it("check the NIC's creation key nowhere: the front end sets it", () => {
    const news = { name: "eth1", subnetId: "3000000000000000001", creationKey: 7 };
    expect(checkInputs(NETWORK_INTERFACE_RESOURCE.inputs, news)).toEqual({ inputs: news });
  });
});

describe("the provider settings' rules", () => {
  const check = (news: Record<string, unknown>) => inputFailures(PROVIDER_CONFIG.properties, news);

  it("accept what the client configuration accepts, as numbers or as stack config text", () => {
    expect(
      check({
        domain: "127.0.0.1:8080",
        scheme: "http",
        maxRequestsPerSecond: "2.5",
        readConsistencyMs: "0",
      }),
    ).toEqual([]);
    expect(
      check({ maxRequestsPerSecond: 20, readConsistencyMs: 86_400_000, accessKeyPassword: "pw" }),
    ).toEqual([]);
    const blankOrPadded = {
      scheme: " https ",
      domain: "  ",
      maxRequestsPerSecond: "",
      readConsistencyMs: " ",
    };
    expect(check(blankOrPadded)).toEqual([]);
  });

  it("refuse what a run would refuse, naming the setting and showing the value escaped", () => {
    expect(check({ scheme: "ftp\u001b[2J", domain: "https://x.test/", maxRequestsPerSecond: "0" })).toEqual([
      {
        property: "domain",
        reason:
          'domain must be a host name with an optional port, without scheme or path; got "https://x.test/"',
      },
      { property: "scheme", reason: 'scheme must be HTTP or HTTPS; got "ftp\\u001b[2J"' },
      { property: "maxRequestsPerSecond", reason: 'maxRequestsPerSecond must be a positive number; got "0"' },
    ]);
    expect(check({ scheme: ["HTTP"] })).toEqual([
      { property: "scheme", reason: "scheme must be HTTP or HTTPS; got an array of 1 item" },
    ]);
  });

  it.each([-1, "1.5", 86_400_001, "soon", true])("refuse a read-consistency window of %p", (value) => {
    expect(check({ readConsistencyMs: value })).toEqual([
      {
        property: "readConsistencyMs",
        reason: expect.stringMatching(
          /^readConsistencyMs must be a whole number of milliseconds from 0 to 86400000; got /,
        ),
      },
    ]);
  });
});

describe("the lookups' argument checks", () => {
  it("refuse a status filter that is none of Zenlayer's, naming the lookup, before any client is built", async () => {
    await expect(getNetworkInterfaces({ status: "BROKEN" as never })).rejects.toThrow(
      /^getNetworkInterfaces: status must be one of PENDING, AVAILABLE, .*; got "BROKEN"\. Nothing was sent to Zenlayer/,
    );
  });

  it("take the unknown placeholder for what it is: text that is no id", async () => {
    await expect(getInstance({ instanceId: UNKNOWN_VALUE })).rejects.toThrow(
      /^getInstance: instanceId must be a Zenlayer id of 1 to 32 ASCII digits/,
    );
  });
});
