import { inspect } from "node:util";
import { isZenlayerApiError } from "../../../sdk/index";
import type { ScriptedServer, ScriptStep } from "../../support/scriptedServer";
import { startScriptedServer } from "../../support/scriptedServer";
import { clientFor, KEY_ID, PASSWORD, rejectionOf, TOKEN } from "./integrationClient";

let server: ScriptedServer;

beforeEach(async () => {
  server = await startScriptedServer({ credentials: { [KEY_ID]: PASSWORD }, tokens: [TOKEN] });
});

afterEach(async () => {
  await server.close();
});

/** Every way an error tends to reach a log or a Pulumi diagnostic. */
function renderings(error: unknown): string[] {
  const asError = error as Error;
  return [
    JSON.stringify(error),
    inspect(error, { depth: 20, showHidden: true }),
    String(error),
    asError.stack ?? "",
    JSON.stringify((error as { cause?: unknown }).cause ?? null),
  ];
}

/** Secrets the server saw on the wire: each Authorization value and each bare signature. */
function secretsSeen(): string[] {
  const values = server.requests.map((r) => String(r.headers["authorization"]));
  const signatures = values
    .map((v) => /Signature=([0-9a-f]+)/.exec(v)?.[1])
    .filter((s): s is string => s !== undefined);
  return [PASSWORD, TOKEN, ...values, ...signatures];
}

const FAILURES: [string, ScriptStep, { requestTimeoutMs?: number; accessKeyPassword?: string }][] = [
  ["a server error envelope", { kind: "error", status: 400, code: "INVALID_NIC_STATUS" }, {}],
  ["a reset connection", { kind: "reset" }, {}],
  ["a timeout", { kind: "slow", delayMs: 2000, then: { kind: "success" } }, { requestTimeoutMs: 30 }],
  ["an HTML page", { kind: "raw", status: 502, body: "<html>proxy</html>" }, {}],
  ["an empty body", { kind: "raw", status: 200, body: "" }, {}],
];

describe("errors never carry credentials", () => {
  it.each(FAILURES)("after %s (signed)", async (_what, step, explicit) => {
    const { client } = clientFor(server, { explicit: { ...explicit, retry: { maxAttempts: 1 } } });
    server.enqueue(step);
    const error = await rejectionOf(client.detachNetworkInterface({ nicId: "1" }));
    expect(isZenlayerApiError(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
    for (const text of renderings(error)) {
      for (const secret of secretsSeen()) expect(text).not.toContain(secret);
      expect(text).not.toContain("Authorization");
    }
  });

  it.each(FAILURES)("after %s (bearer)", async (_what, step, explicit) => {
    const { client } = clientFor(server, {
      bearer: true,
      explicit: { ...explicit, retry: { maxAttempts: 1 } },
    });
    server.enqueue(step);
    const error = await rejectionOf(client.describeInstances({}));
    expect(isZenlayerApiError(error)).toBe(true);
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
  });

  it("after a rejected signature", async () => {
    const { client } = clientFor(server, {
      explicit: { accessKeyId: KEY_ID, accessKeyPassword: "wrong-password-x1" },
    });
    const error = await rejectionOf(client.describeInstances({}));
    expect(isZenlayerApiError(error) && error.code).toBe("AUTHFAILURE_SIGNATURE_FAILURE");
    for (const text of renderings(error)) {
      for (const secret of [...secretsSeen(), "wrong-password-x1"]) expect(text).not.toContain(secret);
    }
  });

  it("after a refused connection", async () => {
    const domain = server.domain;
    await server.close();
    const { client } = clientFor({ domain }, { explicit: { retry: { maxAttempts: 1 } } });
    const error = await rejectionOf(client.describeInstances({}));
    expect(isZenlayerApiError(error) && error.cause?.code).toBe("ECONNREFUSED");
    for (const text of renderings(error)) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toMatch(/Signature=|ZC2-HMAC-SHA256 Credential/);
    }
    server = await startScriptedServer();
  });
});
