import { inspect } from "node:util";
import type { ConfigSources } from "../../../sdk/index";
import { isZenlayerConfigError, resolveClientConfig, ZenlayerConfigError } from "../../../sdk/index";

const stack =
  (values: Record<string, string>) =>
  (key: string): string | undefined =>
    values[key];

function errorOf(sources: ConfigSources): ZenlayerConfigError {
  try {
    resolveClientConfig(sources);
  } catch (error) {
    if (isZenlayerConfigError(error)) return error;
    throw error;
  }
  throw new Error("expected a ZenlayerConfigError");
}

function keyIdOf(sources: ConfigSources): string {
  const { credentials } = resolveClientConfig(sources);
  return credentials.kind === "accessKey"
    ? `${credentials.accessKeyId}/${credentials.accessKeyPassword}`
    : "token";
}

const EXPLICIT = { accessKeyId: "explicit-id", accessKeyPassword: "explicit-pw" };
const STACK = { "zenlayer:accessKeyId": "stack-id", "zenlayer:accessKeyPassword": "stack-pw" };
const TF_ENV = { ZENLAYERCLOUD_ACCESS_KEY_ID: "tf-id", ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: "tf-pw" };
const CLI_ENV = { ZENLAYER_ACCESS_KEY_ID: "cli-id", ZENLAYER_ACCESS_KEY_SECRET: "cli-pw" };

describe("resolveClientConfig precedence", () => {
  it("prefers explicit, then stack config, then Terraform env, then CLI env", () => {
    const env = { ...TF_ENV, ...CLI_ENV };
    expect(keyIdOf({ explicit: EXPLICIT, stackConfig: stack(STACK), env })).toBe("explicit-id/explicit-pw");
    expect(keyIdOf({ stackConfig: stack(STACK), env })).toBe("stack-id/stack-pw");
    expect(keyIdOf({ env })).toBe("tf-id/tf-pw");
    expect(keyIdOf({ env: CLI_ENV })).toBe("cli-id/cli-pw");
  });

  it("resolves each non-secret setting by the same order, independently of credentials", () => {
    const config = resolveClientConfig({
      explicit: { maxRequestsPerSecond: 3 },
      stackConfig: stack({ "zenlayer:domain": "stack.example.com", "zenlayer:maxRequestsPerSecond": "5" }),
      env: {
        ...CLI_ENV,
        ZENLAYERCLOUD_SCHEME: "http",
        ZENLAYERCLOUD_DOMAIN: "tf.example.com",
        ZENLAYER_ENDPOINT: "cli.example.com",
      },
    });
    expect(config).toMatchObject({ domain: "stack.example.com", scheme: "HTTP", maxRequestsPerSecond: 3 });
    expect(resolveClientConfig({ env: { ...CLI_ENV, ZENLAYER_ENDPOINT: "cli.example.com" } }).domain).toBe(
      "cli.example.com",
    );
    expect(
      resolveClientConfig({
        env: { ...TF_ENV, ZENLAYER_ENDPOINT: "cli.example.com", ZENLAYERCLOUD_DOMAIN: "tf.example.com" },
      }).domain,
    ).toBe("tf.example.com");
  });

  it("applies the defaults", () => {
    const config = resolveClientConfig({ env: TF_ENV });
    expect(config).toMatchObject({
      domain: "console.zenlayer.com",
      scheme: "HTTPS",
      requestTimeoutMs: 30_000,
      maxRequestsPerSecond: 10,
    });
    expect(config.retry).toBeUndefined();
  });

  it("trims values and treats blank ones as unset", () => {
    const config = resolveClientConfig({
      stackConfig: stack({ "zenlayer:accessKeyId": "   ", "zenlayer:domain": "  127.0.0.1:8080 " }),
      env: {
        ZENLAYERCLOUD_ACCESS_KEY_ID: " tf-id\n",
        ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: "\ttf-pw ",
        ZENLAYERCLOUD_SCHEME: " HTTP ",
      },
    });
    expect(config.domain).toBe("127.0.0.1:8080");
    expect(config.scheme).toBe("HTTP");
    expect(
      keyIdOf({
        env: { ZENLAYERCLOUD_ACCESS_KEY_ID: " tf-id\n", ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: "\ttf-pw " },
      }),
    ).toBe("tf-id/tf-pw");
  });

  it("uses a bearer token when a level has only a token, and a key pair over a token at the same level", () => {
    for (const env of [{ ZENLAYERCLOUD_TOKEN: "tok" }, { ZENLAYER_TOKEN: "tok" }]) {
      const { credentials } = resolveClientConfig({ env });
      expect(credentials.kind === "bearerToken" && credentials.token).toBe("tok");
    }
    const fromStack = resolveClientConfig({
      stackConfig: stack({ "zenlayer:token": "stack-tok" }),
      env: TF_ENV,
    });
    expect(fromStack.credentials.kind).toBe("bearerToken");
    expect(keyIdOf({ env: { ...TF_ENV, ZENLAYERCLOUD_TOKEN: "tok" } })).toBe("tf-id/tf-pw");
  });

  it("passes explicit retry settings and timeout through", () => {
    const config = resolveClientConfig({
      explicit: { ...EXPLICIT, requestTimeoutMs: 50, retry: { maxAttempts: 2 } },
    });
    expect(config.requestTimeoutMs).toBe(50);
    expect(config.retry).toEqual({ maxAttempts: 2 });
  });
});

