/**
 * Two explicit `zenlayer` providers in one YAML program, one per account: each attachment's
 * requests are signed with its own provider's key, and neither password is ever in plain text in
 * the state or the CLI's output, whether the program gave it as a secret or as a plain string.
 */
import { describeLanguage } from "../support/languageAvailability";
import { startPluginStack } from "./support/pluginStack";
import type { PluginStack } from "./support/pluginStack";

const PASSWORD_A = "password-of-account-a-Zq81";
const PASSWORD_B = "password-of-account-b-Kw47";
const SETUP_TIMEOUT_MS = 300_000;

describeLanguage("yaml", "two explicit providers for two accounts", () => {
  let stack: PluginStack;
  let nics: { a: string; b: string };
  let output = "";

  beforeAll(async () => {
    stack = await startPluginStack("test/e2e/fixtures/plugin-two-accounts", {
      accessKeys: [
        { accessKeyId: "ACCOUNT0A0KEY", accessKeyPassword: PASSWORD_A },
        { accessKeyId: "ACCOUNT0B0KEY", accessKeyPassword: PASSWORD_B },
      ],
    });
    const instanceId = stack.sim.control.addInstance({ regionId: "asia-east-1" }).instanceId;
    nics = {
      a: stack.sim.control.addNic({ regionId: "asia-east-1" }).nicId,
      b: stack.sim.control.addNic({ regionId: "asia-east-1" }).nicId,
    };
    for (const [key, value] of [
      ["domain", stack.sim.domain],
      ["nicA", `"${nics.a}"`],
      ["nicB", `"${nics.b}"`],
      ["instanceId", `"${instanceId}"`],
    ] as const) {
      await stack.mustRun(["config", "set", key, value]);
    }
    await stack.mustRun(["config", "set", "--secret", "passwordB", PASSWORD_B]);
    output += (await stack.mustRun(["up", "--yes"])).output;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    if (stack !== undefined) output += (await stack.pulumi(["destroy", "--yes"])).output;
    await stack?.stop();
  });

  it("signs each attachment's requests with its own provider's key", () => {
    const signers = (nicId: string): string[] => [
      ...new Set(
        stack.sim.control
          .requestLog()
          .filter((entry) => JSON.stringify(entry.body ?? {}).includes(nicId))
          .map((entry) => entry.signedBy ?? "unsigned"),
      ),
    ];
    expect(signers(nics.a)).toEqual(["ACCOUNT0A0KEY"]);
    expect(signers(nics.b)).toEqual(["ACCOUNT0B0KEY"]);
  });

  it("keeps both passwords out of the state and the output, stored as secrets", async () => {
    const state = (await stack.mustRun(["stack", "export"])).output;
    expect(state).not.toContain(PASSWORD_A);
    expect(state).not.toContain(PASSWORD_B);
    expect(output).not.toContain(PASSWORD_A);
    expect(output).not.toContain(PASSWORD_B);
    const deployment = JSON.parse(state) as {
      deployment: { resources: { urn: string; inputs?: Record<string, unknown> }[] };
    };
    const providers = deployment.deployment.resources.filter((resource) =>
      /::pulumi:providers:zenlayer::account[AB]$/.test(resource.urn),
    );
    expect(providers).toHaveLength(2);
    for (const provider of providers) {
      expect(provider.inputs?.["accessKeyPassword"]).toMatchObject({
        "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
        ciphertext: expect.any(String),
      });
    }
  });
});
