/**
 * How a value someone else supplied is shown in a message: escaped, so a terminal or log viewer
 * cannot be steered by it, and short, so a megabyte of input cannot become a megabyte of output.
 * Every message that echoes a user's (or a caller's) value goes through {@link displayValue}.
 * @packageDocumentation
 */

/**
 * How many characters of escaped text are shown before the rest is cut: enough for any Zenlayer
 * id or duration with room to spare, small enough that one bad value never floods a line.
 * @internal
 */
export const MAX_SHOWN_CHARACTERS = 64;

/**
 * Characters that must not reach a terminal as they are: control characters (NUL, BEL, ESC, which
 * starts ANSI sequences, DEL and the C1 range), format characters (zero-width spaces and joiners,
 * bidirectional overrides and isolates, the byte-order mark, tag characters), private-use,
 * unassigned and lone surrogate code points, line and paragraph separators, spaces other than
 * U+0020, the quote and backslash (so the quoted text cannot be closed early), and whatever else
 * Unicode says renders as nothing (Default_Ignorable_Code_Point: Hangul fillers, variation
 * selectors, the combining grapheme joiner and more).
 */
const NEEDS_ESCAPE =
  /^(?:[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}"\\]|(?! )\p{Zs})$/u;

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/**
 * One code point as shown: itself, or an escape that names it (`\u001b`, `\u{e0041}`). Outside
 * quotes, a quote or backslash is harmless and stays as it is.
 */
function escapeCodePoint(char: string, quoted: boolean): string {
  if (!NEEDS_ESCAPE.test(char) || (!quoted && (char === '"' || char === "\\"))) return char;
  const short = SHORT_ESCAPES[char];
  if (short !== undefined) return short;
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16);
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}

/**
 * Text escaped code point by code point (surrogate pairs stay whole; a lone surrogate is escaped
 * like any other invisible code point) and cut after `max` characters of escaped text with a
 * marker that says how long the whole was.
 */
function escaped(
  text: string,
  max: number,
  quoted: boolean,
): { readonly shown: string; readonly cut: boolean } {
  let shown = "";
  for (const char of text) {
    const piece = escapeCodePoint(char, quoted);
    if (shown.length + piece.length > max) return { shown, cut: true };
    shown += piece;
  }
  return { shown, cut: false };
}

/** A string in double quotes, escaped and cut (see {@link escaped}). */
function quoteString(text: string): string {
  const { shown, cut } = escaped(text, MAX_SHOWN_CHARACTERS, true);
  return cut ? `"${shown}…" (${String(text.length)} characters in all)` : `"${shown}"`;
}

/**
 * Text from the other side of the wire (an id, a status or a message in Zenlayer's answer, which a
 * hostile or broken endpoint controls), escaped and cut like {@link displayValue} but unquoted,
 * for messages that show it as part of a sentence.
 * @internal
 */
export function displayText(text: string, max: number = MAX_SHOWN_CHARACTERS): string {
  const { shown, cut } = escaped(text, max, false);
  return cut ? `${shown}…` : shown;
}

/**
 * A value as a message shows it: a string quoted and escaped (see {@link quoteString}), so that
 * leading spaces, an empty string and invisible characters are visible; a number, boolean or
 * `null` as written; `undefined` as `nothing`; anything else by its kind alone (`an array of 2 items`, `an object`),
 * because its contents could be arbitrarily large or hostile. Never longer than about 100
 * characters, and never containing a control, format or invisible character.
 * @internal
 */
export function displayValue(value: unknown): string {
  if (typeof value === "string") return quoteString(value);
  if (value === undefined) return "nothing";
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    return `an array of ${String(value.length)} item${value.length === 1 ? "" : "s"}`;
  }
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
