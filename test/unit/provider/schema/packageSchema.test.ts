/**
 * The package schema built from the definitions: the sections Pulumi reads, the names SDKs are
 * published under, secrets and replacements marked, internal inputs left out, every type reference
 * resolved, and the environment fallbacks taken from the client configuration's key tables.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CLI_ENV_KEYS, TERRAFORM_ENV_KEYS } from "../../../../sdk/config/settingKeys";
import { packageSchema, SDK_PACKAGE_NAMES } from "../../../../provider/core/schema/packageSchema";
import type { PackageSchema } from "../../../../provider/core/schema/packageSchema";
import type { PropertySpec, TypeSpec } from "../../../../provider/core/schema/pulumiSpecs";

const schema = packageSchema("1.2.3");
const NIC = "zenlayer:zec:NetworkInterface";
const ATTACHMENT = "zenlayer:zec:NetworkInterfaceAttachment";

/** Every property spec in the schema, with where it is. */
function everyProperty(of: PackageSchema): [string, PropertySpec][] {
  const sets: [string, Readonly<Record<string, PropertySpec>>][] = [
    ["config", of.config.variables],
    ["provider", of.provider.inputProperties],
    ...Object.entries(of.resources).flatMap(([token, spec]): [string, Record<string, PropertySpec>][] => [
      [`${token} inputs`, spec.inputProperties],
      [`${token} state`, spec.properties],
    ]),
    ...Object.entries(of.functions).flatMap(([token, spec]): [string, Record<string, PropertySpec>][] => [
      [`${token} inputs`, spec.inputs.properties],
      [`${token} outputs`, spec.outputs.properties],
    ]),
    ...Object.entries(of.types).flatMap(([token, spec]): [string, Record<string, PropertySpec>][] =>
      "properties" in spec ? [[token, spec.properties]] : [],
    ),
  ];
  return sets.flatMap(([where, properties]) =>
    Object.entries(properties).map(([name, spec]): [string, PropertySpec] => [`${where}: ${name}`, spec]),
  );
}

/** Every `$ref` in a type spec, however deep. */
function refsOf(type: TypeSpec): string[] {
  return [
    ...(type.$ref === undefined ? [] : [type.$ref]),
    ...(type.items === undefined ? [] : refsOf(type.items)),
    ...(type.additionalProperties === undefined ? [] : refsOf(type.additionalProperties)),
  ];
}

