/**
 * The tag rules: a NetworkInterface's `tags` in `check` and the lookups' tag filters obey
 * Zenlayer's model (1 to 64 characters, at most 50 tags per NIC including the package's own, at
 * most 20 of each filter) and refuse what cannot be meant, naming `tags` and the limit.
 */
import { checkNetworkInterfaceInputs, creationTag } from "../../../provider/core/networkInterface/inputs";
import { CREATION_TAG_KEY } from "../../../provider/core/networkInterface/inputs";
import { UNKNOWN_VALUE } from "../../../provider/core/inputValues";
import { TAG_LIMITS, tagFilterProblem } from "../../../provider/core/tags";
import { MAX_REQUEST_BYTES } from "../../../sdk/client/requestValidation";
import { expectSafeMessage, MB, UNMEANT_TEXTS } from "../support/hostileValues";

const base = { name: "eth1", subnetId: "3000000000000000001", creationKey: "p/s/eth1" };

function failuresFor(tags: unknown) {
  return checkNetworkInterfaceInputs({ ...base, tags }).failures ?? [];
}

/** The one failure `check` reports for `tags`, which must name `property`. */
function onlyFailure(tags: unknown, property: string): string {
  const failures = failuresFor(tags);
  expect(failures).toEqual([{ property, reason: expect.any(String) }]);
  return failures[0]?.reason ?? "";
}

function manyTags(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, "v"]));
}

describe("a NetworkInterface's tags in check", () => {
  it.each(UNMEANT_TEXTS)("refuses %s in a value, naming the tag and the character", (_label, text, char) => {
    const reason = onlyFailure({ env: text }, "tags.env");
    expectSafeMessage(reason, "tags.env");
    expect(reason).toContain(`must not hold control, invisible or bidirectional characters (${char} at`);
  });

  it.each(UNMEANT_TEXTS)("refuses %s in a key, showing the key escaped", (_label, text, char) => {
    const failures = failuresFor({ [text]: "prod" });
    expect(failures).toHaveLength(1);
    const [failure] = failures;
    expectSafeMessage(failure?.property ?? "", "tags.");
    expectSafeMessage(failure?.reason ?? "", "tags key");
    expect(failure?.reason).toContain(char);
  });

  it("says where the bad character is", () => {
    expect(onlyFailure({ env: "prod\u202e" }, "tags.env")).toContain("(U+202E at character 5)");
    expect(onlyFailure({ env: "\u{1f680}\u0000" }, "tags.env")).toContain("(U+0000 at character 2)");
  });

  it.each([" prod", "prod ", " "])("refuses leading or trailing spaces: %j", (text) => {
    expect(onlyFailure({ env: text }, "tags.env")).toMatch(/tags\.env must not start or end with a space/);
    expect(onlyFailure({ [text]: "prod" }, `tags.${text}`)).toMatch(/^tags key must not start or end/);
  });

  it("accepts 1 to 64 characters, counted as code points, with inner spaces and any script", () => {
    const tags = {
      a: "x".repeat(64),
      ["k".repeat(64)]: "1",
      rocket: "\u{1f680}".repeat(64),
      ["\u{1f680}".repeat(64)]: "rocket",
      owner: "José Núñez",
      成本中心: "研发 一部",
      combining: "Jose\u0301",
    };
    expect(failuresFor(tags)).toEqual([]);
  });

  it.each([
    ["65 characters", "x".repeat(65), 65],
    ["65 emoji (130 UTF-16 units)", "\u{1f680}".repeat(65), 65],
    ["300 KB", "x".repeat(300 * 1024), 300 * 1024],
    ["1 MB", "x".repeat(MB), MB],
  ])("refuses a value of %s, naming the limit and the length", (_label, text, length) => {
    const reason = onlyFailure({ env: text }, "tags.env");
    expectSafeMessage(reason, "tags.env");
    expect(reason).toContain(`must be 1 to 64 characters (Unicode code points); got ${length} characters`);
  });

  it("refuses a key of 65 characters and an empty key or value", () => {
    const long = "k".repeat(65);
    expect(failuresFor({ [long]: "v" })[0]?.reason).toMatch(/^tags key must be 1 to 64 characters .* got 65/);
    expect(onlyFailure({ "": "v" }, "tags.")).toBe(
      "tags key must be 1 to 64 characters (Unicode code points); got an empty string",
    );
    expect(onlyFailure({ env: "" }, "tags.env")).toMatch(
      /tags\.env must be 1 to 64 .*; got an empty string$/,
    );
  });

  it("refuses values that are not text, and tags that are not an object", () => {
    expect(onlyFailure({ env: 3 }, "tags.env")).toMatch(/^tags\.env must be 1 to 64 .* of text; got 3$/);
    expect(onlyFailure(["env"], "tags")).toMatch(/^tags must be an object of string values/);
  });

  it("allows 49 user tags and refuses 50, because the package adds its own creation tag", () => {
    expect(failuresFor(manyTags(49))).toEqual([]);
    expect(onlyFailure(manyTags(50), "tags")).toBe(
      `tags may hold at most 49 tags (Zenlayer allows 50 per NIC, and this package adds "${CREATION_TAG_KEY}"); got 50`,
    );
    expect(onlyFailure(manyTags(100_000), "tags")).toMatch(/; got 100000$/);
  });

  it("keeps the creation tag's key for the package", () => {
    expect(onlyFailure({ [CREATION_TAG_KEY]: "x" }, `tags.${CREATION_TAG_KEY}`)).toMatch(/is reserved/);
  });

  it("reports every bad tag at once, and lets values not known yet through", () => {
    const failures = failuresFor({ ok: "1", a: "", b: "x\u0000", c: UNKNOWN_VALUE });
    expect(failures.map((failure) => failure.property)).toEqual(["tags.a", "tags.b"]);
  });

  it("bounds the whole set: the largest one check accepts fits a request many times over", () => {
    // 49 tags, every key and value 64 characters of four UTF-8 bytes each (two digits make keys differ).
    const widest = "\u{1f680}".repeat(64);
    const key = (i: number) => `${String(i).padStart(2, "0")}${"\u{1f680}".repeat(62)}`;
    const tags = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [key(i), widest]));
    expect(failuresFor(tags)).toEqual([]);
    const inputs = { ...base, tags };
    const sent = [...Object.entries(tags).map(([key, value]) => ({ key, value })), creationTag(inputs)];
    const bytes = Buffer.byteLength(JSON.stringify({ tags: { tags: sent } }));
    expect(bytes).toBeLessThan(MAX_REQUEST_BYTES / 8);
  });
});

