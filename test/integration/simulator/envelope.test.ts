import type { Simulator } from "../../../simulator";
import { seedBasic, startTestSimulator, stopAll } from "./helpers";
import { failure, json, ok, rawCall, responseOf, send } from "./rawClient";

const REQUEST_ID = /^T[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;

let sim: Simulator;
let world: ReturnType<typeof seedBasic>;

beforeAll(async () => {
  sim = await startTestSimulator();
  world = seedBasic(sim);
});
afterAll(stopAll);

describe("envelopes", () => {
  it("wraps success as {requestId, response:{requestId, ...}} with a T+UUID request id", async () => {
    const body = json(await rawCall(sim, "DescribeNetworkInterfaces", {}));
    expect(body["requestId"]).toMatch(REQUEST_ID);
    const response = body["response"] as Record<string, unknown>;
    expect(response["requestId"]).toBe(body["requestId"]);
    expect(response["totalCount"]).toBe(2);
  });

  it("answers write actions with only the request id", async () => {
    const response = await ok(sim, "DescribeInstances", { instanceIds: ["none"] });
    expect(Object.keys(response).sort()).toEqual(["dataSet", "requestId", "totalCount"]);
    const created = await ok(sim, "CreateNetworkInterface", { name: "only-id", subnetId: world.subnetId });
    expect(Object.keys(created).sort()).toEqual(["nicId", "requestId"]);
    expect(created["nicId"]).toMatch(/^\d{19}$/);
    await sim.control.whenIdle();
    const deleted = await ok(sim, "DeleteNetworkInterface", { nicId: created["nicId"] });
    expect(Object.keys(deleted)).toEqual(["requestId"]);
    await sim.control.whenIdle();
  });

  it("reports failure as {requestId, code, message} without a response key", async () => {
    const response = await rawCall(sim, "DetachNetworkInterface", { nicId: "404" });
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    const body = json(response);
    expect(Object.keys(body).sort()).toEqual(["code", "message", "requestId"]);
    expect(body["requestId"]).toMatch(REQUEST_ID);
  });
});

describe("actions and versions", () => {
  const unauthorized = { status: 403, code: "AUTHFAILURE_UNAUTHORIZED_OPERATION" };

  it.each([
    ["an unknown action", "RebootTheWorld", "2025-09-01"],
    ["a prototype property name", "toString", "2025-09-01"],
    ["no action header", null, "2025-09-01"],
    ["an unsupported version", "DescribeNetworkInterfaces", "2023-01-01"],
    ["no version header", "DescribeNetworkInterfaces", null],
  ])("answers %s with AUTHFAILURE_UNAUTHORIZED_OPERATION", async (_label, action, version) => {
    expect(await failure(sim, action as string, {}, { version })).toEqual(unauthorized);
  });

  it("serves 2024-04-01 with its older NIC shape (no securityGroupId or tags)", async () => {
    const old = responseOf(
      await rawCall(
        sim,
        "DescribeNetworkInterfaces",
        { nicIds: [world.spareNicId] },
        { version: "2024-04-01" },
      ),
    );
    const [nic] = old["dataSet"] as Record<string, unknown>[];
    expect(nic).toHaveProperty("nicId", world.spareNicId);
    expect(nic).not.toHaveProperty("securityGroupId");
    expect(nic).not.toHaveProperty("tags");
    const current = await ok(sim, "DescribeNetworkInterfaces", { nicIds: [world.spareNicId] });
    expect((current["dataSet"] as Record<string, unknown>[])[0]).toHaveProperty("tags", { tags: [] });
  });

  it("takes the stack type as stackType in 2024-04-01 and nicStackType in 2025-09-01", async () => {
    const params = { name: "dual-old", subnetId: world.subnetId, stackType: "IPv4_IPv6" };
    const old = responseOf(await rawCall(sim, "CreateNetworkInterface", params, { version: "2024-04-01" }));
    const current = await ok(sim, "CreateNetworkInterface", {
      name: "dual-new",
      subnetId: world.subnetId,
      nicStackType: "IPv4_IPv6",
    });
    expect(sim.control.getNic(old["nicId"] as string)?.nicSubnetType).toBe("IPv4_IPv6");
    expect(sim.control.getNic(current["nicId"] as string)?.primaryIpv6).not.toBeNull();
    await sim.control.whenIdle();
  });
});

describe("parameter validation", () => {
  const cases: [string, string, unknown, number, string][] = [
    ["malformed JSON", "DescribeNetworkInterfaces", "{not json", 400, "INVALID_PARAMETER_TYPE"],
    ["a JSON array body", "DescribeNetworkInterfaces", "[]", 400, "INVALID_PARAMETER_TYPE"],
    ["a missing nicId", "DetachNetworkInterface", {}, 400, "MISSING_PARAMETER"],
    ["an empty nicId", "DetachNetworkInterface", { nicId: "" }, 400, "MISSING_PARAMETER"],
    ["a missing instanceId", "AttachNetworkInterface", { nicId: "1" }, 400, "MISSING_PARAMETER"],
    ["a numeric nicId", "DetachNetworkInterface", { nicId: 5 }, 400, "INVALID_PARAMETER_TYPE"],
    ["nicIds as a string", "DescribeNetworkInterfaces", { nicIds: "x" }, 400, "INVALID_PARAMETER_TYPE"],
    ["101 nicIds", "DescribeNetworkInterfaces", { nicIds: ids(101) }, 400, "INVALID_PARAMETER_EXCEED_LENGTH"],
    [
      "101 instanceIds",
      "DescribeInstances",
      { instanceIds: ids(101) },
      400,
      "INVALID_PARAMETER_EXCEED_LENGTH",
    ],
    [
      "pageSize 1001",
      "DescribeNetworkInterfaces",
      { pageSize: 1001 },
      400,
      "INVALID_PARAMETER_EXCEED_MAXIMUM",
    ],
    ["pageSize 0", "DescribeInstances", { pageSize: 0 }, 400, "INVALID_PARAMETER_LESS_MINIMUM"],
    ["pageNum 0", "DescribeNetworkInterfaces", { pageNum: 0 }, 400, "INVALID_PARAMETER_LESS_MINIMUM"],
    ["a fractional pageSize", "DescribeNetworkInterfaces", { pageSize: 1.5 }, 400, "INVALID_PARAMETER_TYPE"],
    [
      "an unknown status",
      "DescribeNetworkInterfaces",
      { status: "CREATING" },
      400,
      "INVALID_PARAMETER_VALUE",
    ],
    ["a missing instanceIds", "StopInstances", {}, 400, "MISSING_PARAMETER"],
  ];

  it.each(cases)("rejects %s", async (_label, action, params, status, code) => {
    expect(await failure(sim, action, params)).toEqual({ status, code });
  });

  it("accepts exactly 100 ids and pageSize 1000", async () => {
    expect(
      (await rawCall(sim, "DescribeNetworkInterfaces", { nicIds: ids(100), pageSize: 1000 })).status,
    ).toBe(200);
  });

  it("treats an empty body as {}", async () => {
    expect(responseOf(await rawCall(sim, "DescribeInstances", ""))["totalCount"]).toBe(1);
  });
});

describe("routing outside the API", () => {
  it("answers other paths with a plain 404, never the API envelope", async () => {
    for (const path of ["/", "/api/v2/vm", "/api/v2/zec/extra"]) {
      const response = await rawCall(sim, "DescribeNetworkInterfaces", {}, { path });
      expect(response.status).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^text\/plain/);
    }
  });

  it("answers a non-POST on the API path with 405 and Allow: POST", async () => {
    const response = await send(sim.port, { method: "GET", headers: {}, body: "" });
    expect(response.status).toBe(405);
    expect(response.headers["allow"]).toBe("POST");
  });

  it("refuses bodies over 1 MiB with 413 and the error envelope", async () => {
    const response = await rawCall(sim, "DescribeNetworkInterfaces", { name: "x".repeat(1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.headers["connection"]).toBe("close");
    expect(json(response)).toMatchObject({
      code: "INVALID_PARAMETER_EXCEED_LENGTH",
      requestId: expect.stringMatching(REQUEST_ID),
    });
  });
});

function ids(count: number): string[] {
  return Array.from({ length: count }, (_, index) => String(9_000_000_000_000_000_000n + BigInt(index)));
}
