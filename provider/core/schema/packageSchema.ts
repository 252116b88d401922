/**
 * The Pulumi package schema of `zenlayer`, built from the definitions: what the provider plugin
 * answers to `GetSchema` and what `pulumi package gen-sdk` makes each language's SDK from.
 *
 * Package names, decided once here:
 * - Node.js `@pulumi-zenlayer/zenlayer`: a scope named after this project, as community providers
 *   publish (`@pulumiverse/<name>`), holding the package named after the provider. It cannot be
 *   confused with this repository's own npm package `pulumi-zenlayer` (the dynamic resources, which
 *   programs keep using), and it claims neither Pulumi's scope (`@pulumi/`) nor Zenlayer's: the
 *   package is not theirs to vouch for.
 * - Python `pulumi_zenlayer`, Go `github.com/pulumi-zenlayer/pulumi-zenlayer/sdk/go/zenlayer` (the
 *   same project name as owner; it must be where the SDK is published), .NET `Pulumi.Zenlayer`.
 *   The Go package lives in the module `…/sdk/go` (`sdk/go/go.mod`, written by hand: gen-sdk writes
 *   none), which holds only Go code, unlike a module at `sdk/` would.
 * No `pluginDownloadURL`: SDKs would try to download the plugin from it, and nothing serves it yet.
 * @packageDocumentation
 */
import { displayValue } from "../../../sdk/util/displayValue";
import { ATTACHMENT_RESOURCE } from "./attachmentSchema";
import type { FunctionDefinition, Properties, ResourceDefinition } from "./definition";
import { LOOKUP_FUNCTIONS } from "./lookupSchemas";
import { NETWORK_INTERFACE_RESOURCE } from "./networkInterfaceSchema";
import { PROVIDER_CONFIG } from "./providerConfigSchema";
import type { EnumTypeSpec, FunctionSpec, ObjectTypeSpec, PropertySpec, ResourceSpec } from "./pulumiSpecs";
import { functionSpec, namedTypeSpecs, objectSpec, resourceSpec } from "./pulumiSpecs";

/** The package's name: the provider plugin is `pulumi-resource-zenlayer`, config keys `zenlayer:<name>`. */
export const PACKAGE_NAME = "zenlayer";

/** The names each language's SDK is published under (see the module's notes for why). */
export const SDK_PACKAGE_NAMES = {
  nodejs: "@pulumi-zenlayer/zenlayer",
  python: "pulumi_zenlayer",
  go: "github.com/pulumi-zenlayer/pulumi-zenlayer/sdk/go/zenlayer",
  csharp: "Pulumi.Zenlayer",
} as const;

/** Every resource, in the order the package schema lists them. */
export const RESOURCE_DEFINITIONS: readonly ResourceDefinition[] = [
  NETWORK_INTERFACE_RESOURCE,
  ATTACHMENT_RESOURCE,
];

/** The package schema, as `pulumi package gen-sdk` reads it. */
export interface PackageSchema {
  readonly name: string;
  readonly displayName: string;
  readonly version: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly license: string;
  readonly config: { readonly variables: Readonly<Record<string, PropertySpec>> };
  readonly provider: {
    readonly description: string;
    readonly inputProperties: Readonly<Record<string, PropertySpec>>;
  };
  readonly resources: Readonly<Record<string, ResourceSpec>>;
  readonly functions: Readonly<Record<string, FunctionSpec>>;
  readonly types: Readonly<Record<string, ObjectTypeSpec | EnumTypeSpec>>;
  readonly language: Readonly<
    Record<"nodejs" | "python" | "go" | "csharp", Readonly<Record<string, unknown>>>
  >;
}

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function byToken<D extends { readonly token: string }, S>(
  definitions: readonly D[],
  spec: (definition: D) => S,
) {
  return Object.fromEntries(definitions.map((definition) => [definition.token, spec(definition)]));
}

/** Every property set a named type can be reached from. */
function propertySets(functions: readonly FunctionDefinition[]): Properties[] {
  return [
    PROVIDER_CONFIG.properties,
    ...RESOURCE_DEFINITIONS.flatMap((resource) => [resource.inputs, resource.outputs]),
    ...functions.flatMap((lookup) => [lookup.inputs, lookup.outputs]),
  ];
}

/** The `language` section: package names, and SDK versions that follow the schema's. */
function languages(): PackageSchema["language"] {
  return {
    nodejs: { packageName: SDK_PACKAGE_NAMES.nodejs, respectSchemaVersion: true },
    python: {
      packageName: SDK_PACKAGE_NAMES.python,
      respectSchemaVersion: true,
      pyproject: { enabled: true },
    },
    go: { importBasePath: SDK_PACKAGE_NAMES.go, respectSchemaVersion: true },
    csharp: {
      rootNamespace: "Pulumi",
      namespaces: { zenlayer: "Zenlayer", zec: "Zec" },
      respectSchemaVersion: true,
    },
  };
}

/**
 * The package schema for the provider at `version` (a semantic version such as `0.2.0`, without
 * a leading `v`): the version SDKs are generated for, and the plugin version they ask the engine for.
 */
export function packageSchema(version: string): PackageSchema {
  if (!SEMVER.test(version))
    throw new Error(
      `packageSchema: version must be a semantic version such as "0.2.0"; got ${displayValue(version)}`,
    );
  const config = objectSpec(PROVIDER_CONFIG.properties);
  return {
    name: PACKAGE_NAME,
    displayName: "Zenlayer",
    version,
    description:
      "Zenlayer Cloud's Elastic Compute (ZEC): secondary NICs and their attachments to instances, with safe, " +
      "retried, status-polled attach and detach, and lookups of NICs and instances.",
    keywords: ["pulumi", "zenlayer", "zec", "category/cloud", "kind/native"],
    license: "Apache-2.0",
    config: { variables: config.properties },
    provider: { description: PROVIDER_CONFIG.description, inputProperties: config.properties },
    resources: byToken(RESOURCE_DEFINITIONS, resourceSpec),
    functions: byToken(LOOKUP_FUNCTIONS, functionSpec),
    types: namedTypeSpecs(propertySets(LOOKUP_FUNCTIONS)),
    language: languages(),
  };
}
