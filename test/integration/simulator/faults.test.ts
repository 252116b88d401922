import type { FaultSettings, Simulator } from "../../../simulator";
import { seedBasic, startTestSimulator, stopAll } from "./helpers";
import { failure, ok, rawCall, statusAndCode } from "./rawClient";

afterEach(stopAll);

const DESCRIBE = "DescribeNetworkInterfaces";
/** An injected clock, started at real time so requests signed with the real clock stay within the skew window. */
let clockMs = Date.now();
const now = () => clockMs;
const signedNow = () => ({ timestamp: Math.floor(clockMs / 1000) });

async function statuses(sim: Simulator, count: number, action = DESCRIBE): Promise<string[]> {
  const outcomes: string[] = [];
  for (let i = 0; i < count; i++) {
    const { status, code } = await failure(sim, action, {}, signedNow());
    outcomes.push(`${status}:${String(code ?? "")}`);
  }
  return outcomes;
}

describe("rate limiting", () => {
  it("answers 429 REQUEST_LIMIT_EXCEEDED with Retry-After above the rate, before authentication", async () => {
    const sim = await startTestSimulator({ now, faults: { rateLimitRps: 2, retryAfterSeconds: 3 } });
    expect((await rawCall(sim, DESCRIBE, {}, signedNow())).status).toBe(200);
    expect((await rawCall(sim, DESCRIBE, {}, signedNow())).status).toBe(200);
    const limited = await rawCall(sim, DESCRIBE, {}, { authorization: null });
    expect(statusAndCode(limited)).toEqual({ status: 429, code: "REQUEST_LIMIT_EXCEEDED" });
    expect(limited.headers["retry-after"]).toBe("3");
    clockMs += 1000;
    expect((await rawCall(sim, DESCRIBE, {}, signedNow())).status).toBe(200);
    expect(sim.control.requestLog().map((entry) => entry.fault ?? "-")).toEqual([
      "-",
      "-",
      "rate-limit",
      "-",
    ]);
  });
});

describe("server errors", () => {
  it("with errorRate 1 answers only 500 INTERNAL_SERVER_ERROR or 503 SERVICE_TEMPORARY_UNAVAILABLE, after auth", async () => {
    const sim = await startTestSimulator({ now, faults: { errorRate: 1 } });
    const seen = new Set(await statuses(sim, 12));
    expect(seen).toEqual(new Set(["500:INTERNAL_SERVER_ERROR", "503:SERVICE_TEMPORARY_UNAVAILABLE"]));
    expect(await failure(sim, DESCRIBE, {}, { authorization: null })).toEqual({
      status: 401,
      code: "AUTHFAILURE_INVALID_AUTHORIZATION",
    });
  });

  it("limits faults to the listed actions", async () => {
    const sim = await startTestSimulator({ now, faults: { errorRate: 1, actions: ["DescribeInstances"] } });
    expect((await rawCall(sim, DESCRIBE, {}, signedNow())).status).toBe(200);
    expect((await rawCall(sim, "DescribeInstances", {}, signedNow())).status).toBeGreaterThanOrEqual(500);
  });
});

describe("reproducibility", () => {
  const flaky: FaultSettings = { errorRate: 0.3, htmlRate: 0.2 };
  const run = async (randomSeed: number) =>
    statuses(await startTestSimulator({ now, randomSeed, faults: flaky }), 25);

  it("gives the same sequence of outcomes for the same seed, and another for another seed", async () => {
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
    expect(await run(43)).not.toEqual(first);
  });

  it("generates the same resource ids for the same seed", async () => {
    const a = await startTestSimulator({ randomSeed: 7 });
    const b = await startTestSimulator({ randomSeed: 7 });
    const c = await startTestSimulator({ randomSeed: 8 });
    const id = (sim: Simulator) => sim.control.addInstance({}).instanceId;
    const first = id(a);
    expect(first).toMatch(/^[1-9]\d{18}$/);
    expect(id(b)).toBe(first);
    expect(id(c)).not.toBe(first);
  });
});

