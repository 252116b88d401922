/**
 * Values a program, a hand-edited state or a careless caller can hand over where an id belongs,
 * and the properties every message about them must have. Shared by the provider's and the
 * client's hostile-input tests, so both face the same table.
 */

/** One megabyte. */
export const MB = 1024 * 1024;

/** `[label, value]` pairs that are no Zenlayer id, whatever else they are. */
export const HOSTILE_IDS: readonly (readonly [string, unknown])[] = [
  ["NUL", "1475\u00009"],
  ["BEL", "1475\u0007"],
  ["ANSI escape", "\u001b[31mred\u001b[0m"],
  ["zero-width space", "1475945014486896967\u200b"],
  ["right-to-left override", "\u202e7696984410549574"],
  ["double quotes", '"1475945014486896967"'],
  ["single quote", "1475'"],
  ["JSON fragment", '1","instanceId":"2'],
  ["newline", "1475\n945"],
  ["leading and trailing spaces", " 1475945014486896967 "],
  ["1 MB of digits", "1".repeat(MB)],
  ["1 MB of escape characters", "\u001b".repeat(MB)],
  ["empty string", ""],
  ["number", 42],
  ["array", ["1475945014486896967"]],
  ["object", { id: "1475945014486896967" }],
];

/** Valid ids of the shape Zenlayer issues (and the shortest and longest the provider accepts). */
export const VALID_IDS: readonly string[] = ["1", "1475945014486896967", "9".repeat(32)];

/**
 * Anything a terminal would act on or hide: control characters (ESC among them), format
 * characters (zero-width, bidi), line separators, and spaces other than the plain one.
 */
const UNSAFE_CHARACTER = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

/** The longest a message about one bad value may be: its text plus a cut-short echo. */
export const MAX_MESSAGE_LENGTH = 600;

/**
 * Fails unless `message` names `property`, holds no character a terminal would act on or hide,
 * and stays short whatever the value's size.
 */
export function expectSafeMessage(message: string, property: string): void {
  expect(message).toContain(property);
  expect(message).not.toMatch(UNSAFE_CHARACTER);
  expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
}

/**
 * `[label, text, first bad character]`: text no person can mean in a name or label, because a
 * terminal acts on it or every listing hides it. Each is otherwise short and printable, so only
 * the character itself can be the reason it is refused.
 */
export const UNMEANT_TEXTS: readonly (readonly [string, string, string])[] = [
  ["NUL", "a\u0000b", "U+0000"],
  ["BEL", "prod\u0007", "U+0007"],
  ["ANSI escape", "\u001b[31mred\u001b[0m", "U+001B"],
  ["CRLF", "a\r\nb", "U+000D"],
  ["tab", "a\tb", "U+0009"],
  ["DEL", "a\u007f", "U+007F"],
  ["C1 CSI", "a\u009b31m", "U+009B"],
  ["zero-width space", "prod\u200b", "U+200B"],
  ["zero-width joiner", "a\u200db", "U+200D"],
  ["byte-order mark", "\ufeffprod", "U+FEFF"],
  ["right-to-left override", "\u202eprod", "U+202E"],
  ["right-to-left isolate", "\u2067prod", "U+2067"],
  ["soft hyphen", "pro\u00add", "U+00AD"],
  ["Hangul filler", "a\u3164b", "U+3164"],
  ["variation selector", "a\ufe0fb", "U+FE0F"],
  ["invisible tag character", "a\u{e0041}", "U+E0041"],
  ["line separator", "a\u2028b", "U+2028"],
  ["paragraph separator", "a\u2029b", "U+2029"],
  ["no-break space", "a\u00a0b", "U+00A0"],
  ["ideographic space", "a\u3000b", "U+3000"],
  ["private-use character", "a\ue000", "U+E000"],
  ["noncharacter", "a\uffff", "U+FFFF"],
  ["lone surrogate", "a\ud800", "U+D800"],
];