describe("resolveClientConfig errors", () => {
  it("names every way to provide credentials when none are set", () => {
    const error = errorOf({ env: {} });
    expect(error).toBeInstanceOf(ZenlayerConfigError);
    for (const hint of [
      "pulumi config set zenlayer:accessKeyId",
      "pulumi config set --secret zenlayer:accessKeyPassword",
      "ZENLAYERCLOUD_ACCESS_KEY_ID",
      "ZENLAYERCLOUD_ACCESS_KEY_PASSWORD",
      "ZENLAYER_ACCESS_KEY_ID",
      "ZENLAYER_ACCESS_KEY_SECRET",
      "zenlayer:token",
      "ZENLAYERCLOUD_TOKEN",
      "ZENLAYER_TOKEN",
    ]) {
      expect(error.message).toContain(hint);
    }
  });

  it.each([
    [
      { stackConfig: stack({ "zenlayer:accessKeyId": "id" }), env: TF_ENV },
      ["zenlayer:accessKeyId", "zenlayer:accessKeyPassword"],
    ],
    [
      { env: { ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: "pw", ...CLI_ENV } },
      ["ZENLAYERCLOUD_ACCESS_KEY_PASSWORD", "ZENLAYERCLOUD_ACCESS_KEY_ID"],
    ],
    [{ env: { ZENLAYER_ACCESS_KEY_ID: "id" } }, ["ZENLAYER_ACCESS_KEY_ID", "ZENLAYER_ACCESS_KEY_SECRET"]],
    [{ explicit: { accessKeyPassword: "pw" } }, ["accessKeyPassword", "accessKeyId"]],
  ] as [ConfigSources, string[]][])(
    "rejects half a key pair at one level, naming both keys",
    (sources, names) => {
      const error = errorOf(sources);
      for (const name of names) expect(error.message).toContain(name);
      expect(error.message).not.toContain("pw");
    },
  );

  it("names the source of a bad scheme", () => {
    expect(errorOf({ env: { ...TF_ENV, ZENLAYERCLOUD_SCHEME: "ftp" } }).message).toBe(
      'ZENLAYERCLOUD_SCHEME from the environment must be HTTP or HTTPS, got "ftp"',
    );
    expect(errorOf({ stackConfig: stack({ ...STACK, "zenlayer:scheme": "tls" }) }).message).toContain(
      "zenlayer:scheme from the Pulumi stack config must be HTTP or HTTPS",
    );
  });

  it.each(["abc", "0", "-1", "Infinity"])("names the source of a bad rate %p", (value) => {
    expect(
      errorOf({ stackConfig: stack({ ...STACK, "zenlayer:maxRequestsPerSecond": value }) }).message,
    ).toBe(
      `zenlayer:maxRequestsPerSecond from the Pulumi stack config must be a positive number, got "${value}"`,
    );
  });

  it("rejects explicit non-positive numbers and URLs as domains", () => {
    expect(errorOf({ explicit: { ...EXPLICIT, requestTimeoutMs: 0 } }).message).toContain(
      "requestTimeoutMs from the explicit options must be a positive number",
    );
    expect(
      errorOf({ env: { ...TF_ENV, ZENLAYERCLOUD_DOMAIN: "https://console.zenlayer.com" } }).message,
    ).toContain("ZENLAYERCLOUD_DOMAIN from the environment must be a host name with an optional port");
  });

  it("brand-checks config errors and nothing else", () => {
    expect(isZenlayerConfigError(new ZenlayerConfigError("x"))).toBe(true);
    expect(isZenlayerConfigError(new Error("x"))).toBe(false);
    expect(isZenlayerConfigError("ZenlayerConfigError")).toBe(false);
  });
});

describe("resolved config redaction", () => {
  it("never shows the password or token when serialized or inspected", () => {
    const signed = resolveClientConfig({
      env: { ZENLAYERCLOUD_ACCESS_KEY_ID: "id-1", ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: "pw-secret-1" },
    });
    const bearer = resolveClientConfig({ env: { ZENLAYERCLOUD_TOKEN: "tok-secret-2" } });
    for (const config of [signed, bearer]) {
      const views = [
        JSON.stringify(config),
        inspect(config, { depth: 10, showHidden: true }),
        String(config.credentials),
        JSON.stringify({ ...config, credentials: { ...config.credentials } }),
        Object.values(config.credentials).join(","),
      ];
      for (const view of views) {
        expect(view).not.toContain("pw-secret-1");
        expect(view).not.toContain("tok-secret-2");
      }
    }
    expect(JSON.stringify(signed)).toContain("id-1");
    expect(signed.credentials.kind === "accessKey" && signed.credentials.accessKeyPassword).toBe(
      "pw-secret-1",
    );
  });
});
