import type { ScriptedServer, ScriptStep } from "../../support/scriptedServer";
import { eventually } from "../../support/eventually";
import { startScriptedServer } from "../../support/scriptedServer";
import { apiErrorOf, clientFor, KEY_ID, PASSWORD } from "./integrationClient";

const EMPTY_PAGE: ScriptStep = { kind: "success", response: { totalCount: 0, dataSet: [] } };

let server: ScriptedServer;

beforeEach(async () => {
  server = await startScriptedServer({ credentials: { [KEY_ID]: PASSWORD } });
});

afterEach(async () => {
  await server.close();
});

describe("replies that are not API answers", () => {
  it("retries an HTML page and reports it clearly when it persists", async () => {
    const html: ScriptStep = { kind: "raw", status: 502, body: "<html><body>Bad Gateway</body></html>" };
    const { client } = clientFor(server, { explicit: { retry: { maxAttempts: 2 } } });
    server.enqueue(html, EMPTY_PAGE);
    await client.describeInstances({});
    server.enqueue(html, html);
    const error = await apiErrorOf(client.describeInstances({}));
    expect(error.code).toBe("INVALID_RESPONSE_BODY");
    expect(error.httpStatus).toBe(502);
    expect(error.message).toContain("received an HTML page instead of the API's JSON (HTTP 502)");
  });

  it("reports an empty body", async () => {
    const { client } = clientFor(server, { explicit: { retry: { maxAttempts: 1 } } });
    server.enqueue({ kind: "raw", status: 200, body: "" });
    expect(await apiErrorOf(client.describeInstances({}))).toMatchObject({
      code: "EMPTY_RESPONSE_BODY",
      httpStatus: 200,
    });
  });

  it("retries a reset connection for a read", async () => {
    const { client } = clientFor(server);
    server.enqueue({ kind: "reset" }, EMPTY_PAGE);
    await client.describeNetworkInterfaces({});
    expect(server.requests).toHaveLength(2);
  });

  it("reports a reset connection as NETWORK_ERROR with a sanitized cause", async () => {
    const { client } = clientFor(server, { explicit: { retry: { maxAttempts: 1 } } });
    server.enqueue({ kind: "reset" });
    const error = await apiErrorOf(client.describeNetworkInterfaces({}));
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.httpStatus).toBeUndefined();
    expect(error.cause?.code).toBe("ECONNRESET");
    expect(Object.keys(error.cause ?? {}).sort()).toEqual(["code", "message", "name"]);
  });

  it("times out a slow reply and retries it", async () => {
    const { client } = clientFor(server, { explicit: { requestTimeoutMs: 50 } });
    server.enqueue({ kind: "slow", delayMs: 2000, then: EMPTY_PAGE }, EMPTY_PAGE);
    await client.describeNetworkInterfaces({});
    expect(server.requests).toHaveLength(2);
    server.enqueue({ kind: "slow", delayMs: 2000, then: { kind: "success", response: { nicId: "1" } } });
    const error = await apiErrorOf(client.createNetworkInterface({ name: "n", subnetId: "s" }));
    expect(error).toMatchObject({ code: "REQUEST_TIMEOUT", httpStatus: undefined });
    expect(error.message).toContain("50 ms");
  });

  it("maps an edge challenge and a block to their own codes without retrying", async () => {
    const { client } = clientFor(server);
    server.enqueue(
      { kind: "raw", status: 403, body: "<html>challenge</html>", headers: { "cf-mitigated": "challenge" } },
      { kind: "raw", status: 451, body: "<html>blocked</html>" },
    );
    expect(await apiErrorOf(client.describeInstances({}))).toMatchObject({
      code: "SECURITY_CHALLENGE",
      httpStatus: 403,
    });
    expect(await apiErrorOf(client.describeInstances({}))).toMatchObject({
      code: "REQUEST_BLOCKED",
      httpStatus: 451,
    });
    expect(server.requests).toHaveLength(2);
  });

  it("aborts an in-flight call promptly through the signal", async () => {
    const { client } = clientFor(server);
    server.enqueue({ kind: "slow", delayMs: 5000, then: EMPTY_PAGE });
    const controller = new AbortController();
    const pending = apiErrorOf(client.describeNetworkInterfaces({}, { signal: controller.signal }));
    await eventually(() => server.requests.length === 1, "the slow request to arrive");
    controller.abort();
    const error = await pending;
    expect(error).toMatchObject({ code: "REQUEST_ABORTED" });
    expect(server.requests).toHaveLength(1);
  });
});
