import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { NicInfo } from "../../../sdk/index";
import { isZenlayerApiError } from "../../../sdk/index";
import type { ScriptedServer, ScriptStep } from "../../support/scriptedServer";
import { startScriptedServer } from "../../support/scriptedServer";
import { apiErrorOf, clientFor, KEY_ID, PASSWORD, rejectionOf, TOKEN } from "./integrationClient";

const VERSION = (
  JSON.parse(readFileSync(join(__dirname, "../../../package.json"), "utf8")) as { version: string }
).version;

function nic(id: number): NicInfo {
  return {
    nicId: String(id),
    name: `nic-${String(id)}`,
    status: "AVAILABLE",
    nicType: "Secondary",
    regionId: "SEL-A",
  };
}

let server: ScriptedServer;

beforeEach(async () => {
  server = await startScriptedServer({ credentials: { [KEY_ID]: PASSWORD }, tokens: [TOKEN] });
});

afterEach(async () => {
  await server.close();
});

describe("ZecClient against a local server", () => {
  it("sends a signed POST to /api/v2/zec with every Zenlayer header and returns the inner response", async () => {
    const fixedNow = Date.now() - 42_000;
    const { client } = clientFor(server, { deps: { now: () => fixedNow } });
    server.enqueue({ kind: "success", response: { totalCount: 1, dataSet: [nic(1)] } });
    const result = await client.describeNetworkInterfaces({ nicIds: ["1"] });
    expect(result.dataSet).toEqual([nic(1)]);
    expect(result.totalCount).toBe(1);
    expect(result.requestId).toMatch(/^T[0-9A-F-]{36}$/);
    const [request] = server.requests;
    expect(request?.authFailure).toBeUndefined();
    expect(request?.path).toBe("/api/v2/zec");
    expect(JSON.parse(request?.rawBody ?? "")).toEqual({ nicIds: ["1"] });
    expect(request?.headers).toMatchObject({
      host: server.domain,
      "content-type": "application/json",
      "x-zc-action": "DescribeNetworkInterfaces",
      "x-zc-version": "2025-09-01",
      "x-zc-service": "zec",
      "x-zc-signature-method": "ZC2-HMAC-SHA256",
      "x-zc-request-client": `pulumi-zenlayer-${VERSION}`,
    });
    expect(request?.headers["user-agent"]).toBe(`pulumi-zenlayer/${VERSION} node/${process.versions.node}`);
    expect(request?.headers["authorization"]).toMatch(
      new RegExp(
        `^ZC2-HMAC-SHA256 Credential=${KEY_ID}, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(request?.headers["x-zc-timestamp"]).toBe(String(Math.floor(fixedNow / 1000)));
  });

  it("sends each operation's action and body", async () => {
    const { client } = clientFor(server);
    server.enqueue(
      { kind: "success" },
      { kind: "success" },
      { kind: "success", response: { nicId: "900" } },
      { kind: "success" },
      { kind: "success", response: { totalCount: 0, dataSet: [] } },
    );
    await client.attachNetworkInterface({ nicId: "1", instanceId: "2" });
    await client.detachNetworkInterface({ nicId: "1" });
    const created = await client.createNetworkInterface({ name: "n1", subnetId: "s1" });
    const deleted = await client.deleteNetworkInterface({ nicId: "900" });
    const instances = await client.describeInstances({ instanceIds: ["2"] });
    expect(created.nicId).toBe("900");
    expect(deleted.requestId).toMatch(/^T/);
    expect(instances.dataSet).toEqual([]);
    expect(server.requests.map((r) => [r.action, JSON.parse(r.rawBody)])).toEqual([
      ["AttachNetworkInterface", { nicId: "1", instanceId: "2" }],
      ["DetachNetworkInterface", { nicId: "1" }],
      ["CreateNetworkInterface", { name: "n1", subnetId: "s1" }],
      ["DeleteNetworkInterface", { nicId: "900" }],
      ["DescribeInstances", { instanceIds: ["2"] }],
    ]);
    expect(server.requests.every((r) => r.authFailure === undefined)).toBe(true);
  });

  it("pages through every NIC until the total is reached", async () => {
    const { client } = clientFor(server);
    const all = Array.from({ length: 150 }, (_, i) => nic(i));
    server.enqueue(
      { kind: "success", response: { totalCount: 150, dataSet: all.slice(0, 100) } },
      { kind: "success", response: { totalCount: 150, dataSet: all.slice(100) } },
    );
    expect(await client.describeAllNetworkInterfaces({ vpcId: "v1" })).toEqual(all);
    expect(server.requests.map((r) => JSON.parse(r.rawBody))).toEqual([
      { vpcId: "v1", pageSize: 100, pageNum: 1 },
      { vpcId: "v1", pageSize: 100, pageNum: 2 },
    ]);
  });

  it("stops paging at a short page even if the total claims more", async () => {
    const { client } = clientFor(server);
    server.enqueue({ kind: "success", response: { totalCount: 500, dataSet: [nic(1), nic(2)] } });
    expect(await client.describeAllNetworkInterfaces({})).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
  });

  it("stops paging at an empty first page", async () => {
    const { client } = clientFor(server);
    server.enqueue({ kind: "success", response: { totalCount: 0, dataSet: [] } });
    expect(await client.describeAllNetworkInterfaces({})).toEqual([]);
    expect(server.remaining()).toBe(0);
  });

  it("reads no further than the first page promised from a server that raises its total on every page", async () => {
    const { client } = clientFor(server);
    const page = (pageNum: number): ScriptStep => ({
      kind: "success",
      response: {
        totalCount: (pageNum + 1) * 100,
        dataSet: Array.from({ length: 100 }, (_, i) => ({ ...nic(pageNum * 1000 + i), instanceId: "9" })),
      },
    });
    // A third request would find the script exhausted and fail.
    server.enqueue(page(1), page(2));
    expect(await client.describeAllNetworkInterfaces({})).toHaveLength(200);
    server.enqueue(page(1), page(2));
    expect(await client.describeAllInstances({})).toHaveLength(200);
    expect(
      server.requests.map((r) => [r.action, (JSON.parse(r.rawBody) as { pageNum: number }).pageNum]),
    ).toEqual([
      ["DescribeNetworkInterfaces", 1],
      ["DescribeNetworkInterfaces", 2],
      ["DescribeInstances", 1],
      ["DescribeInstances", 2],
    ]);
  });

  it("fails after one page, naming the endpoint, when the first page promises more than 1,000 pages", async () => {
    const { client } = clientFor(server);
    const full = Array.from({ length: 100 }, (_, i) => nic(i));
    server.enqueue({ kind: "success", response: { totalCount: 100_001, dataSet: full } });
    const error = await apiErrorOf(client.describeAllNetworkInterfaces({}));
    expect(error.code).toBe("PAGING_LIMIT_EXCEEDED");
    expect(error.message).toContain(
      "says 100001 items match, 1001 pages of 100; this client reads at most 1000 pages",
    );
    expect(error.message).toContain(`The endpoint http://${server.domain}/api/v2/zec comes from`);
    expect(server.requests).toHaveLength(1);
  });

  it("authenticates with a bearer token without signature headers", async () => {
    const { client } = clientFor(server, { bearer: true });
    server.enqueue({ kind: "success", response: { totalCount: 0, dataSet: [] } });
    await client.describeInstances({});
    const [request] = server.requests;
    expect(request?.authFailure).toBeUndefined();
    expect(request?.headers["authorization"]).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers["x-zc-timestamp"]).toBeUndefined();
    expect(request?.headers["x-zc-signature-method"]).toBeUndefined();
    expect(request?.headers["x-zc-action"]).toBe("DescribeInstances");
  });

  it("surfaces a rejected signature as a permanent error without retrying", async () => {
    const wrong = {
      ...clientFor(server, { explicit: { accessKeyId: KEY_ID, accessKeyPassword: "not-the-password" } }),
    };
    const error = await rejectionOf(wrong.client.describeInstances({}));
    expect(isZenlayerApiError(error) && [error.code, error.httpStatus, error.category]).toEqual([
      "AUTHFAILURE_SIGNATURE_FAILURE",
      401,
      "permanent",
    ]);
    expect(server.requests).toHaveLength(1);
  });

  it("reaches other services through callApi", async () => {
    const { client } = clientFor(server);
    server.enqueue({ kind: "success", response: { zoneSet: [] } });
    const result = await client.callApi<{ requestId: string; zoneSet: unknown[] }>(
      "vm",
      "2023-03-13",
      "DescribeZones",
      {},
    );
    expect(result.zoneSet).toEqual([]);
    expect(server.requests[0]?.path).toBe("/api/v2/vm");
    expect(server.requests[0]?.headers).toMatchObject({ "x-zc-service": "vm", "x-zc-version": "2023-03-13" });
    expect(server.requests[0]?.authFailure).toBeUndefined();
  });
});
