/** The one way a user's value appears in a message: quoted, escaped, bounded. */
import { displayValue, MAX_SHOWN_CHARACTERS } from "../../../sdk/util/displayValue";

describe("displayValue", () => {
  it.each([
    ["plain text", "1475945014486896967", '"1475945014486896967"'],
    ["empty string", "", '""'],
    ["spaces", " 12 ", '" 12 "'],
    ["NUL and BEL", "a\u0000b\u0007", '"a\\u0000b\\u0007"'],
    ["an ANSI colour", "\u001b[31mred\u001b[0m", '"\\u001b[31mred\\u001b[0m"'],
    ["newline, return, tab", "a\nb\rc\td", '"a\\nb\\rc\\td"'],
    ["quotes and backslashes", 'say "hi" \\o/', '"say \\"hi\\" \\\\o/"'],
    ["a zero-width space and joiner", "a\u200bb\u200dc", '"a\\u200bb\\u200dc"'],
    ["a right-to-left override and isolate", "\u202eabc\u2067", '"\\u202eabc\\u2067"'],
    ["a byte-order mark", "\ufeff1", '"\\ufeff1"'],
    ["a no-break and an ideographic space", "a\u00a0b\u3000c", '"a\\u00a0b\\u3000c"'],
    ["a line separator", "a\u2028b", '"a\\u2028b"'],
    ["C1 controls and DEL", "\u009b31m\u007f", '"\\u009b31m\\u007f"'],
    ["a Hangul filler and variation selector", "a\u3164b\ufe0f", '"a\\u3164b\\ufe0f"'],
    ["an invisible tag character", "a\u{e0041}", '"a\\u{e0041}"'],
    ["a lone surrogate", "a\ud800", '"a\\ud800"'],
    ["visible non-ASCII text", "测试-实例 ✓ 😀", '"测试-实例 ✓ 😀"'],
  ])("shows %s", (_label, value, shown) => {
    expect(displayValue(value)).toBe(shown);
  });

  it.each([
    [42, "42"],
    [true, "true"],
    [null, "null"],
    [undefined, "nothing"],
    [["5s"], "an array of 1 item"],
    [[1, 2], "an array of 2 items"],
    [{ a: 1 }, "an object"],
    [() => 1, "a function"],
  ])("shows %p as %s", (value, shown) => {
    expect(displayValue(value)).toBe(shown);
  });

  it("cuts long text after the limit, at an escape boundary, and says how long it was", () => {
    const shown = displayValue("\u001b".repeat(1024 * 1024));
    expect(shown).toBe(`"${"\\u001b".repeat(10)}…" (1048576 characters in all)`);
    expect(displayValue("1".repeat(MAX_SHOWN_CHARACTERS))).toBe(`"${"1".repeat(MAX_SHOWN_CHARACTERS)}"`);
    expect(displayValue("1".repeat(MAX_SHOWN_CHARACTERS + 1))).toMatch(/…" \(65 characters in all\)$/);
  });

  it("never splits a surrogate pair", () => {
    const shown = displayValue("😀".repeat(100));
    expect(shown).toBe(`"${"😀".repeat(32)}…" (200 characters in all)`);
  });
});