describe("the lookups' tag filters", () => {
  const keys = (count: number) => Array.from({ length: count }, (_, i) => `k${i}`);
  const pairs = (count: number) => keys(count).map((key) => ({ key, value: "v" }));

  it("accept up to 20 of each, and no filter at all", () => {
    expect(TAG_LIMITS.maxFilters).toBe(20);
    expect(tagFilterProblem({ tagKeys: keys(20), tags: pairs(20) })).toBeUndefined();
    expect(tagFilterProblem({})).toBeUndefined();
  });

  it.each([
    ["21 keys", { tagKeys: keys(21) }, "filter tagKeys may hold at most 20 items (Zenlayer's limit); got 21"],
    ["21 pairs", { tags: pairs(21) }, "filter tags may hold at most 20 items (Zenlayer's limit); got 21"],
    ["a key list that is text", { tagKeys: "env" }, 'filter tagKeys must be a list; got "env"'],
    [
      "one pair for the list",
      { tags: { key: "env", value: "prod" } },
      "filter tags must be a list; got an object",
    ],
    ["a pair that is text", { tags: ["env"] }, 'filter tags[0] must be { key, value }; got "env"'],
    [
      "an empty key",
      { tagKeys: ["env", ""] },
      "filter tagKeys[1] must be 1 to 64 characters (Unicode code points); got an empty string",
    ],
    [
      "a pair without value",
      { tags: [{ key: "env" }] },
      "filter tags[0].value must be 1 to 64 characters (Unicode code points) of text; got nothing",
    ],
  ])("refuse %s, naming the filter", (_label, filters, message) => {
    expect(tagFilterProblem(filters)).toBe(message);
  });

  it.each(UNMEANT_TEXTS)(
    "refuse %s in a key or value, naming the filter and the item",
    (_label, text, char) => {
      for (const [filters, name] of [
        [{ tagKeys: ["env", text] }, "filter tagKeys[1]"],
        [{ tags: [{ key: text, value: "prod" }] }, "filter tags[0].key"],
        [
          {
            tags: [
              { key: "env", value: "prod" },
              { key: "env", value: text },
            ],
          },
          "filter tags[1].value",
        ],
      ] as const) {
        const problem = tagFilterProblem(filters) ?? "";
        expectSafeMessage(problem, name);
        expect(problem).toContain(char);
      }
    },
  );

  it("refuse a megabyte key with its length, in a message of bounded size", () => {
    const problem = tagFilterProblem({ tags: [{ key: "x".repeat(MB), value: "v" }] }) ?? "";
    expectSafeMessage(problem, "filter tags[0].key");
    expect(problem).toContain(`got ${MB} characters`);
  });
});