describe("packageSchema", () => {
  it("names the package, its version and license, and the sections Pulumi reads", () => {
    expect(schema).toMatchObject({
      name: "zenlayer",
      displayName: "Zenlayer",
      version: "1.2.3",
      license: "Apache-2.0",
    });
    expect(schema.keywords).toEqual(expect.arrayContaining(["pulumi", "zenlayer", "kind/native"]));
    expect(Object.keys(schema.resources).sort()).toEqual([NIC, ATTACHMENT]);
    expect(Object.keys(schema.functions).sort()).toEqual([
      "zenlayer:zec:getInstance",
      "zenlayer:zec:getNetworkInterface",
      "zenlayer:zec:getNetworkInterfaces",
    ]);
  });

  it("publishes each SDK under its own name, none of them this repository's npm package", () => {
    const own = JSON.parse(readFileSync(path.join(__dirname, "../../../../package.json"), "utf8")) as {
      name: string;
    };
    expect(schema.language["nodejs"]).toMatchObject({ packageName: "@pulumi-zenlayer/zenlayer" });
    expect(schema.language["python"]).toMatchObject({ packageName: "pulumi_zenlayer" });
    expect(schema.language["go"]).toMatchObject({ importBasePath: SDK_PACKAGE_NAMES.go });
    expect(schema.language["csharp"]).toMatchObject({
      rootNamespace: "Pulumi",
      namespaces: { zenlayer: "Zenlayer" },
    });
    expect(Object.values(SDK_PACKAGE_NAMES)).not.toContain(own.name);
  });

  it("refuses a version that is not a semantic version", () => {
    expect(() => packageSchema("v1.2.3")).toThrow(/semantic version/);
    expect(() => packageSchema("")).toThrow(/semantic version/);
    expect(packageSchema("0.2.0-alpha.1+abc").version).toBe("0.2.0-alpha.1+abc");
  });

  it("marks the password and the token secret, in config and provider arguments, and nothing else", () => {
    const secret = everyProperty(schema)
      .filter(([, spec]) => spec.secret === true)
      .map(([where]) => where);
    expect(secret.sort()).toEqual([
      "config: accessKeyPassword",
      "config: token",
      "provider: accessKeyPassword",
      "provider: token",
    ]);
  });

  it("marks the inputs whose change replaces the resource", () => {
    const replacing = (token: string) =>
      Object.entries(schema.resources[token]?.inputProperties ?? {})
        .filter(([, spec]) => spec.replaceOnChanges === true)
        .map(([name]) => name);
    expect(replacing(ATTACHMENT)).toEqual(["nicId", "instanceId"]);
    expect(replacing(NIC)).toEqual(["subnetId", "resourceGroupId", "nicStackType", "tags"]);
  });

  it("leaves the NIC's creation key out: the front end sets it, no user", () => {
    const nic = schema.resources[NIC];
    expect(nic?.inputProperties).not.toHaveProperty("creationKey");
    expect(nic?.properties).not.toHaveProperty("creationKey");
    expect(nic?.requiredInputs).toEqual(["name", "subnetId"]);
    expect(schema.resources[ATTACHMENT]?.requiredInputs).toEqual(["nicId", "instanceId"]);
  });

  it("lists every input among the state, and requires the outputs that are always there", () => {
    for (const spec of Object.values(schema.resources)) {
      expect(Object.keys(spec.properties)).toEqual(expect.arrayContaining(Object.keys(spec.inputProperties)));
    }
    expect(schema.resources[ATTACHMENT]?.required).toEqual(
      expect.arrayContaining(["nicId", "status", "macAddress"]),
    );
    expect(schema.resources[ATTACHMENT]?.required).not.toContain("timeouts");
  });

  it("describes every property, type, resource and function for users", () => {
    for (const [where, spec] of everyProperty(schema)) {
      expect([where, spec.description.length > 10]).toEqual([where, true]);
    }
    const described = [
      ...Object.values(schema.resources),
      ...Object.values(schema.functions),
      ...Object.values(schema.types),
    ];
    for (const spec of described) expect(spec.description.length).toBeGreaterThan(10);
  });

  it("resolves every type reference, and defines no type that nothing uses", () => {
    const refs = new Set(everyProperty(schema).flatMap(([, spec]) => refsOf(spec)));
    for (const ref of refs) expect(Object.keys(schema.types)).toContain(ref.replace("#/types/", ""));
    expect([...refs].map((ref) => ref.replace("#/types/", "")).sort()).toEqual(
      Object.keys(schema.types).sort(),
    );
  });

  it("writes enums with their values, and timeouts as named object types", () => {
    expect(schema.types["zenlayer:zec:NicSubnetType"]).toMatchObject({
      type: "string",
      enum: [{ value: "IPv4" }, { value: "IPv4_IPv6" }, { value: "IPv6" }],
    });
    expect(schema.resources[NIC]?.inputProperties["nicStackType"]?.$ref).toBe(
      "#/types/zenlayer:zec:NicSubnetType",
    );
    expect(schema.types["zenlayer:zec:NetworkInterfaceTimeouts"]).toMatchObject({
      type: "object",
      properties: { create: { type: "string" }, update: { type: "string" }, delete: { type: "string" } },
      required: [],
    });
    expect(schema.resources[NIC]?.inputProperties["tags"]).toMatchObject({
      type: "object",
      additionalProperties: { type: "string" },
    });
  });

  it("returns a list of NICs from getNetworkInterfaces and an instance with its NICs from getInstance", () => {
    const list =
      schema.functions["zenlayer:zec:getNetworkInterfaces"]?.outputs.properties["networkInterfaces"];
    expect(list).toMatchObject({ type: "array", items: { $ref: "#/types/zenlayer:zec:NicInfo" } });
    const instance = schema.functions["zenlayer:zec:getInstance"];
    expect(instance?.inputs.required).toEqual(["instanceId"]);
    expect(instance?.outputs.properties["nics"]).toMatchObject({
      items: { $ref: "#/types/zenlayer:zec:NicInfo" },
    });
  });

  it("documents each setting's environment fallbacks, in the order they are read, and declares none", () => {
    const variables = schema.config.variables;
    expect(Object.keys(variables)).toEqual([
      "accessKeyId",
      "accessKeyPassword",
      "token",
      "domain",
      "scheme",
      "maxRequestsPerSecond",
      "readConsistencyMs",
    ]);
    expect(variables["accessKeyPassword"]?.description).toContain(
      `\`${TERRAFORM_ENV_KEYS.accessKeyPassword}\`, then \`${CLI_ENV_KEYS.accessKeyPassword}\``,
    );
    expect(variables["readConsistencyMs"]).toMatchObject({ type: "integer" });
    expect(variables["readConsistencyMs"]?.description).toContain("`PULUMI_ZENLAYER_READ_CONSISTENCY_MS`");
    expect(variables["maxRequestsPerSecond"]).toMatchObject({ type: "number" });
    expect(JSON.stringify(schema)).not.toContain("defaultInfo");
    expect(schema.provider.inputProperties).toEqual(variables);
  });

  it("is plain JSON, the same on every call", () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(JSON.stringify(packageSchema("1.2.3"))).toBe(JSON.stringify(schema));
  });
});
