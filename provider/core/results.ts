/**
 * What `check` and `diff` answer, in the shapes every Pulumi provider protocol shares: the dynamic
 * provider host takes them as they are, the provider plugin turns them into its gRPC messages.
 * @packageDocumentation
 */

/** One input at fault, and why, in words that name the property and the rule. @public */
export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

/** The checked inputs, or every failure found. @public */
export interface CheckResult<T> {
  readonly inputs?: T;
  readonly failures?: CheckFailure[];
}

/**
 * What a change of inputs means: nothing, an in-place update (`changes`), or a replacement
 * (`replaces` names the properties), with the old resource deleted first when both cannot exist
 * at once. @public
 */
export interface DiffResult {
  readonly changes: boolean;
  readonly replaces?: string[];
  readonly deleteBeforeReplace?: boolean;
}
