import type { Simulator } from "../../../simulator";
import { runCli } from "../../../simulator";
import { parseCliArgs } from "../../../simulator/config/cliArgs";
import { startTestSimulator, stopAll } from "./helpers";
import { rawCall, send } from "./rawClient";

afterEach(stopAll);

/** An admin request with exactly the given headers (Node adds Host unless one is given). */
async function admin(sim: Simulator, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await send(sim.port, {
    method: body === undefined ? "GET" : "POST",
    path: `/_simulator/${path}`,
    headers,
    body: body === undefined ? "" : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: JSON.parse(response.text) as unknown };
}

const JSON_TYPE = { "content-type": "application/json" };

describe("the admin surface refuses what a web page could send", () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startTestSimulator();
  });

  /** Whether a fault setting took effect: DescribeInstances answers an HTML 502 under htmlRate 1. */
  async function faultsApplied(): Promise<boolean> {
    return (await rawCall(sim, "DescribeInstances", {})).status === 502;
  }

  it("refuses a text/plain POST from another origin, and applies nothing", async () => {
    const headers = { "content-type": "text/plain", origin: "http://evil.example" };
    expect(await admin(sim, "faults", headers, { htmlRate: 1 })).toMatchObject({
      status: 403,
      body: { error: "cross-origin requests to the admin surface are refused" },
    });
    expect(await faultsApplied()).toBe(false);
  });

  it("refuses a JSON POST from another origin, or from an opaque one", async () => {
    for (const origin of ["http://evil.example", "null", `http://127.0.0.1:${sim.port + 1}`]) {
      expect((await admin(sim, "faults", { ...JSON_TYPE, origin }, { htmlRate: 1 })).status).toBe(403);
    }
    expect(await faultsApplied()).toBe(false);
  });

  it("refuses a request whose Host is not the simulator (DNS rebinding)", async () => {
    const headers = {
      ...JSON_TYPE,
      host: `evil.example:${sim.port}`,
      origin: `http://evil.example:${sim.port}`,
    };
    expect((await admin(sim, "faults", headers, { htmlRate: 1 })).status).toBe(403);
    expect((await admin(sim, "state", { host: `evil.example:${sim.port}` })).status).toBe(403);
    expect(await faultsApplied()).toBe(false);
  });

  it("refuses requests a browser marks as cross-site", async () => {
    const headers = { ...JSON_TYPE, "sec-fetch-site": "cross-site" };
    expect((await admin(sim, "faults", headers, { htmlRate: 1 })).status).toBe(403);
    expect((await admin(sim, "state", { "sec-fetch-site": "same-site" })).status).toBe(403);
  });

  it("requires Content-Type: application/json for writes, so a form or text POST needs a preflight", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]) {
      const answer = await admin(sim, "faults", { "content-type": type }, { htmlRate: 1 });
      expect(answer).toMatchObject({ status: 415 });
    }
    expect((await admin(sim, "faults", {}, { htmlRate: 1 })).status).toBe(415);
    expect(await faultsApplied()).toBe(false);
  });

  it("accepts its own origin and other local spellings of itself", async () => {
    const own = { ...JSON_TYPE, origin: `http://127.0.0.1:${sim.port}`, "sec-fetch-site": "same-origin" };
    expect((await admin(sim, "faults", own, { htmlRate: 1 })).status).toBe(200);
    expect(await faultsApplied()).toBe(true);
    const viaLocalhost = {
      ...JSON_TYPE,
      host: `localhost:${sim.port}`,
      origin: `http://localhost:${sim.port}`,
    };
    expect((await admin(sim, "faults", viaLocalhost, {})).status).toBe(200);
    expect(await faultsApplied()).toBe(false);
  });

  it("never answers a CORS preflight positively", async () => {
    const response = await send(sim.port, {
      method: "OPTIONS",
      path: "/_simulator/faults",
      headers: { origin: "http://evil.example", "access-control-request-method": "POST" },
      body: "",
    });
    expect(response.status).toBe(403);
    expect(response.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("the admin token", () => {
  const token = "admin-fake-token-1";

  it("is required as a Bearer token on every admin route once set", async () => {
    const sim = await startTestSimulator({ adminToken: token });
    const missing = await admin(sim, "state", {});
    expect(missing).toMatchObject({ status: 401, body: { error: expect.stringMatching(/Bearer/) } });
    expect(missing.headers["www-authenticate"]).toMatch(/^Bearer /);
    expect((await admin(sim, "state", { authorization: "Bearer wrong-token" })).status).toBe(401);
    expect((await admin(sim, "state", { authorization: token })).status).toBe(401);
    const wrongWrite = await admin(
      sim,
      "faults",
      { ...JSON_TYPE, authorization: "Bearer x" },
      { htmlRate: 1 },
    );
    expect(wrongWrite.status).toBe(401);
    expect((await rawCall(sim, "DescribeInstances", {})).status).toBe(200);
    const authorized = { ...JSON_TYPE, authorization: `Bearer ${token}` };
    expect((await admin(sim, "state", authorized)).status).toBe(200);
    expect((await admin(sim, "faults", authorized, { htmlRate: 1 })).status).toBe(200);
    expect((await rawCall(sim, "DescribeInstances", {})).status).toBe(502);
  });

  it("does not replace the browser checks", async () => {
    const sim = await startTestSimulator({ adminToken: token });
    const headers = { ...JSON_TYPE, authorization: `Bearer ${token}`, origin: "http://evil.example" };
    expect((await admin(sim, "state", headers)).status).toBe(403);
  });

  it("must be a non-empty string without whitespace", async () => {
    await expect(startTestSimulator({ adminToken: "" })).rejects.toThrow(/adminToken/);
    await expect(startTestSimulator({ adminToken: "two words" })).rejects.toThrow(/adminToken/);
  });

  it("comes from --admin-token, else ZENLAYER_SIMULATOR_ADMIN_TOKEN, and is never printed", async () => {
    const env = { ZENLAYER_SIMULATOR_ADMIN_TOKEN: "from-env-token" };
    expect(parseCliArgs([], env).options.adminToken).toBe("from-env-token");
    expect(parseCliArgs(["--admin-token", "from-flag"], env).options.adminToken).toBe("from-flag");
    expect(parseCliArgs([], { ZENLAYER_SIMULATOR_ADMIN_TOKEN: "" }).options.adminToken).toBeUndefined();
    let output = "";
    const handle = await runCli(["--admin-token", token], {
      write: (text) => (output += text),
      handleSignals: false,
    });
    expect(output).toContain("Authorization: Bearer <admin token>");
    expect(output).not.toContain(token);
    expect((await admin(handle!.simulator, "state", {})).status).toBe(401);
    await handle!.stop();
  });
});

describe("GET /_simulator/requests", () => {
  it("pages with offset and limit and reports the total", async () => {
    const sim = await startTestSimulator();
    for (const nicId of ["1", "2", "3", "4"]) await rawCall(sim, "DetachNetworkInterface", { nicId });
    const page = await admin(sim, "requests?offset=1&limit=2", {});
    expect(page.headers["x-total-count"]).toBe("4");
    expect((page.body as { body: { nicId: string } }[]).map((entry) => entry.body.nicId)).toEqual(["2", "3"]);
    expect(await admin(sim, "requests?offset=9", {})).toMatchObject({ status: 200, body: [] });
    expect((await admin(sim, "requests?limit=-1", {})).status).toBe(400);
    expect((await admin(sim, "requests", JSON_TYPE, {})).status).toBe(405);
  });
});
