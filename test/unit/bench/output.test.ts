import { insertRunBlock } from "../../../scripts/bench/doc";
import {
  actions,
  lagText,
  ratio,
  seconds,
  sweepTable,
  table,
  timesTable,
} from "../../../scripts/bench/report";
import { escapeXml, niceStep, timelineSvg } from "../../../scripts/bench/svg";
import { parallelLabel, parseParallel } from "../../../scripts/bench/scenarios";
import { phaseFigures, scenarioFigures } from "./support/figures";

describe("the report's figures", () => {
  it("shows seconds with one decimal, and says so when a figure is missing or never came", () => {
    expect(seconds(1234)).toBe("1.2");
    expect(seconds(undefined)).toBe("–");
    expect(seconds(Number.NaN)).toBe("–");
    expect(seconds(Number.POSITIVE_INFINITY)).toBe("never");
    expect(ratio(1.234)).toBe("1.23×");
    expect(ratio(Number.NaN)).toBe("–");
    expect(lagText({ median: 400, max: 1500 })).toBe("0.4 / 1.5");
    expect(lagText(undefined)).toBe("–");
  });

  it("lists API calls by action with short names, alphabetically by full name", () => {
    expect(
      actions({ DetachNetworkInterface: 1, AttachNetworkInterface: 1, DescribeNetworkInterfaces: 3 }),
    ).toBe("Attach 1, Describe 3, Detach 1");
  });

  it("writes a Markdown table with the figures right-aligned", () => {
    expect(table(["a", "b"], [["x", "1"]])).toBe("| a | b |\n| --- | ---: |\n| x | 1 |");
  });

  it("round-trips --parallel between its label and its value", () => {
    for (const value of [undefined, 32, 2147483647]) expect(parseParallel(parallelLabel(value))).toBe(value);
    expect(() => parseParallel("0")).toThrow("positive integer");
  });
});

describe("the scenario tables", () => {
  const s2 = scenarioFigures(phaseFigures(6000), phaseFigures(7000));

  it("puts up and destroy side by side: wall, empty, package, bound and their ratio", () => {
    expect(timesTable([s2]).split("\n")[2]).toBe(
      "| S2: 24 attachments | 32 | 6.0 / 7.0 | 2.0 / 2.0 | 4.0 / 5.0 | 2.0 / 2.0 | 2.00× / 2.50× |",
    );
  });

  it("shows in the --parallel comparison what limited each run", () => {
    expect(sweepTable([s2]).split("\n")[2]).toBe(
      "| S2 | 32 | 6.0 / 7.0 | 4.0 / 5.0 | 2.00× / 2.50× | 8 / 8 | 2.5 / 2.5 | 0.5 / 0.5 | Attach 24, Describe 14, Detach 24 | 0 | 0 |",
    );
  });
});

describe("insertRunBlock", () => {
  const chaos = "# Benchmarks\n\n## Chaos\n\nold figures\n";

  it("creates the engine section above the Chaos section, which stays as it is", () => {
    const once = insertRunBlock(chaos, "### run 1\n");
    expect(once.indexOf("## Engine benchmark")).toBeLessThan(once.indexOf("## Chaos"));
    expect(once.endsWith("## Chaos\n\nold figures\n")).toBe(true);
    expect(once).toContain("### run 1");
  });

  it("puts a later run first and keeps the earlier one", () => {
    const twice = insertRunBlock(insertRunBlock(chaos, "### run 1\n"), "### run $& 2\n");
    expect(twice.indexOf("### run $& 2")).toBeLessThan(twice.indexOf("### run 1"));
    expect(twice.match(/## Engine benchmark/g)).toHaveLength(1);
  });
});

describe("escapeXml", () => {
  it("escapes the five XML specials", () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
  });

  it("drops the control characters XML 1.0 forbids and keeps tab, line feed and carriage return", () => {
    expect(escapeXml("a\u0000b\u0008c\u000bd\u001fe\tf\ng\rh")).toBe("abcde\tf\ng\rh");
  });

  it("leaves other text, non-ASCII included, as it is", () => {
    expect(escapeXml("up — 100 NICs ×2")).toBe("up — 100 NICs ×2");
  });
});

describe("niceStep", () => {
  it("picks 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(100, 4)).toBe(50);
    expect(niceStep(37, 12)).toBe(5);
    expect(niceStep(3, 4)).toBe(1);
  });
});

describe("timelineSvg", () => {
  const svg = timelineSvg({
    title: "F <fleet> & co",
    startMs: 0,
    endMs: 4000,
    requests: [
      { receivedAtMs: 100, action: "AttachNetworkInterface", status: 200, body: {} },
      { receivedAtMs: 1500, action: "DescribeNetworkInterfaces", status: 429, body: {} },
    ],
    statusPoints: [
      { atMs: 0, counts: { AVAILABLE: 1, ATTACHING: 0, USED: 0, DETACHING: 0 } },
      { atMs: 100, counts: { AVAILABLE: 0, ATTACHING: 1, USED: 0, DETACHING: 0 } },
    ],
    marks: [{ atMs: 2000, label: "destroy" }],
  });

  it("is one SVG document with the title escaped", () => {
    expect(svg.startsWith('<?xml version="1.0"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain("F &lt;fleet&gt; &amp; co");
    expect(svg).not.toContain("<fleet>");
  });

  it("draws a bar per category with requests, a line per status and the marks", () => {
    expect(svg).toContain('fill="#59a14f"'); // the attach bar
    expect(svg).toContain('fill="#e15759"'); // the 429 bar
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg).toContain(">destroy</text>");
  });
});
