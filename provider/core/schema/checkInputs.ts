/**
 * `check`, read from a definition: every front end validates inputs (and lookup arguments, and
 * provider settings) the same way, with the same words, before anything is sent.
 * @packageDocumentation
 */
import { isUnknown } from "../inputValues";
import type { CheckFailure, CheckResult } from "../results";
import type { Properties, RuleResult } from "./definition";
import type { ObjectOf } from "./inference";

function failuresOf(result: RuleResult): readonly CheckFailure[] {
  if (result === undefined) return [];
  return Array.isArray(result) ? result : [result as CheckFailure];
}

/**
 * Every failure of `news` under `properties`, in the definition's order: each property's rule,
 * judged on its value. A value the engine does not know yet (preview) is let through untouched,
 * unless `unknownsAllowed` is false (a lookup's arguments are always known, so the placeholder
 * there is text like any other); an optional property left out (`undefined` or `null`) passes; a
 * required one left out is judged, so its rule says what it must be. Properties the definition does
 * not name are kept as they are: state written by older versions carries some.
 */
export function inputFailures(
  properties: Properties,
  news: Readonly<Record<string, unknown>>,
  unknownsAllowed = true,
): CheckFailure[] {
  return Object.entries(properties).flatMap(([name, property]) => {
    const value = news[name];
    if (property.rule === undefined || (unknownsAllowed && isUnknown(value))) return [];
    if (property.optional && (value === undefined || value === null)) return [];
    return failuresOf(property.rule(value, name));
  });
}

/**
 * The checked inputs, unchanged, typed as the definition says, or every failure found.
 * @internal
 */
export function checkInputs<P extends Properties>(
  properties: P,
  news: Record<string, unknown>,
): CheckResult<ObjectOf<P>> {
  const failures = inputFailures(properties, news);
  return failures.length > 0 ? { failures } : { inputs: news as unknown as ObjectOf<P> };
}
