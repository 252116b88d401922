/**
 * On-disk programs in YAML, Go and Python, each the smallest program of its language (an output
 * and no resources, in fixtures/<language>-program), run by the CLI through that language's host
 * with a file backend: `pulumi up` exports the output, `pulumi destroy` empties the stack. Each
 * block is skipped, with the reason, where scripts/ensure-pulumi reports that the machine cannot
 * run that language (no host, no `go`, no Python that makes virtual environments).
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { ProgramLanguage } from "../../scripts/lib/languageReport";
import {
  createLocalWorkspaceEnv,
  ENSURE_PULUMI_TIMEOUT_MS,
  ensurePulumiCli,
} from "../../scripts/lib/pulumiCli";
import type { PulumiCli } from "../../scripts/lib/pulumiCli";
import { describeLanguage, requireLanguage } from "./support/languageAvailability";

const execFileAsync = promisify(execFile);
const STACK = "e2e";

/** One run of scripts/ensure-pulumi for all the blocks of this file. */
let cliOnce: Promise<PulumiCli> | undefined;
const sharedCli = (): Promise<PulumiCli> => (cliOnce ??= ensurePulumiCli());

interface LanguageCase {
  readonly language: ProgramLanguage;
  /** `pulumi` commands a user runs after `stack init` and before `up`. */
  readonly prepare: readonly (readonly string[])[];
  /**
   * The first Go run compiles the Pulumi SDK (a few minutes on two busy cores; the Go build cache
   * keeps it); the first Python run downloads the SDK from PyPI into the program's venv.
   */
  readonly timeoutMs: number;
}

const CASES: readonly LanguageCase[] = [
  { language: "yaml", prepare: [], timeoutMs: 3 * 60_000 },
  { language: "go", prepare: [], timeoutMs: 15 * 60_000 },
  // `pulumi install` makes the venv Pulumi.yaml names and installs requirements.txt into it.
  { language: "python", prepare: [["install"]], timeoutMs: 10 * 60_000 },
];

/**
 * The environment a user's shell would give `pulumi`: jest's, without any `PULUMI_*` or
 * `ZENLAYER*` variable, plus a private file backend and Pulumi home. Go stays on the local
 * toolchain, so building the program never downloads one.
 */
async function programEnv(dir: string): Promise<NodeJS.ProcessEnv> {
  const inherited = Object.entries(process.env).filter(([name]) => !/^(PULUMI_|ZENLAYER)/.test(name));
  return { ...Object.fromEntries(inherited), ...(await createLocalWorkspaceEnv(dir)), GOTOOLCHAIN: "local" };
}

/** Runs `pulumi <args>` in `cwd`; throws with its output unless it succeeds. */
async function pulumi(cli: PulumiCli, cwd: string, env: NodeJS.ProcessEnv, args: readonly string[]) {
  try {
    return await execFileAsync(path.join(cli.root, "bin", "pulumi"), [...args], {
      cwd,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`pulumi ${args.join(" ")} failed\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`, {
      cause: error,
    });
  }
}

for (const { language, prepare, timeoutMs } of CASES) {
  describeLanguage(language, `an on-disk ${language} program, run with \`pulumi\``, () => {
    let cli: PulumiCli;
    let dir: string;
    let project: string;
    let env: NodeJS.ProcessEnv;
    const run = (args: readonly string[]) => pulumi(cli, project, env, args);
    const onStack = (...args: string[]) => [...args, "--stack", STACK, "--non-interactive"];

    beforeAll(async () => {
      cli = await sharedCli();
      requireLanguage(cli.root, language);
      dir = await mkdtemp(path.join(tmpdir(), `pulumi-zenlayer-${language}-`));
      project = path.join(dir, "project");
      await cp(path.join(__dirname, "fixtures", `${language}-program`), project, { recursive: true });
      env = await programEnv(dir);
    }, ENSURE_PULUMI_TIMEOUT_MS);

    afterAll(async () => {
      if (dir !== undefined) {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it(
      "`pulumi up` exports the program's output, and `pulumi destroy` leaves the stack empty",
      async () => {
        await run(["stack", "init", STACK, "--non-interactive"]);
        for (const args of prepare) {
          await run(args);
        }
        await run(onStack("up", "--yes"));
        const outputs: unknown = JSON.parse((await run(onStack("stack", "output", "--json"))).stdout);
        expect(outputs).toEqual({ greeting: `hello from ${language} on ${STACK}` });

        await run(onStack("destroy", "--yes"));
        const state = JSON.parse((await run(onStack("stack", "export"))).stdout) as {
          deployment: { resources?: unknown[] };
        };
        expect(state.deployment.resources ?? []).toEqual([]);
      },
      timeoutMs,
    );
  });
}
