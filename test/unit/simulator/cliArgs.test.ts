/** The simulator's command line: secrets may come from the environment, out of the process list. */
import { ACCESS_KEY_PASSWORD_ENV, parseCliArgs, USAGE } from "../../../simulator/config/cliArgs";

describe("the key's password from the environment", () => {
  const VARIABLE = "ZENLAYER_SIMULATOR_ACCESS_KEY_PASSWORD";

  it("is the documented name", () => {
    expect(ACCESS_KEY_PASSWORD_ENV).toBe(VARIABLE);
  });

  it("is read from ZENLAYER_SIMULATOR_ACCESS_KEY_PASSWORD, so it stays out of the process list", () => {
    const env = { [VARIABLE]: "from-env-password" };
    expect(parseCliArgs(["--access-key-id", "CUSTOM0ID"], env).options.accessKeys).toEqual([
      { accessKeyId: "CUSTOM0ID", accessKeyPassword: "from-env-password" },
    ]);
  });

  it("loses to the flag, and counts as unset when empty", () => {
    const env = { [VARIABLE]: "from-env-password" };
    const flags = ["--access-key-id", "CUSTOM0ID", "--access-key-password", "from-flag"];
    expect(parseCliArgs(flags, env).options.accessKeys?.[0]?.accessKeyPassword).toBe("from-flag");
    expect(parseCliArgs([], { [VARIABLE]: "" }).options.accessKeys).toBeUndefined();
  });

  it("needs the key id it belongs to, and says which variable was set", () => {
    expect(() => parseCliArgs([], { [VARIABLE]: "from-env-password" })).toThrow(
      `--access-key-id and a password (--access-key-password or ${VARIABLE}) must be given together`,
    );
  });

  it("is named in --help", () => {
    expect(USAGE).toContain(VARIABLE);
  });
});
