/** The report of runnable languages that scripts/ensure-pulumi writes, as the tests read it. */
import {
  languageUnavailableReason,
  parseLanguageReport,
  PROGRAM_LANGUAGES,
} from "../../../scripts/lib/languageReport";

const SOURCE = "/cache/pulumi-v3.248.0-abc/languages.json";

/** A report as the script writes it, with `overrides` replacing whole language entries. */
function reportText(overrides: Record<string, unknown> = {}): string {
  const languages: Record<string, unknown> = {
    nodejs: { available: true, host: "/root/bin/pulumi-language-nodejs", detail: "node v20.19.0 on PATH" },
    yaml: { available: true, host: "/root/bin/pulumi-language-yaml", detail: "the host needs nothing else" },
    go: { available: false, host: null, detail: "no pulumi-language-go beside /root/bin/pulumi or on PATH" },
    python: {
      available: false,
      host: "/root/bin/pulumi-language-python",
      detail: "no python3 or python on PATH",
    },
    ...overrides,
  };
  return JSON.stringify({ pulumiVersion: "3.248.0", languages });
}

describe("parseLanguageReport", () => {
  it("reads every language's status", () => {
    const report = parseLanguageReport(reportText(), SOURCE);
    expect(report.pulumiVersion).toBe("3.248.0");
    expect(Object.keys(report.languages).sort()).toEqual([...PROGRAM_LANGUAGES].sort());
    expect(report.languages.go).toEqual({
      available: false,
      host: null,
      detail: "no pulumi-language-go beside /root/bin/pulumi or on PATH",
    });
    expect(report.languages.yaml.host).toBe("/root/bin/pulumi-language-yaml");
  });

  it("refuses text that is not JSON, naming the file", () => {
    expect(() => parseLanguageReport("{ half", SOURCE)).toThrow(`${SOURCE} is not JSON`);
  });

  it("refuses a report without the version or the languages", () => {
    expect(() => parseLanguageReport(JSON.stringify({ languages: {} }), SOURCE)).toThrow(
      /has no "pulumiVersion" string and "languages" object/,
    );
    expect(() =>
      parseLanguageReport(JSON.stringify({ pulumiVersion: "3.248.0", languages: [] }), SOURCE),
    ).toThrow(/"languages" object/);
  });

  it("refuses a report that lacks a language, naming it", () => {
    const { languages } = JSON.parse(reportText()) as { languages: Record<string, unknown> };
    const text = JSON.stringify({ pulumiVersion: "3.248.0", languages: { ...languages, yaml: undefined } });
    expect(() => parseLanguageReport(text, SOURCE)).toThrow(`${SOURCE}: languages.yaml is not`);
  });

  it.each([
    ["available as a string", { available: "yes", host: null, detail: "x" }],
    ["a numeric host", { available: true, host: 1, detail: "x" }],
    ["no detail", { available: true, host: null }],
  ])("refuses a status with %s", (_case, status) => {
    expect(() => parseLanguageReport(reportText({ python: status }), SOURCE)).toThrow(
      `${SOURCE}: languages.python is not { available: boolean, host: string | null, detail: string }`,
    );
  });
});

describe("languageUnavailableReason", () => {
  const report = parseLanguageReport(reportText(), SOURCE);

  it("gives no reason for a language that can run", () => {
    expect(languageUnavailableReason(report, "yaml")).toBeUndefined();
  });

  it("names the language and the script's reason for one that cannot", () => {
    expect(languageUnavailableReason(report, "python")).toBe(
      "on-disk python programs cannot run here: no python3 or python on PATH",
    );
  });
});
