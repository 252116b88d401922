/**
 * The value the Pulumi engine sends to dynamic providers, whatever the property's type, when an
 * input is not known yet (during preview). It must pass through validation untouched.
 * See pulumi/pulumi#6310.
 */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when the engine does not know this value yet. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN_VALUE;
}
