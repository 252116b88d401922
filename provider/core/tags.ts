/**
 * What a tag may be, for every tag this package sends: the NetworkInterface resource's `tags` (in
 * `check`) and the `tagKeys` and `tags` filters of the lookups (before the request). Zenlayer's
 * model gives the limits; the character rules refuse what no person can have meant, so that a tag
 * reads in every listing, filter and log exactly as it is stored.
 * @packageDocumentation
 */
import { displayText, displayValue } from "../../sdk/util/displayValue";
import { isRecord, isUnknown } from "./inputValues";
import type { CheckFailure } from "./results";

/**
 * Zenlayer's limits on tags. A key and a value are each 1 to 64 characters (the `Tag` model of
 * every Zenlayer API version: "长度限制：1～64个字符"). A character is a Unicode code point, as
 * people count: an emoji is one, though JavaScript's `length` counts it as two. A Describe takes at
 * most 20 `tagKeys` and 20 `tags` ("最长不得超过20个标签"). Zenlayer documents no count per resource;
 * 50, the simulator's model and the common cloud limit, is the bound this package keeps.
 * @internal
 */
export const TAG_LIMITS = {
  maxLength: 64,
  maxPerResource: 50,
  maxFilters: 20,
} as const;

/**
 * Characters that cannot be meant in a tag: controls (NUL, tab, CR, LF, ESC, which starts ANSI
 * sequences, DEL, the C1 range), format characters (zero-width spaces and joiners, bidirectional
 * overrides and isolates, the byte-order mark, tag characters, the soft hyphen), lone surrogates,
 * private-use and noncharacter code points, line and paragraph separators, whatever else Unicode
 * says renders as nothing, and every space but U+0020 (a no-break or ideographic space looks like
 * a space, yet a filter for the one never matches the other). Unassigned code points pass: Node's
 * Unicode tables may be older than the user's, and a new emoji is meant.
 */
const UNMEANT =
  /^(?:[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]|(?! )\p{Zs})$/u;

/** `U+202E`: how a message names a character without printing it. */
function codePointName(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase();
  return `U+${hex.padStart(4, "0")}`;
}

/** How many code points `text` has (a lone surrogate counts as one). */
function codePointCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; count += 1) {
    index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  }
  return count;
}

/** The start of a text too long to show whole: its first few code points, escaped and quoted. */
function opening(text: string): string {
  return displayValue(Array.from(text.slice(0, 32)).slice(0, 16).join(""));
}

/**
 * Why `text` cannot be a tag key or value, as a phrase to follow its name (`tags key "x" …`), or
 * `undefined` when it can. Leading and trailing spaces are refused too: Zenlayer's filters match
 * exactly and no listing shows them, so `"env "` would be a second key that looks like `"env"`, and
 * a console that trims them would make every later `up` see a changed tag and replace the NIC.
 * @internal
 */
export function tagTextProblem(text: unknown): string | undefined {
  const { maxLength } = TAG_LIMITS;
  const rule = `must be 1 to ${String(maxLength)} characters (Unicode code points)`;
  if (typeof text !== "string") return `${rule} of text; got ${displayValue(text)}`;
  const length = codePointCount(text);
  if (length < 1) return `${rule}; got an empty string`;
  if (length > maxLength) return `${rule}; got ${String(length)} characters, starting ${opening(text)}`;
  const chars = Array.from(text);
  const index = chars.findIndex((char) => UNMEANT.test(char));
  const unmeant = chars[index];
  if (unmeant !== undefined) {
    const where = `${codePointName(unmeant)} at character ${String(index + 1)}`;
    return `must not hold control, invisible or bidirectional characters (${where}); got ${displayValue(text)}`;
  }
  if (text.startsWith(" ") || text.endsWith(" ")) {
    return `must not start or end with a space (filters match exactly, and listings hide it); got ${displayValue(text)}`;
  }
  return undefined;
}

/** The property a failure about one tag names: `tags.<key>`, the key escaped and cut. */
function tagProperty(key: string): string {
  return `tags.${displayText(key, 32)}`;
}

/** The one failure of one `key: value` entry, if any; a value not known yet (preview) passes. */
function entryFailure(key: string, value: unknown, reservedKey: string): CheckFailure | undefined {
  const property = tagProperty(key);
  const keyProblem = tagTextProblem(key);
  if (keyProblem !== undefined) return { property, reason: `tags key ${keyProblem}` };
  if (key === reservedKey) {
    const reason = `tags key "${reservedKey}" is reserved for the tag this package sets on the NICs it creates; use another key`;
    return { property, reason };
  }
  const valueProblem = isUnknown(value) ? undefined : tagTextProblem(value);
  return valueProblem === undefined ? undefined : { property, reason: `${property} ${valueProblem}` };
}

/**
 * The `check` failures of a resource's `tags`: an object of at most 49 entries (Zenlayer's 50
 * less `reservedKey`, the tag the package adds itself), each key and value under
 * {@link tagTextProblem}, no key `reservedKey`. One failure per bad entry, so a program sees all
 * of them at once. Together the limits bound the whole set: 49 × 128 characters, at most 25 KB of
 * UTF-8, far below the client's request limit.
 * @internal
 */
export function checkResourceTags(value: unknown, reservedKey: string): CheckFailure[] {
  if (value === undefined || value === null || isUnknown(value)) return [];
  if (!isRecord(value)) {
    const reason = `tags must be an object of string values, such as { env: "prod" }; got ${displayValue(value)}`;
    return [{ property: "tags", reason }];
  }
  const entries = Object.entries(value);
  const max = TAG_LIMITS.maxPerResource - 1;
  if (entries.length > max) {
    const why = `Zenlayer allows ${String(TAG_LIMITS.maxPerResource)} per NIC, and this package adds "${reservedKey}"`;
    const reason = `tags may hold at most ${String(max)} tags (${why}); got ${String(entries.length)}`;
    return [{ property: "tags", reason }];
  }
  return entries
    .map(([key, tag]) => entryFailure(key, tag, reservedKey))
    .filter((found): found is CheckFailure => found !== undefined);
}

/** Why a filter list is not a list of at most 20 good items, checking each with `itemProblem`. */
function filterListProblem(
  name: string,
  list: unknown,
  itemProblem: (item: unknown, where: string) => string | undefined,
): string | undefined {
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) return `filter ${name} must be a list; got ${displayValue(list)}`;
  const max = TAG_LIMITS.maxFilters;
  if (list.length > max) {
    return `filter ${name} may hold at most ${String(max)} items (Zenlayer's limit); got ${String(list.length)}`;
  }
  for (const [index, item] of list.entries()) {
    const problem = itemProblem(item, `filter ${name}[${String(index)}]`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function textItemProblem(text: unknown, where: string): string | undefined {
  const problem = tagTextProblem(text);
  return problem === undefined ? undefined : `${where} ${problem}`;
}

function pairProblem(pair: unknown, where: string): string | undefined {
  if (!isRecord(pair)) return `${where} must be { key, value }; got ${displayValue(pair)}`;
  return textItemProblem(pair["key"], `${where}.key`) ?? textItemProblem(pair["value"], `${where}.value`);
}

/**
 * Why the `tagKeys` and `tags` filters of a Describe cannot be sent, naming the filter and the
 * item, or `undefined` when they can: at most 20 of each, every key and value a tag could have.
 * @internal
 */
export function tagFilterProblem(filters: {
  readonly tagKeys?: unknown;
  readonly tags?: unknown;
}): string | undefined {
  return (
    filterListProblem("tagKeys", filters.tagKeys, textItemProblem) ??
    filterListProblem("tags", filters.tags, pairProblem)
  );
}