describe("broken transports", () => {
  it("drops the connection with resetRate 1 and logs status 0", async () => {
    const sim = await startTestSimulator({ faults: { resetRate: 1 } });
    await expect(rawCall(sim, DESCRIBE, {})).rejects.toThrow();
    expect(sim.control.requestLog()[0]).toMatchObject({ status: 0, fault: "reset" });
  });

  it("answers an HTML gateway page (502) or a challenge (403, cf-mitigated) instead of JSON", async () => {
    const sim = await startTestSimulator({ faults: { htmlRate: 1 } });
    const gateway = await rawCall(sim, DESCRIBE, {});
    expect(gateway.status).toBe(502);
    expect(gateway.headers["content-type"]).toMatch(/^text\/html/);
    expect(gateway.text).toContain("<html>");
    sim.control.setFaults({ htmlRate: 1, htmlStatus: 403 });
    const challenge = await rawCall(sim, DESCRIBE, {});
    expect(challenge.status).toBe(403);
    expect(challenge.headers["cf-mitigated"]).toBe("challenge");
  });

  it("executes the action but loses the answer with lostResponseRate 1", async () => {
    const sim = await startTestSimulator();
    const world = seedBasic(sim);
    await ok(sim, "AttachNetworkInterface", { nicId: world.spareNicId, instanceId: world.instanceId });
    await sim.control.whenIdle();
    sim.control.setFaults({ lostResponseRate: 1, actions: ["DetachNetworkInterface"] });
    await expect(rawCall(sim, "DetachNetworkInterface", { nicId: world.spareNicId })).rejects.toThrow();
    expect(sim.control.getNic(world.spareNicId)?.status).toBe("DETACHING");
    await sim.control.whenIdle();
  });

  it("holds the answer for the configured latency (until stop)", async () => {
    const sim = await startTestSimulator({ faults: { latencyMs: 60_000 } });
    const pending = rawCall(sim, DESCRIBE, {});
    pending.catch(() => undefined);
    while ((sim.control.actionCounts()[DESCRIBE] ?? 0) === 0)
      await new Promise((resolve) => setImmediate(resolve));
    expect(sim.control.requestLog()).toEqual([]);
    await sim.stop();
    await expect(pending).rejects.toThrow();
  });
});

describe("failNext (scripted)", () => {
  it("fails exactly the next N matching requests, with the given code and Retry-After", async () => {
    const sim = await startTestSimulator();
    sim.control.failNext({ action: DESCRIBE, count: 2, httpStatus: 503, retryAfterSeconds: 1 });
    expect((await rawCall(sim, "DescribeInstances", {})).status).toBe(200);
    const first = await rawCall(sim, DESCRIBE, {});
    expect(statusAndCode(first)).toEqual({ status: 503, code: "SERVICE_TEMPORARY_UNAVAILABLE" });
    expect(first.headers["retry-after"]).toBe("1");
    expect(await failure(sim, DESCRIBE, {})).toEqual({ status: 503, code: "SERVICE_TEMPORARY_UNAVAILABLE" });
    expect((await rawCall(sim, DESCRIBE, {})).status).toBe(200);
    expect(sim.control.actionCounts()).toEqual({ DescribeInstances: 1, [DESCRIBE]: 3 });
  });

  it("supports custom codes, HTML, empty and reset answers, in order", async () => {
    const sim = await startTestSimulator();
    sim.control.failNext({ count: 1, httpStatus: 504 });
    sim.control.failNext({ count: 1, httpStatus: 429, code: "REQUEST_LIMIT_EXCEEDED" });
    sim.control.failNext({ count: 1, httpStatus: 502, kind: "html" });
    sim.control.failNext({ count: 1, httpStatus: 500, kind: "empty" });
    sim.control.failNext({ count: 1, httpStatus: 500, kind: "reset" });
    expect(await failure(sim, DESCRIBE, {})).toEqual({ status: 504, code: "REQUEST_TIMED_OUT" });
    expect(await failure(sim, DESCRIBE, {})).toEqual({ status: 429, code: "REQUEST_LIMIT_EXCEEDED" });
    expect((await rawCall(sim, DESCRIBE, {})).headers["content-type"]).toMatch(/^text\/html/);
    const empty = await rawCall(sim, DESCRIBE, {});
    expect(empty).toMatchObject({ status: 500, text: "" });
    await expect(rawCall(sim, DESCRIBE, {})).rejects.toThrow();
    expect((await rawCall(sim, DESCRIBE, {})).status).toBe(200);
  });

  it("with when: after, runs the write and then fails the answer", async () => {
    const sim = await startTestSimulator();
    const world = seedBasic(sim);
    sim.control.failNext({ action: "AttachNetworkInterface", count: 1, httpStatus: 500, when: "after" });
    const params = { nicId: world.spareNicId, instanceId: world.instanceId };
    expect(await failure(sim, "AttachNetworkInterface", params)).toEqual({
      status: 500,
      code: "INTERNAL_SERVER_ERROR",
    });
    expect(await failure(sim, "AttachNetworkInterface", params)).toEqual({
      status: 400,
      code: "INVALID_NIC_ATTACHED",
    });
    await sim.control.whenIdle();
  });
});
