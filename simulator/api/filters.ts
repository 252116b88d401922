import type { WireTag } from "../types/wire";
import { commonError } from "./errorCodes";
import type { Params } from "./validate";
import { optionalString, optionalStringList } from "./validate";

/** The documented ceiling for the `tagKeys` and `tags` filters. @internal */
export const MAX_TAG_FILTERS = 20;

/**
 * The most tags the simulator lets one resource carry. The reference gives no limit; 50 is a
 * common cloud limit and far above what the resources here need.
 * @internal
 */
export const MAX_TAGS_PER_RESOURCE = 50;

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The documented length of a tag key and of a tag value: 1 to 64 characters (the `Tag` model of
 * every API version). The simulator counts Unicode code points; Zenlayer does not say what it counts.
 * @internal
 */
export const MAX_TAG_TEXT_LENGTH = 64;

function codePointCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; count += 1) {
    index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  }
  return count;
}

/** A tag key or value within the documented length: LESS_LENGTH when empty, EXCEED_LENGTH when long. */
function checkTagText(text: string, where: string): string {
  const length = codePointCount(text);
  const rule = `\`${where}\` must be 1 to ${MAX_TAG_TEXT_LENGTH} characters.`;
  if (length < 1) throw commonError("INVALID_PARAMETER_LESS_LENGTH", rule);
  if (length > MAX_TAG_TEXT_LENGTH) throw commonError("INVALID_PARAMETER_EXCEED_LENGTH", rule);
  return text;
}

/** One `{key, value}`: a key and a value, both present (MISSING_PARAMETER) and of the documented length. */
function parseTag(value: unknown, where: string): WireTag {
  if (!isObject(value))
    throw commonError("INVALID_PARAMETER_TYPE", `Each of \`${where}\` must be {key, value}.`);
  const key = optionalString(value, "key");
  if (key === undefined) throw commonError("MISSING_PARAMETER", `Each of \`${where}\` needs a \`key\`.`);
  const tagValue = optionalString(value, "value");
  if (tagValue === undefined)
    throw commonError("MISSING_PARAMETER", `Each of \`${where}\` needs a \`value\`.`);
  return { key: checkTagText(key, `${where}.key`), value: checkTagText(tagValue, `${where}.value`) };
}

function parseTagList(value: unknown, where: string, maxItems: number): WireTag[] {
  if (!Array.isArray(value)) throw commonError("INVALID_PARAMETER_TYPE", `\`${where}\` must be a list.`);
  if (value.length > maxItems) {
    throw commonError("INVALID_PARAMETER_EXCEED_LENGTH", `\`${where}\` allows at most ${maxItems} items.`);
  }
  return value.map((item) => parseTag(item, where));
}

/**
 * The `tags` a create sets, in the API's wrapper shape `{tags: [{key, value}]}`. Keys are unique
 * per resource: a key given twice is INVALID_PARAMETER_VALUE (our choice; the reference is silent).
 * @internal
 */
export function parseTagSet(params: Params, name: string): WireTag[] {
  const wrapper = params[name];
  if (wrapper === undefined || wrapper === null) return [];
  if (!isObject(wrapper)) throw commonError("INVALID_PARAMETER_TYPE", `\`${name}\` must be {tags: [...]}.`);
  const list = wrapper["tags"];
  const tags =
    list === undefined || list === null ? [] : parseTagList(list, `${name}.tags`, MAX_TAGS_PER_RESOURCE);
  if (new Set(tags.map((tag) => tag.key)).size !== tags.length) {
    throw commonError("INVALID_PARAMETER_VALUE", `\`${name}.tags\` gives a key twice.`);
  }
  return tags;
}

/**
 * The `tagKeys` and `tags` filters of the Describe actions, as one predicate over a resource's
 * tags. Our choice where the reference is silent: every listed key must be present, and every
 * listed pair must match exactly (AND, like the other filters); an empty list means no filter.
 * @internal
 */
export function tagFilter(params: Params): (tags: readonly WireTag[]) => boolean {
  const keys = optionalStringList(params, "tagKeys", MAX_TAG_FILTERS) ?? [];
  for (const key of keys) checkTagText(key, "tagKeys");
  const raw = params["tags"];
  const pairs = raw === undefined || raw === null ? [] : parseTagList(raw, "tags", MAX_TAG_FILTERS);
  return (tags) =>
    keys.every((key) => tags.some((tag) => tag.key === key)) &&
    pairs.every((pair) => tags.some((tag) => tag.key === pair.key && tag.value === pair.value));
}

/** An exact-match string filter; absent means "no filter". @internal */
export function exactFilter(params: Params, name: string): (value: string | null) => boolean {
  const wanted = optionalString(params, name);
  return (value) => wanted === undefined || value === wanted;
}
