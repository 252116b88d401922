import { axiosTransport } from "../../../sdk/index";
import type { Transport } from "../../../sdk/index";
import type { ScriptedServer, ScriptStep } from "../../support/scriptedServer";
import { startScriptedServer } from "../../support/scriptedServer";
import { apiErrorOf, clientFor, KEY_ID, PASSWORD } from "./integrationClient";

const CREDENTIALS = { credentials: { [KEY_ID]: PASSWORD } };
const EMPTY_PAGE: ScriptStep = { kind: "success", response: { totalCount: 0, dataSet: [] } };

let server: ScriptedServer;

beforeEach(async () => {
  server = await startScriptedServer(CREDENTIALS);
});

afterEach(async () => {
  await server.close();
});

describe("retries against a local server", () => {
  it("signs every attempt afresh with a new timestamp", async () => {
    let clock = Date.now() - 60_000;
    const { client } = clientFor(server, {
      explicit: { retry: { deadlineMs: 600_000 } },
      deps: { now: () => (clock += 1500) },
    });
    server.enqueue(
      { kind: "error", status: 503, code: "SERVICE_TEMPORARY_UNAVAILABLE" },
      { kind: "error", status: 429, code: "REQUEST_LIMIT_EXCEEDED" },
      EMPTY_PAGE,
    );
    await client.describeNetworkInterfaces({});
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.authFailure === undefined)).toBe(true);
    const timestamps = server.requests.map((r) => r.headers["x-zc-timestamp"]);
    const signatures = server.requests.map((r) => r.headers["authorization"]);
    expect(new Set(timestamps).size).toBe(3);
    expect(new Set(signatures).size).toBe(3);
  });

  it("recovers from a burst of server errors", async () => {
    const { client, sleeps } = clientFor(server, { deps: { random: () => 0.5 } });
    server.enqueue(
      { kind: "error", status: 500, code: "INTERNAL_SERVER_ERROR" },
      { kind: "error", status: 503, code: "SERVICE_TEMPORARY_UNAVAILABLE" },
      { kind: "error", status: 502, code: "SOMETHING_UNLISTED" },
      EMPTY_PAGE,
    );
    await expect(client.describeNetworkInterfaces({})).resolves.toMatchObject({ totalCount: 0 });
    expect(server.requests).toHaveLength(4);
    expect(sleeps).toEqual([2, 5, 10]);
  });

  it("gives up after maxAttempts with the last error", async () => {
    const { client } = clientFor(server);
    for (let i = 0; i < 5; i++)
      server.enqueue({ kind: "error", status: 503, code: "SERVICE_TEMPORARY_UNAVAILABLE" });
    const error = await apiErrorOf(client.describeInstances({}));
    expect(error).toMatchObject({ code: "SERVICE_TEMPORARY_UNAVAILABLE", httpStatus: 503 });
    expect(server.requests).toHaveLength(4);
  });

  it("does not retry permanent or not-found errors", async () => {
    const { client } = clientFor(server);
    server.enqueue({ kind: "error", status: 400, code: "INVALID_NIC_STATUS" });
    const status = await apiErrorOf(client.detachNetworkInterface({ nicId: "1" }));
    expect(status).toMatchObject({ code: "INVALID_NIC_STATUS", category: "permanent" });
    server.enqueue({ kind: "error", status: 404, code: "INVALID_NIC_NOT_FOUND" });
    const missing = await apiErrorOf(client.deleteNetworkInterface({ nicId: "1" }));
    expect(missing).toMatchObject({ code: "INVALID_NIC_NOT_FOUND", category: "not-found", httpStatus: 404 });
    expect(missing.requestId).toMatch(/^T/);
    expect(server.requests).toHaveLength(2);
  });

  it("honours Retry-After on 429", async () => {
    const { client, sleeps } = clientFor(server, { deps: { random: () => 0.5 } });
    server.enqueue(
      { kind: "error", status: 429, code: "REQUEST_LIMIT_EXCEEDED", headers: { "Retry-After": "2" } },
      EMPTY_PAGE,
    );
    await client.describeNetworkInterfaces({});
    expect(sleeps).toEqual([2000]);
  });

  it("stops retrying when the per-call deadline would be passed", async () => {
    const { client, sleeps } = clientFor(server);
    server.enqueue(
      { kind: "error", status: 429, code: "REQUEST_LIMIT_EXCEEDED", headers: { "Retry-After": "5" } },
      EMPTY_PAGE,
    );
    const error = await apiErrorOf(client.describeNetworkInterfaces({}, { deadlineMs: 1000 }));
    expect(error).toMatchObject({ code: "REQUEST_LIMIT_EXCEEDED", retryAfterMs: 5000 });
    expect(sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("retries Attach, Detach and Delete after an ambiguous 503", async () => {
    const { client } = clientFor(server);
    const unavailable: ScriptStep = { kind: "error", status: 503, code: "SERVICE_TEMPORARY_UNAVAILABLE" };
    server.enqueue(unavailable, { kind: "success" }, unavailable, { kind: "success" }, unavailable, {
      kind: "success",
    });
    await client.attachNetworkInterface({ nicId: "1", instanceId: "2" });
    await client.detachNetworkInterface({ nicId: "1" });
    await client.deleteNetworkInterface({ nicId: "1" });
    expect(server.requests).toHaveLength(6);
  });
});

describe("CreateNetworkInterface retry safety", () => {
  const request = { name: "nic-a", subnetId: "subnet-1" };

  it("is not retried after an ambiguous 503", async () => {
    const { client } = clientFor(server);
    server.enqueue(
      { kind: "error", status: 503, code: "SERVICE_TEMPORARY_UNAVAILABLE" },
      { kind: "success" },
    );
    const error = await apiErrorOf(client.createNetworkInterface(request));
    expect(error).toMatchObject({
      code: "SERVICE_TEMPORARY_UNAVAILABLE",
      category: "transient",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("is not retried after the connection dropped mid-request", async () => {
    const { client } = clientFor(server);
    server.enqueue({ kind: "reset" }, { kind: "success", response: { nicId: "1" } });
    const error = await apiErrorOf(client.createNetworkInterface(request));
    expect(error).toMatchObject({ code: "NETWORK_ERROR" });
    expect(server.requests).toHaveLength(1);
  });

  it("is retried after 429, which the server rejected before doing anything", async () => {
    const { client } = clientFor(server);
    server.enqueue(
      { kind: "error", status: 429, code: "REQUEST_LIMIT_EXCEEDED" },
      { kind: "success", response: { nicId: "77" } },
    );
    await expect(client.createNetworkInterface(request)).resolves.toMatchObject({ nicId: "77" });
    expect(server.requests.map((r) => r.action)).toEqual([
      "CreateNetworkInterface",
      "CreateNetworkInterface",
    ]);
  });

  it("is retried after a refused connection, which never reached the server", async () => {
    // The first attempt is refused before it leaves the machine; the retry goes over HTTP as usual.
    let refused = false;
    const transport: Transport = {
      send: (request) => {
        if (refused) return axiosTransport.send(request);
        refused = true;
        return Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
      },
    };
    const { client } = clientFor(server, { deps: { transport } });
    server.enqueue({ kind: "success", response: { nicId: "88" } });
    await expect(client.createNetworkInterface(request)).resolves.toMatchObject({ nicId: "88" });
    expect(refused).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});
