import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Simulator } from "../../../simulator";
import { startTestSimulator, stopAll } from "./helpers";
import { rawCall, send } from "./rawClient";

const MiB = 1024 * 1024;

/**
 * A forced garbage collection, so heap figures measure what is kept rather than what is merely
 * not collected yet. `--expose-gc` can be turned on at run time; the function then lives in any
 * fresh context. Undefined if the runtime refuses, and the bounds below are then generous.
 */
function forcedGc(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? () => void gc() : undefined;
  } catch {
    return undefined;
  }
}

const gc = forcedGc();

/** Heap plus Buffers: where a kept request body would show. */
function retainedBytes(): number {
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** A body just under the 1 MiB cap, accepted by the server, with ids the log should keep. */
function bigBody(index: number): string {
  const head = { nicId: `nic-${index}`, instanceId: `instance-${index}`, name: "" };
  return JSON.stringify({ ...head, name: "x".repeat(MiB - 200) });
}

let sim: Simulator;

beforeAll(async () => {
  sim = await startTestSimulator({ requestLogLimit: 1000 });
});
afterAll(stopAll);

describe("request-log memory", () => {
  // Before the bound, 300 such requests kept ~300 MB of parsed bodies and reading the log peaked at 1.6 GB.
  const bound = gc === undefined ? 150 * MiB : 30 * MiB;

  it("stays bounded after 300 near-1-MiB requests, unauthenticated and signed", async () => {
    const before = retainedBytes();
    for (let index = 0; index < 300; index++) {
      const options = index % 3 === 0 ? {} : { authorization: null };
      const response = await rawCall(sim, "DescribeNetworkInterfaces", bigBody(index), options);
      expect(response.status).toBe(index % 3 === 0 ? 200 : 401);
    }
    const growth = retainedBytes() - before;
    expect(growth).toBeLessThan(bound);
    expect(sim.control.requestLog()).toHaveLength(300);
  }, 60_000);

  it("keeps a size and a preview of large bodies, and small bodies whole", async () => {
    const log = sim.control.requestLog();
    expect(log[0]!.body).toEqual({ truncated: true, bytes: bigBody(0).length, preview: expect.any(String) });
    expect((log[0]!.body as { preview: string }).preview).toHaveLength(256);
    await rawCall(sim, "DetachNetworkInterface", { nicId: "2000000000000000009" });
    expect(sim.control.requestLog().at(-1)!.body).toEqual({ nicId: "2000000000000000009" });
  });

  it("cuts header values anyone can send to 128 characters", async () => {
    await rawCall(sim, "A".repeat(8000), {}, { authorization: null });
    const entry = sim.control.requestLog().at(-1)!;
    expect(entry.action).toBe(`${"A".repeat(128)}…`);
    expect(Object.keys(sim.control.actionCounts())).toContain(`${"A".repeat(128)}…`);
  });

  it("reads the log over the admin surface without ballooning", async () => {
    const before = retainedBytes();
    const response = await send(sim.port, {
      method: "GET",
      path: "/_simulator/requests",
      headers: {},
      body: "",
    });
    expect(response.status).toBe(200);
    expect(response.headers["x-total-count"]).toBe("302");
    expect(response.text.length).toBeLessThan(2 * MiB);
    expect(JSON.parse(response.text)).toHaveLength(302);
    expect(retainedBytes() - before).toBeLessThan(bound);
  });
});
