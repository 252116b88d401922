/**
 * The rules definitions attach to properties: the checks this package has always applied
 * (`inputValues.ts`, `tags.ts`), each in the shape of a {@link Rule}, and the few that only
 * definitions use. A rule's message is the one `check` has always given, word for word.
 * @packageDocumentation
 */
import { checkTimeouts, idProblem } from "../inputValues";
import type { CheckFailure } from "../results";
import { checkResourceTags, tagFilterProblem } from "../tags";
import type { ObjectType, Rule } from "./definition";
import { mustBe } from "./definition";

/**
 * A Zenlayer id: 1 to 32 ASCII digits (see `idProblem`). The unknown placeholder is `check`'s to
 * let through, not this rule's: a lookup's arguments are always known.
 */
export const zenlayerId: Rule = (value, property) => {
  const reason = idProblem(property, value);
  return reason === undefined ? undefined : { property, reason };
};

/** Text matching `pattern`, described to users as `rule` (`<property> must be <rule>; got …`). */
export function matches(pattern: RegExp, rule: string): Rule {
  return (value, property) => mustBe(property, rule, value, typeof value === "string" && pattern.test(value));
}

/**
 * A `timeouts` object whose entries are the properties of `type`: each a duration from 100 ms to
 * 24 h, no other entry (see `checkTimeouts`). The names come from the type, so a timeout added to
 * the definition is checked, documented and typed at once.
 */
export function timeoutsOf(type: ObjectType): Rule {
  const names = Object.keys(type.properties);
  return (value) => checkTimeouts(value, names);
}

/** A resource's `tags`: Zenlayer's limits, no unmeant characters, not `reservedKey` (see `checkResourceTags`). */
export function resourceTags(reservedKey: string): Rule {
  return (value) => checkResourceTags(value, reservedKey);
}

/**
 * A lookup's tag filter (`tagKeys` or `tags`): at most 20 items, each a tag key or `{ key, value }`
 * that a tag could have (see `tagFilterProblem`).
 */
export function tagFilter(filter: "tagKeys" | "tags"): Rule {
  return (value, property): CheckFailure | undefined => {
    const reason = tagFilterProblem({ [filter]: value });
    return reason === undefined ? undefined : { property, reason };
  };
}

/**
 * A setting the client configuration's parser (`sdk/config/resolveClientConfig.ts`) accepts, so
 * that `check` refuses exactly what a run would: text is trimmed first, and blank text counts as
 * unset, as there. The words are `rule`, with the value escaped: the parsers echo a value as it is,
 * fine for a run's own settings, not for text `check` shows.
 */
export function acceptedBy(
  parse: (found: { value: string | number; where: string }) => unknown,
  rule: string,
): Rule {
  return (value, property) => {
    const given = typeof value === "string" ? value.trim() : value;
    if (given === "") return undefined;
    const parsable = typeof given === "string" || typeof given === "number";
    return mustBe(property, rule, value, parsable && parses(parse, given));
  };
}

function parses(
  parse: (found: { value: string | number; where: string }) => unknown,
  value: string | number,
): boolean {
  try {
    parse({ value, where: "" });
    return true;
  } catch {
    return false;
  }
}

/**
 * A whole number of milliseconds from `min` to `max`, as a number or as text (stack config is
 * text); blank text counts as unset, as for every other setting.
 */
export function millisecondsBetween(min: number, max: number): Rule {
  return (value, property) => {
    if (typeof value === "string" && value.trim() === "") return undefined;
    const ms = typeof value === "string" ? Number(value) : value;
    const ok = typeof ms === "number" && Number.isInteger(ms) && ms >= min && ms <= max;
    return mustBe(
      property,
      `a whole number of milliseconds from ${String(min)} to ${String(max)}`,
      value,
      ok,
    );
  };
}
