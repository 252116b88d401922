/**
 * The TypeScript types a definition stands for, inferred at compile time ({@link ObjectOf}), and the
 * proofs that a hand-written type agrees with a definition ({@link Equals}, {@link SameKeys}): how
 * the types of inputs and outputs come from the same definition as `check` and the package schema.
 * @packageDocumentation
 */
import type {
  EnumType,
  ListType,
  MapType,
  ObjectType,
  PrimitiveType,
  Properties,
  ResourceDefinition,
  ValueType,
} from "./definition";

/** The TypeScript type of a value of `T`. */
export type ValueOf<T extends ValueType> =
  T extends PrimitiveType<"string">
    ? string
    : T extends PrimitiveType<"boolean">
      ? boolean
      : T extends PrimitiveType<"integer" | "number">
        ? number
        : T extends EnumType<infer V>
          ? V
          : T extends ListType<infer I>
            ? ValueOf<I>[]
            : T extends MapType<infer V>
              ? Readonly<Record<string, ValueOf<V>>>
              : T extends ObjectType<infer P>
                ? ObjectOf<P>
                : never;

type RequiredKeys<P extends Properties> = {
  [K in keyof P]: P[K]["optional"] extends false ? K : never;
}[keyof P];

/** One object type, not an intersection, so it compares equal to a hand-written interface. */
type Flatten<T> = { [K in keyof T]: T[K] };

/** The TypeScript type of an object of properties `P`: required keys required, the rest optional. */
export type ObjectOf<P extends Properties> = Flatten<
  { readonly [K in RequiredKeys<P>]: ValueOf<P[K]["type"]> } & {
    readonly [K in Exclude<keyof P, RequiredKeys<P>>]?: ValueOf<P[K]["type"]>;
  }
>;

/**
 * `true` when `A` and `B` are the same type (not merely assignable either way): the compile-time
 * proof that a public interface, whose text the API report keeps, says what its definition says.
 */
export type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** The keys of `T` that are not optional. */
type RequiredKeysOf<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/**
 * `true` when `A` and `B` have the same keys and the same required keys: the proof that an object
 * definition covers a client type whose values it describes differently (nullable, enums as text).
 */
export type SameKeys<A, B> =
  Equals<keyof A, keyof B> extends true ? Equals<RequiredKeysOf<A>, RequiredKeysOf<B>> : false;

/**
 * Compiles only when `_Proof` is `true`, and does nothing when it runs: how a module states a
 * compile-time proof (see {@link Equals}) without an unused variable.
 */
export function provenAtCompileTime<_Proof extends true>(): void {
  // The proof is the type argument; there is nothing to do at run time.
}

/** The inputs of a resource or the arguments of a function, as TypeScript sees them. */
export type InputsOf<D extends { readonly inputs: Properties }> = ObjectOf<D["inputs"]>;

/** The complete state of a resource: its inputs and its outputs. */
export type OutputsOf<D extends ResourceDefinition> = ObjectOf<D["inputs"] & D["outputs"]>;
