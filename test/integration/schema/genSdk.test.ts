/**
 * The package schema through the real Pulumi CLI: `pulumi package gen-sdk --language nodejs` takes
 * it without an error or a warning, and the SDK it writes has the package name, plugin name and
 * resources the schema says, and type-checks against the `@pulumi/pulumi` this repository uses.
 * Skipped, with the reason, on a machine where no CLI or no Node.js language host (gen-sdk runs the
 * language's plugin) can be had.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { packageSchema, SDK_PACKAGE_NAMES } from "../../../provider/core/schema/packageSchema";
import { ENSURE_PULUMI_TIMEOUT_MS, ensurePulumiCli, REPO_ROOT } from "../../../scripts/lib/pulumiCli";
import type { PulumiCli } from "../../../scripts/lib/pulumiCli";
import { genSdkSkipReason } from "../../e2e/support/cliAvailability";

const execFileAsync = promisify(execFile);
const VERSION = "0.1.0";
const GEN_SDK_TIMEOUT_MS = 120_000;

const reason = genSdkSkipReason();
const describeWithCli = reason === undefined ? describe : describe.skip;

describeWithCli(`pulumi package gen-sdk${reason === undefined ? "" : ` (skipped: ${reason})`}`, () => {
  let cli: PulumiCli;
  let dir: string;
  let sdk: string;
  let output: string;

  beforeAll(async () => {
    cli = await ensurePulumiCli();
    if (cli.languageHost === undefined)
      throw new Error(`no pulumi-language-nodejs beside ${cli.root}/bin/pulumi`);
    dir = await mkdtemp(path.join(tmpdir(), "zenlayer-gen-sdk-"));
    const schemaFile = path.join(dir, "schema.json");
    await writeFile(schemaFile, JSON.stringify(packageSchema(VERSION), null, 2));
    await mkdir(path.join(dir, "home"));
    const args = ["package", "gen-sdk", schemaFile, "--language", "nodejs", "--out", path.join(dir, "sdk")];
    const result = await execFileAsync(path.join(cli.root, "bin", "pulumi"), args, {
      env: {
        ...process.env,
        PULUMI_HOME: path.join(dir, "home"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      },
      timeout: GEN_SDK_TIMEOUT_MS,
    });
    output = `${result.stdout}${result.stderr}`;
    sdk = path.join(dir, "sdk", "nodejs");
  }, ENSURE_PULUMI_TIMEOUT_MS);

  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it("writes the SDK, with no warning", () => {
    expect(output).toContain("SDK has been written");
    expect(output).not.toMatch(/warning|error/i);
  });

  it("names the package and the plugin as the schema says", async () => {
    const manifest = JSON.parse(await readFile(path.join(sdk, "package.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      name: SDK_PACKAGE_NAMES.nodejs,
      version: VERSION,
      pulumi: { resource: true, name: "zenlayer", version: VERSION },
    });
  });

  it("has the resources, lookups and provider, without the NIC's internal creation key", async () => {
    for (const file of [
      "zec/networkInterface.ts",
      "zec/networkInterfaceAttachment.ts",
      "zec/getInstance.ts",
    ]) {
      expect([file, existsSync(path.join(sdk, file))]).toEqual([file, true]);
    }
    const nic = await readFile(path.join(sdk, "zec", "networkInterface.ts"), "utf8");
    expect(nic).toContain("'zenlayer:zec:NetworkInterface'");
    expect(nic).not.toContain("creationKey");
    const provider = await readFile(path.join(sdk, "provider.ts"), "utf8");
    expect(provider).toContain("pulumi.secret(args.accessKeyPassword)");
  });

  it(
    "type-checks against this repository's @pulumi/pulumi",
    async () => {
      await symlink(path.join(REPO_ROOT, "node_modules"), path.join(sdk, "node_modules"), "dir");
      const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
      await expect(execFileAsync(process.execPath, [tsc, "-p", sdk, "--noEmit"])).resolves.toBeDefined();
    },
    GEN_SDK_TIMEOUT_MS,
  );
});
