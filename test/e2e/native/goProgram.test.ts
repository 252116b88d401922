/**
 * examples/go through the CLI with the Go language host, on the provider plugin installed as the
 * README says and the generated Go SDK in sdk/go: a NIC, an attachment and an instance lookup; up,
 * a refresh and a preview that find nothing to change, and a destroy that detaches before it deletes.
 *
 * The example's go.mod points at sdk/go with a relative `replace`; its copy here points it at this
 * repository's sdk/go, as a user with a checkout would. The Go host builds the program for `up` and
 * `preview` with `go build -trimpath -ldflags "-w -s"` into Go's default build cache, which this
 * test leaves alone: the first test builds the same way, so only a machine's first run compiles the
 * Pulumi Go SDK (minutes on two cores) and every later build, here and in the host, only links.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { SDK_PACKAGE_NAMES } from "../../../provider/core/schema/packageSchema";
import { REPO_ROOT } from "../../../scripts/lib/pulumiCli";
import { describeLanguage } from "../support/languageAvailability";
import { startPluginStack } from "./support/pluginStack";
import {
  configureExample,
  destroyAndExpectDetachBeforeDelete,
  expectNothingToChange,
  upAndExpectAttached,
} from "./support/exampleProgramChecks";
import type { PluginStack } from "./support/pluginStack";

const execFileAsync = promisify(execFile);
const SETUP_TIMEOUT_MS = 300_000;
/** A build with a cold Go build cache compiles the Pulumi Go SDK and its dependencies. */
const COLD_BUILD_TIMEOUT_MS = 600_000;
const COMMAND_TIMEOUT_MS = 120_000;
const SDK_DIR = path.join(REPO_ROOT, "sdk", "go");
/** How pulumi-language-go v3.248.0 builds a program (its `compileProgram`), so this build fills the cache it reads. */
const HOST_BUILD_FLAGS = ["build", "-buildvcs=false", "-trimpath", "-ldflags", "-w -s"];
/** The SDK's Go module: the import base path without the package's own folder. */
const SDK_MODULE = path.posix.dirname(SDK_PACKAGE_NAMES.go);

/** Runs `go <args>` in `cwd` with the test's environment (so Go's default caches), failing on an error. */
async function go(args: readonly string[], cwd: string, env: Readonly<Record<string, string>>) {
  return execFileAsync("go", [...args], {
    cwd,
    env: { ...process.env, ...env, GOWORK: "off", GOTOOLCHAIN: "local" },
    timeout: COLD_BUILD_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
}

describeLanguage("go", "examples/go on the provider plugin and the generated Go SDK", () => {
  let stack: PluginStack;
  let instanceId: string;

  beforeAll(async () => {
    stack = await startPluginStack("examples/go");
    await go(["mod", "edit", `-replace=${SDK_MODULE}=${SDK_DIR}`], stack.dir, stack.env);
    instanceId = await configureExample(stack);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
  });

  it(
    "the program builds as the Go host builds it, and the SDK as committed builds and passes go vet",
    async () => {
      const out = await mkdtemp(path.join(tmpdir(), "zenlayer-go-build-"));
      try {
        await go([...HOST_BUILD_FLAGS, "-o", path.join(out, "program")], stack.dir, stack.env);
      } finally {
        await rm(out, { recursive: true, force: true });
      }
      // -trimpath, as above, so both reuse what that build compiled.
      await go(["build", "-trimpath", "./..."], SDK_DIR, stack.env);
      await go(["vet", "-trimpath", "./..."], SDK_DIR, stack.env);
    },
    COLD_BUILD_TIMEOUT_MS,
  );

  it(
    "up makes the NIC and attaches it to the instance the lookup found, exporting its IP",
    async () => {
      await upAndExpectAttached(stack, instanceId);
    },
    COMMAND_TIMEOUT_MS,
  );

  it(
    "refresh and preview then find nothing to change",
    async () => {
      await expectNothingToChange(stack);
    },
    COMMAND_TIMEOUT_MS,
  );

  it(
    "destroy detaches the NIC before it deletes it",
    async () => {
      await destroyAndExpectDetachBeforeDelete(stack);
    },
    COMMAND_TIMEOUT_MS,
  );
});
