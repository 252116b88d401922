/**
 * The schema language: one typed definition per resource, function and object type says what each
 * property is (its type, a description for users, whether it is required, secret, internal, or
 * replaces the resource when it changes, and the rule `check` applies to it). `check`
 * (`checkInputs.ts`), the TypeScript types (`inference.ts`, at compile time) and the Pulumi package
 * schema (`pulumiSpecs.ts`, `packageSchema.ts`) are all read from it, so none of them is a copy.
 *
 * Why our own and not TypeBox: TypeBox would give the type inference and JSON Schema, but neither of
 * the other two readers. Pulumi's package schema is its own dialect (`$ref: "#/types/<token>"`,
 * `secret`, `replaceOnChanges`, enum values with names, `required` lists per object), so a walker of
 * our own would be needed anyway; and `check` must keep this package's messages word for word
 * (the property named, the value escaped by `displayValue`, the engine's unknown placeholder let
 * through), which TypeBox's validator cannot produce, so the rules stay ours too. What would remain
 * of TypeBox is the builders and `Static`, about a hundred lines here, against a dependency that the
 * native plugin would load at every start (its start-up budget is 300 ms).
 * @packageDocumentation
 */
import { displayValue } from "../../../sdk/util/displayValue";
import type { CheckFailure } from "../results";

/** What a rule answers: nothing when the value is good, else one failure or several. */
export type RuleResult = CheckFailure | readonly CheckFailure[] | undefined;

/**
 * Judges one property's value, naming `property` in every failure. Never called with the engine's
 * unknown placeholder, nor for an optional property left out (`undefined` or `null`); a required
 * property left out is judged, so the rule says what it must be.
 */
export type Rule = (value: unknown, property: string) => RuleResult;

/** A value of one of the schema's primitive types. */
export interface PrimitiveType<K extends PrimitiveKind = PrimitiveKind> {
  readonly kind: K;
}
export type PrimitiveKind = "string" | "boolean" | "integer" | "number";

/** One value of an enum, with what it means. */
export interface EnumValue<V extends string = string> {
  readonly value: V;
  readonly description: string;
}

/** A closed set of strings; Pulumi names it by `token`, and SDKs make a type of it. */
export interface EnumType<V extends string = string> {
  readonly kind: "enum";
  readonly token: string;
  readonly description: string;
  readonly values: readonly EnumValue<V>[];
}

/** An object of named properties; Pulumi names it by `token` (it has no anonymous objects). */
export interface ObjectType<P extends Properties = Properties> {
  readonly kind: "object";
  readonly token: string;
  readonly description: string;
  readonly properties: P;
}

/** A list of values of one type: a string list, or a list of objects. */
export interface ListType<I extends ValueType = ValueType> {
  readonly kind: "list";
  readonly items: I;
}

/** An object of arbitrary string keys, each holding a value of one type (tags). */
export interface MapType<V extends ValueType = ValueType> {
  readonly kind: "map";
  readonly values: V;
}

export type ValueType = PrimitiveType | EnumType | ObjectType | ListType | MapType;

/** One property of a resource, function, object type or the provider's configuration. */
export interface Property<T extends ValueType = ValueType, O extends boolean = boolean> {
  readonly type: T;
  /** For users: what the property is and why they would set it; Markdown, shown in every SDK. */
  readonly description: string;
  readonly optional: O;
  /** Kept encrypted in state and shown as `[secret]`. */
  readonly secret: boolean;
  /** A change replaces the resource: Zenlayer cannot change it in place. */
  readonly replaceOnChanges: boolean;
  /** Set by the front end, never by users: part of the TypeScript types, absent from the package schema. */
  readonly internal: boolean;
  /** What `check` applies; a property without a rule is passed as it is. */
  readonly rule: Rule | undefined;
}

export type Properties = Readonly<Record<string, Property>>;

/** The options of a property beyond its type and description; all default to false or none. */
export interface PropertyOptions {
  readonly secret?: boolean;
  readonly replaceOnChanges?: boolean;
  readonly internal?: boolean;
  readonly rule?: Rule;
}

export const STRING: PrimitiveType<"string"> = { kind: "string" };
export const BOOLEAN: PrimitiveType<"boolean"> = { kind: "boolean" };
export const INTEGER: PrimitiveType<"integer"> = { kind: "integer" };
export const NUMBER: PrimitiveType<"number"> = { kind: "number" };

export function listOf<I extends ValueType>(items: I): ListType<I> {
  return { kind: "list", items };
}

export function mapOf<V extends ValueType>(values: V): MapType<V> {
  return { kind: "map", values };
}

export function objectType<P extends Properties>(
  token: string,
  description: string,
  properties: P,
): ObjectType<P> {
  return { kind: "object", token, description, properties };
}

export function enumType<const V extends string>(
  token: string,
  description: string,
  values: readonly EnumValue<V>[],
): EnumType<V> {
  return { kind: "enum", token, description, values };
}

/**
 * The rule a type brings when the property names none: a boolean must be `true` or `false`, an
 * enum one of its values, in the words `check` has always used. Other types have no default: what
 * a string may hold is the property's own rule.
 */
function defaultRule(type: ValueType): Rule | undefined {
  if (type.kind === "boolean")
    return (value, property) => mustBe(property, "true or false", value, typeof value === "boolean");
  if (type.kind !== "enum") return undefined;
  const values = type.values.map((entry) => entry.value);
  return (value, property) =>
    mustBe(
      property,
      `one of ${values.join(", ")}`,
      value,
      values.some((known) => known === value),
    );
}

/** The failure `<property> must be <rule>; got <value>`, unless `ok`. */
export function mustBe(
  property: string,
  rule: string,
  value: unknown,
  ok: boolean,
): CheckFailure | undefined {
  return ok ? undefined : { property, reason: `${property} must be ${rule}; got ${displayValue(value)}` };
}

function property<T extends ValueType, O extends boolean>(
  type: T,
  description: string,
  optional: O,
  options: PropertyOptions,
): Property<T, O> {
  return {
    type,
    description,
    optional,
    secret: options.secret ?? false,
    replaceOnChanges: options.replaceOnChanges ?? false,
    internal: options.internal ?? false,
    rule: options.rule ?? defaultRule(type),
  };
}

/** A property that must be given (inputs) or is always present (outputs). */
export function required<T extends ValueType>(type: T, description: string, options: PropertyOptions = {}) {
  return property(type, description, false, options);
}

/** A property that may be left out. */
export function optional<T extends ValueType>(type: T, description: string, options: PropertyOptions = {}) {
  return property(type, description, true, options);
}

/** A resource: its inputs, and the outputs it adds to them (every input is an output too). */
export interface ResourceDefinition<I extends Properties = Properties, O extends Properties = Properties> {
  /** Its type token, such as `zenlayer:zec:NetworkInterface`. */
  readonly token: string;
  readonly description: string;
  readonly inputs: I;
  readonly outputs: O;
}

/** A function (a lookup): its arguments, and the properties of its result. */
export interface FunctionDefinition<I extends Properties = Properties, O extends Properties = Properties> {
  /** Its token, such as `zenlayer:zec:getInstance`. */
  readonly token: string;
  readonly description: string;
  readonly inputs: I;
  readonly outputs: O;
}

/** The names of the inputs whose change replaces the resource, in the definition's order. */
export function replacingInputs(definition: ResourceDefinition): string[] {
  return Object.entries(definition.inputs)
    .filter(([, input]) => input.replaceOnChanges)
    .map(([name]) => name);
}
