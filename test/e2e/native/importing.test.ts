/**
 * `pulumi import` of an attachment and a NIC made outside Pulumi, by the ids Zenlayer's Terraform
 * provider uses: the code the CLI writes, put into the program, previews with no changes; a wrong
 * id fails naming it and what an id looks like.
 */
import { appendFile, readFile } from "node:fs/promises";
import * as path from "node:path";
import { describeLanguage } from "../support/languageAvailability";
import { startPluginStack, SUBNET } from "./support/pluginStack";
import type { PluginStack } from "./support/pluginStack";
import { resolveClientConfig, ZecClient } from "../../../sdk/index";
import { DEFAULT_ACCESS_KEY } from "../../../simulator/index";

const SETUP_TIMEOUT_MS = 300_000;

describeLanguage("yaml", "pulumi import through the provider plugin", () => {
  let stack: PluginStack;
  let instanceId: string;
  let attachedNicId: string;
  let freeNicId: string;

  beforeAll(async () => {
    stack = await startPluginStack("test/e2e/fixtures/plugin-empty");
    instanceId = stack.sim.control.addInstance({ regionId: "asia-east-1" }).instanceId;
    attachedNicId = stack.sim.control.addNic({ regionId: "asia-east-1" }).nicId;
    // Made "by hand", with the API, as another tool or the console would.
    const client = new ZecClient(
      resolveClientConfig({
        explicit: { ...DEFAULT_ACCESS_KEY, domain: stack.sim.domain, scheme: "HTTP" },
        env: {},
      }),
    );
    await client.attachNetworkInterface({ nicId: attachedNicId, instanceId });
    freeNicId = (await client.createNetworkInterface({ name: "made-by-hand", subnetId: SUBNET })).nicId;
    await new Promise((resolve) => setTimeout(resolve, 600));
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
  });

  it("imports an attachment by <nicId>:<instanceId> and a NIC by its id; the program then previews with no changes", async () => {
    const code = path.join(stack.dir, "imported.yaml");
    await stack.mustRun([
      "import",
      "zenlayer:zec:NetworkInterfaceAttachment",
      "attachment",
      `${attachedNicId}:${instanceId}`,
      "--yes",
      "--protect=false",
      "--out",
      code,
    ]);
    const nicCode = path.join(stack.dir, "imported-nic.yaml");
    await stack.mustRun([
      "import",
      "zenlayer:zec:NetworkInterface",
      "nic",
      freeNicId,
      "--yes",
      "--protect=false",
      "--out",
      nicCode,
    ]);
    const written = `${await readFile(code, "utf8")}\n${(await readFile(nicCode, "utf8")).replace(/^resources:\n/m, "")}`;
    expect(written).toContain(`nicId: "${attachedNicId}"`.replace(/"/g, "'"));
    await appendFile(path.join(stack.dir, "Pulumi.yaml"), `\n${written}`);
    await stack.mustRun(["preview", "--expect-no-changes"]);
    expect(
      stack.sim.control.requestLog().filter((entry) => entry.action === "DetachNetworkInterface"),
    ).toEqual([]);
  });

  it("fails an import whose id is not of the resource's form, naming it and the form", async () => {
    const result = await stack.pulumi([
      "import",
      "zenlayer:zec:NetworkInterfaceAttachment",
      "wrong",
      "1234",
      "--yes",
    ]);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('cannot import zenlayer:zec:NetworkInterfaceAttachment "1234"');
    expect(result.output).toContain("the id is `<nicId>:<instanceId>`");
  });
});
