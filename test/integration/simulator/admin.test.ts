import type { WireNic, Simulator } from "../../../simulator";
import { startTestSimulator, stopAll } from "./helpers";
import { rawCall, send } from "./rawClient";

let sim: Simulator;

beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(stopAll);

async function admin(path: string, body?: unknown) {
  const init =
    body === undefined ? { method: "GET", body: "" } : { method: "POST", body: JSON.stringify(body) };
  const response = await send(sim.port, {
    ...init,
    path: `/_simulator/${path}`,
    headers: { "content-type": "application/json" },
  });
  return {
    status: response.status,
    body: response.text === "" ? undefined : (JSON.parse(response.text) as unknown),
  };
}

describe("admin surface under /_simulator/", () => {
  it("seeds and shows state", async () => {
    const seeded = await admin("seed", { instances: [{ instanceId: "11" }], nics: [{ nicId: "22" }] });
    expect(seeded.status).toBe(200);
    const state = (await admin("state")).body as { instances: unknown[]; nics: WireNic[] };
    expect(state.instances).toHaveLength(1);
    expect(state.nics.map((nic) => nic.nicId)).toContain("22");
  });

  it("rejects invalid input with 400 and the reason", async () => {
    expect(await admin("seed", { nics: [{ nicId: 5 }] })).toEqual({
      status: 400,
      body: { error: "seed.nics[0].nicId must be a string" },
    });
    expect((await admin("faults", { errorRate: 2 })).status).toBe(400);
    expect((await admin("faults", { typo: 1 })).body).toEqual({ error: "faults has unknown field(s): typo" });
    expect((await admin("seed", { instances: [{ tags: [{ key: "a" }] }] })).body).toEqual({
      error: "seed.instances[0].tags[0].value is required",
    });
    expect((await admin("seed", { securityGroups: [{ id: "1" }] })).body).toEqual({
      error: "seed.securityGroups[0] has unknown field(s): id",
    });
  });

  it("sets faults and scripted failures", async () => {
    expect(await admin("faults", { htmlRate: 1 })).toEqual({ status: 200, body: { ok: true } });
    expect((await rawCall(sim, "DescribeInstances", {})).status).toBe(502);
    await admin("faults", {});
    await admin("fail-next", { action: "DescribeInstances", count: 1, httpStatus: 503 });
    expect((await rawCall(sim, "DescribeInstances", {})).status).toBe(503);
    expect((await rawCall(sim, "DescribeInstances", {})).status).toBe(200);
  });

  it("performs out-of-band changes", async () => {
    await admin("seed", { instances: [{ instanceId: "11" }], nics: [{ nicId: "22", instanceId: "11" }] });
    expect((await admin("out-of-band/associateLoadBalancer", { nicId: "22" })).status).toBe(200);
    expect((await admin("out-of-band/detachNic", { nicId: "22" })).status).toBe(200);
    expect(sim.control.getNic("22")).toMatchObject({ status: "AVAILABLE", instanceId: null });
    expect((await admin("out-of-band/stopInstance", { instanceId: "11" })).status).toBe(200);
    expect(sim.control.getInstance("11")?.status).toBe("STOPPED");
    expect((await admin("out-of-band/startInstance", { instanceId: "11" })).status).toBe(200);
    expect((await admin("out-of-band/deleteNic", { nicId: "22" })).status).toBe(200);
    expect(sim.control.getNic("22")).toBeUndefined();
    expect(await admin("out-of-band/deleteNic", { nicId: "22" })).toEqual({
      status: 400,
      body: { error: "unknown NIC 22" },
    });
  });

  it("reports requests and counts, without counting itself", async () => {
    await rawCall(sim, "DescribeInstances", {});
    const requests = (await admin("requests")).body as { action: string }[];
    expect(requests.map((entry) => entry.action)).toEqual(["DescribeInstances"]);
    expect((await admin("counts")).body).toEqual({ DescribeInstances: 1 });
    await admin("requests/reset", {});
    expect((await admin("counts")).body).toEqual({});
  });

  it("answers unknown routes with 404 and wrong methods with 405", async () => {
    expect((await admin("nothing")).status).toBe(404);
    expect((await admin("state", {})).status).toBe(405);
  });

  it("is never reachable through the API path", async () => {
    const response = await send(sim.port, {
      path: "/api/v2/zec/_simulator/state",
      method: "GET",
      headers: {},
      body: "",
    });
    expect(response.status).toBe(404);
  });
});
