/**
 * Definitions read as the pieces of a Pulumi package schema (the JSON `pulumi package gen-sdk` and
 * the engine's `GetSchema` take): property specs, object and enum types, resources and functions.
 * Internal properties are left out: they are no user's to set or read.
 * @packageDocumentation
 */
import type {
  EnumType,
  FunctionDefinition,
  ObjectType,
  Properties,
  Property,
  ResourceDefinition,
  ValueType,
} from "./definition";

/** A type reference as the package schema writes it. */
export interface TypeSpec {
  readonly type?: "string" | "boolean" | "integer" | "number" | "array" | "object";
  readonly items?: TypeSpec;
  readonly additionalProperties?: TypeSpec;
  readonly $ref?: string;
}

export interface PropertySpec extends TypeSpec {
  readonly description: string;
  readonly secret?: true;
  readonly replaceOnChanges?: true;
}

/** Named properties with the required ones listed, as objects, inputs and outputs are written. */
export interface ObjectSpec {
  readonly properties: Readonly<Record<string, PropertySpec>>;
  readonly required: readonly string[];
}

export interface ObjectTypeSpec extends ObjectSpec {
  readonly type: "object";
  readonly description: string;
}

export interface EnumTypeSpec {
  readonly type: "string";
  readonly description: string;
  readonly enum: readonly { readonly name: string; readonly value: string; readonly description: string }[];
}

export interface ResourceSpec {
  readonly description: string;
  readonly properties: ObjectSpec["properties"];
  readonly required: readonly string[];
  readonly inputProperties: ObjectSpec["properties"];
  readonly requiredInputs: readonly string[];
}

export interface FunctionSpec {
  readonly description: string;
  readonly inputs: ObjectSpec;
  readonly outputs: ObjectSpec;
}

/** How the package schema refers to `type`: named types by `$ref`, the others inline. */
export function typeSpec(type: ValueType): TypeSpec {
  switch (type.kind) {
    case "enum":
    case "object":
      return { $ref: `#/types/${type.token}` };
    case "list":
      return { type: "array", items: typeSpec(type.items) };
    case "map":
      return { type: "object", additionalProperties: typeSpec(type.values) };
    default:
      return { type: type.kind };
  }
}

export function propertySpec(property: Property): PropertySpec {
  return {
    ...typeSpec(property.type),
    description: property.description,
    ...(property.secret ? { secret: true } : {}),
    ...(property.replaceOnChanges ? { replaceOnChanges: true } : {}),
  };
}

/** The public properties of `properties`, and which of them are required. */
export function objectSpec(properties: Properties): ObjectSpec {
  const visible = Object.entries(properties).filter(([, property]) => !property.internal);
  return {
    properties: Object.fromEntries(visible.map(([name, property]) => [name, propertySpec(property)])),
    required: visible.filter(([, property]) => !property.optional).map(([name]) => name),
  };
}

export function resourceSpec(resource: ResourceDefinition): ResourceSpec {
  const inputs = objectSpec(resource.inputs);
  const state = objectSpec({ ...resource.inputs, ...resource.outputs });
  return {
    description: resource.description,
    properties: state.properties,
    required: state.required,
    inputProperties: inputs.properties,
    requiredInputs: inputs.required,
  };
}

export function functionSpec(definition: FunctionDefinition): FunctionSpec {
  return {
    description: definition.description,
    inputs: objectSpec(definition.inputs),
    outputs: objectSpec(definition.outputs),
  };
}

function enumTypeSpec(type: EnumType): EnumTypeSpec {
  return {
    type: "string",
    description: type.description,
    enum: type.values.map(({ value, description }) => ({ name: value, value, description })),
  };
}

function objectTypeSpec(type: ObjectType): ObjectTypeSpec {
  return { type: "object", description: type.description, ...objectSpec(type.properties) };
}

/** Every named type `type` uses, itself included, into `found` by token. */
function collectNamed(type: ValueType, found: Map<string, EnumType | ObjectType>): void {
  if (type.kind === "list") return collectNamed(type.items, found);
  if (type.kind === "map") return collectNamed(type.values, found);
  if (type.kind !== "enum" && type.kind !== "object") return;
  const known = found.get(type.token);
  if (known === type) return;
  if (known !== undefined) throw new Error(`two different definitions of the type ${type.token}`);
  found.set(type.token, type);
  if (type.kind === "object")
    for (const property of Object.values(type.properties)) collectNamed(property.type, found);
}

/**
 * The `types` section: every object and enum type the given properties reach, by token, sorted.
 * Two definitions under one token are a programming error and throw.
 */
export function namedTypeSpecs(
  propertySets: readonly Properties[],
): Record<string, ObjectTypeSpec | EnumTypeSpec> {
  const found = new Map<string, EnumType | ObjectType>();
  for (const properties of propertySets) {
    for (const property of Object.values(properties)) {
      if (!property.internal) collectNamed(property.type, found);
    }
  }
  const tokens = [...found.keys()].sort();
  return Object.fromEntries(
    tokens.map((token) => {
      const type = found.get(token) as EnumType | ObjectType;
      return [token, type.kind === "enum" ? enumTypeSpec(type) : objectTypeSpec(type)];
    }),
  );
}
