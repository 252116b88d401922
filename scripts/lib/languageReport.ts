import { readFileSync } from "node:fs";
import * as path from "node:path";

/** The languages `scripts/ensure-pulumi` reports on: those of on-disk programs it can provide hosts for. */
export const PROGRAM_LANGUAGES = ["nodejs", "yaml", "go", "python"] as const;

/** A language of on-disk programs; see {@link PROGRAM_LANGUAGES}. */
export type ProgramLanguage = (typeof PROGRAM_LANGUAGES)[number];

/**
 * The file `scripts/ensure-pulumi` writes into the CLI's root at the end of every run. The script
 * is the one place that knows what it built and linked, so tests read this instead of guessing.
 */
export const LANGUAGE_REPORT_FILE = "languages.json";

/** Whether the CLI runs on-disk programs of one language on this machine. */
export interface LanguageStatus {
  readonly available: boolean;
  /** The language host the CLI would start; null when there is none. */
  readonly host: string | null;
  /** What the host runs programs with when available (e.g. "go1.26.8 on PATH"); else why not. */
  readonly detail: string;
}

/** The contents of {@link LANGUAGE_REPORT_FILE}. */
export interface LanguageReport {
  /** The CLI version the report was made for. */
  readonly pulumiVersion: string;
  readonly languages: Readonly<Record<ProgramLanguage, LanguageStatus>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseStatus(value: unknown, where: string): LanguageStatus {
  if (
    !isRecord(value) ||
    typeof value["available"] !== "boolean" ||
    (value["host"] !== null && typeof value["host"] !== "string") ||
    typeof value["detail"] !== "string"
  ) {
    throw new Error(`${where} is not { available: boolean, host: string | null, detail: string }`);
  }
  return { available: value["available"], host: value["host"], detail: value["detail"] };
}

/**
 * Reads the report's JSON text; `source` (its path) names it in errors. A report without one of
 * the {@link PROGRAM_LANGUAGES} is refused: it would come from another version of the script.
 */
export function parseLanguageReport(text: string, source: string): LanguageReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not JSON (${(error as Error).message}); re-run scripts/ensure-pulumi`, {
      cause: error,
    });
  }
  if (!isRecord(parsed) || typeof parsed["pulumiVersion"] !== "string" || !isRecord(parsed["languages"])) {
    throw new Error(
      `${source} has no "pulumiVersion" string and "languages" object; re-run scripts/ensure-pulumi`,
    );
  }
  const listed = parsed["languages"];
  const entries = PROGRAM_LANGUAGES.map(
    (language) => [language, parseStatus(listed[language], `${source}: languages.${language}`)] as const,
  );
  return {
    pulumiVersion: parsed["pulumiVersion"],
    languages: Object.fromEntries(entries) as Record<ProgramLanguage, LanguageStatus>,
  };
}

/** The report in the CLI root `root`, as the last run of `scripts/ensure-pulumi` for it wrote it. */
export function readLanguageReport(root: string): LanguageReport {
  const file = path.join(root, LANGUAGE_REPORT_FILE);
  return parseLanguageReport(readFileSync(file, "utf8"), file);
}

/** Why on-disk programs of `language` cannot run, by the report; undefined when they can. */
export function languageUnavailableReason(
  report: LanguageReport,
  language: ProgramLanguage,
): string | undefined {
  const status = report.languages[language];
  return status.available ? undefined : `on-disk ${language} programs cannot run here: ${status.detail}`;
}
