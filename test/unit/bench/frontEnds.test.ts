/**
 * The native front end of the bench (issue 17): the YAML program it runs, the table that sets it
 * against the dynamic one, and the targets judged on both and on the plugin's start-up.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { startupSummary } from "../../../scripts/bench/analysis";
import { DYNAMIC_FRONT_END, nativeFrontEnd } from "../../../scripts/bench/frontEnds";
import { callsTable, frontEndTable, startupText } from "../../../scripts/bench/report";
import type { ScenarioFigures } from "../../../scripts/bench/results";
import { F, NOOP, S1 } from "../../../scripts/bench/scenarios";
import { frontEndChecks, startupChecks } from "../../../scripts/bench/targets";
import { yamlProgram } from "../../../scripts/bench/yamlProgram";
import { phaseFigures, scenarioFigures } from "./support/figures";

const ATTACHMENTS = [
  { name: "nic-0", nicId: "1000000000000000001", instanceId: "2000000000000000001" },
  { name: "nic-1", nicId: "1000000000000000002", instanceId: "2000000000000000001" },
];

describe("yamlProgram", () => {
  it("declares each attachment under its name, with the ids as strings (YAML would read them as numbers)", () => {
    expect(yamlProgram("bench", ATTACHMENTS)).toBe(
      [
        'name: "bench"',
        "runtime: yaml",
        "resources:",
        '  "nic-0":',
        "    type: zenlayer:zec:NetworkInterfaceAttachment",
        "    properties:",
        '      nicId: "1000000000000000001"',
        '      instanceId: "2000000000000000001"',
        '  "nic-1":',
        "    type: zenlayer:zec:NetworkInterfaceAttachment",
        "    properties:",
        '      nicId: "1000000000000000002"',
        '      instanceId: "2000000000000000001"',
        "",
      ].join("\n"),
    );
  });

  it("is the empty program without attachments, and refuses what it cannot say", () => {
    expect(yamlProgram("bench", [])).toBe('name: "bench"\nruntime: yaml\nresources: {}\n');
    expect(() => yamlProgram("bench", [{ ...ATTACHMENTS[0]!, nicIdFromOutput: true }])).toThrow("nic-0");
  });
});

describe("the front ends' programs", () => {
  it("gives the dynamic front end's attachments and no-ops to the inline program", async () => {
    expect(await DYNAMIC_FRONT_END.program("s1-1", S1, ATTACHMENTS)).toEqual({ attachments: ATTACHMENTS });
    expect(await DYNAMIC_FRONT_END.program("n-2", NOOP, [])).toEqual({ attachments: [], noops: 1 });
  });

  it("writes the native front end's YAML program into a folder of the stack's own", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "bench-front-ends-"));
    try {
      const native = nativeFrontEnd(dir);
      const command = await native.program("f-3", F, ATTACHMENTS);
      expect(command).toEqual({ programDir: path.join(dir, "f-3") });
      const text = await readFile(path.join(dir, "f-3", "Pulumi.yaml"), "utf8");
      expect(text).toBe(yamlProgram("zenlayer-bench-native", ATTACHMENTS));
      await expect(native.program("n-4", NOOP, [])).rejects.toThrow("no-op");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** S1 or F on one front end: package = wall − empty, against a 2 s lower bound. */
function run(
  id: string,
  frontEnd: ScenarioFigures["frontEnd"],
  upMs: number,
  destroyMs: number,
  emptyMs: number,
) {
  return scenarioFigures(phaseFigures(upMs, emptyMs), phaseFigures(destroyMs, emptyMs), {
    id,
    title: id === "S1" ? "one attachment" : "fleet",
    frontEnd,
    parallel: undefined,
  });
}

describe("frontEndTable", () => {
  it("puts each scenario's dynamic row above its native row, which has native / dynamic package time", () => {
    const dynamic = [run("S1", "dynamic", 6000, 5000, 2000)];
    const native = [run("S1", "native", 4500, 4000, 2000)];
    expect(frontEndTable(dynamic, native).split("\n").slice(2)).toEqual([
      "| S1: one attachment | dynamic (TypeScript) | 6.0 / 5.0 | 2.0 / 2.0 | 4.0 / 3.0 | 2.0 / 2.0 | 2.00× / 1.50× |  |",
      "| S1: one attachment | native (YAML on the plugin) | 4.5 / 4.0 | 2.0 / 2.0 | 2.5 / 2.0 | 2.0 / 2.0 | 1.25× / 1.00× | 0.63× / 0.67× |",
    ]);
  });
});

describe("the calls table", () => {
  it("names the native front end's rows, which it lists beside the dynamic ones", () => {
    const rows = callsTable([run("S1", "dynamic", 6000, 5000, 2000), run("S1", "native", 4500, 4000, 2000)]);
    expect(
      rows
        .split("\n")
        .slice(2)
        .map((row) => row.split(" | ")[0]),
    ).toEqual(["| S1", "| S1 (native)"]);
  });
});

describe("frontEndChecks", () => {
  const byId = (runs: ScenarioFigures[]) => new Map(runs.map((f) => [f.id, f]));
  const dynamic = byId([run("S1", "dynamic", 6000, 5000, 2000), run("F", "dynamic", 40_000, 38_000, 2000)]);

  it("judges native S1 against 1.5 × its bound, and native against dynamic package time on S1 and F", () => {
    const native = byId([run("S1", "native", 5000, 5500, 1000), run("F", "native", 30_000, 39_000, 1000)]);
    expect(frontEndChecks(dynamic, native).map((c) => [c.target, c.measured, c.met])).toEqual([
      ["S1 native up: package ≤ 1.5 × lower bound", "2.00×", false],
      ["S1 native destroy: package ≤ 1.5 × lower bound", "2.25×", false],
      ["S1 up: native package ≤ dynamic package", "4.0 s vs 4.0 s (1.00×)", true],
      ["S1 destroy: native package ≤ dynamic package", "4.5 s vs 3.0 s (1.50×)", false],
      ["F up: native package ≤ dynamic package", "29.0 s vs 38.0 s (0.76×)", true],
      ["F destroy: native package ≤ dynamic package", "38.0 s vs 36.0 s (1.06×)", false],
    ]);
  });

  it("meets nothing when the native front end did not run", () => {
    expect(frontEndChecks(dynamic, { skipped: "no YAML host" })).toEqual([
      { target: "native front end (YAML on the plugin) measured", measured: "skipped", met: false },
    ]);
  });
});

describe("startupChecks", () => {
  it("judges the median and the 95th percentile of the launches against 300 ms", () => {
    const startup = startupSummary([...Array.from({ length: 18 }, () => 200), 300, 301]);
    expect(startupChecks(startup).map((c) => [c.target, c.measured, c.met])).toEqual([
      ["plugin ready ≤ 300 ms after launch (median of 20)", "200 ms", true],
      ["plugin ready ≤ 300 ms after launch (p95 of 20)", "300 ms", true],
    ]);
    expect(startupChecks(startupSummary([250, 310, 320])).map((c) => c.met)).toEqual([false, false]);
    expect(startupText(startup)).toBe("median 200 ms, p95 300 ms (min 200 ms, max 301 ms; 20 launches)");
  });
});
