import { connect } from "node:net";
import { request } from "node:http";
import type { Simulator } from "../../../simulator";
import { startSimulator } from "../../../simulator";
import { parseCliArgs } from "../../../simulator/config/cliArgs";
import { startTestSimulator, stopAll } from "./helpers";
import { json, rawCall } from "./rawClient";

/** How a raw connection ended: after how long, and the status line of any answer. */
interface Ending {
  readonly afterMs: number;
  readonly answer: string;
}

/**
 * Opens a raw TCP connection, writes `head`, then one `drip` every `everyMs` (a slowloris client
 * when `everyMs` is set), and reports when the server closed the connection.
 */
function rawConnection(
  port: number,
  head: string,
  drip?: { everyMs: number; text: string },
): Promise<Ending> {
  return new Promise((resolve) => {
    const start = Date.now();
    const socket = connect(port, "127.0.0.1");
    let received = "";
    let timer: NodeJS.Timeout | undefined;
    socket.on("connect", () => {
      if (head !== "") socket.write(head);
      if (drip !== undefined)
        timer = setInterval(() => socket.writable && socket.write(drip.text), drip.everyMs);
    });
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ afterMs: Date.now() - start, answer: received.split("\r\n")[0] ?? "" });
    });
  });
}

const POST_HEAD = "POST /api/v2/zec HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";

let sim: Simulator;

beforeAll(async () => {
  sim = await startTestSimulator({ idleTimeoutMs: 300, headersTimeoutMs: 600, requestTimeoutMs: 1200 });
});
afterAll(stopAll);

describe("slow and silent clients", () => {
  it("closes a connection that sends nothing after the idle timeout", async () => {
    const ending = await rawConnection(sim.port, "");
    expect(ending.answer).toBe("");
    expect(ending.afterMs).toBeGreaterThanOrEqual(250);
    expect(ending.afterMs).toBeLessThan(1000);
  });

  it("answers 408 and closes when headers trickle in slower than the headers timeout", async () => {
    const ending = await rawConnection(sim.port, "POST /api/v2/zec HTTP/1.1\r\n", {
      everyMs: 100,
      text: "X",
    });
    expect(ending.answer).toBe("HTTP/1.1 408 Request Timeout");
    expect(ending.afterMs).toBeGreaterThanOrEqual(550);
    expect(ending.afterMs).toBeLessThan(1500);
  });

  it("answers 408 and closes when the body trickles in slower than the request timeout", async () => {
    const head = `${POST_HEAD}Content-Length: 100000\r\n\r\n`;
    const ending = await rawConnection(sim.port, head, { everyMs: 100, text: "a" });
    expect(ending.answer).toBe("HTTP/1.1 408 Request Timeout");
    expect(ending.afterMs).toBeGreaterThanOrEqual(1100);
    expect(ending.afterMs).toBeLessThan(2500);
  });

  it("cuts off a client that stops sending its body after the idle timeout", async () => {
    const ending = await rawConnection(sim.port, `${POST_HEAD}Content-Length: 100000\r\n\r\n{"na`);
    expect(ending.afterMs).toBeLessThan(1000);
  });

  it("closes an idle keep-alive connection after the keep-alive timeout", async () => {
    const quick = await startTestSimulator({ keepAliveTimeoutMs: 200 });
    const ending = await rawConnection(quick.port, `${POST_HEAD}Content-Length: 2\r\n\r\n{}`);
    expect(ending.answer).toBe("HTTP/1.1 401 Unauthorized");
    expect(ending.afterMs).toBeGreaterThanOrEqual(150);
    // Node keeps the socket up to a second longer than it advertises, against client races.
    expect(ending.afterMs).toBeLessThan(2000);
  });

  it("never counts the simulator's own (injected) latency as client idleness", async () => {
    sim.control.setFaults({ latencyMs: 900 });
    try {
      const head = `${POST_HEAD}Content-Length: 2\r\nConnection: close\r\n\r\n{}`;
      const ending = await rawConnection(sim.port, head);
      expect(ending.answer).toBe("HTTP/1.1 401 Unauthorized");
      expect(ending.afterMs).toBeGreaterThanOrEqual(850);
    } finally {
      sim.control.setFaults({});
    }
  });
});

describe("oversized bodies", () => {
  function chunkedPost(
    port: number,
    chunks: number,
    chunkBytes: number,
  ): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const headers = { "content-type": "application/json", "x-zc-action": "DescribeInstances" };
      const req = request({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/v2/zec",
        headers,
        agent: false,
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      for (let index = 0; index < chunks; index++) req.write(Buffer.alloc(chunkBytes, "a"));
      req.end();
    });
  }

  it("answers 413 with the error envelope to a chunked body that grows past 1 MiB, and logs its size only", async () => {
    sim.control.resetRequestLog();
    const answer = await chunkedPost(sim.port, 40, 64 * 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ code: "INVALID_PARAMETER_EXCEED_LENGTH" });
    const [entry] = sim.control.requestLog();
    expect(entry).toMatchObject({
      action: "DescribeInstances",
      status: 413,
      code: "INVALID_PARAMETER_EXCEED_LENGTH",
    });
    expect(entry!.body).toEqual({ truncated: true, bytes: expect.any(Number), preview: "" });
    expect((entry!.body as { bytes: number }).bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it("refuses a declared Content-Length over 1 MiB before reading any of it", async () => {
    const head = `${POST_HEAD}Content-Length: 1073741824\r\n\r\n`;
    const ending = await rawConnection(sim.port, head);
    expect(ending.answer).toBe("HTTP/1.1 413 Payload Too Large");
    expect(ending.afterMs).toBeLessThan(1000);
  });

  it("still answers normal requests on the same server", async () => {
    expect(json(await rawCall(sim, "DescribeInstances", {}))).toHaveProperty("response");
  });
});

describe("configuration", () => {
  it("refuses a headers timeout longer than the request timeout, and fractions", async () => {
    await expect(startSimulator({ requestTimeoutMs: 1000, headersTimeoutMs: 2000 })).rejects.toThrow(
      /headersTimeoutMs must not exceed requestTimeoutMs/,
    );
    await expect(startSimulator({ idleTimeoutMs: 1.5 })).rejects.toThrow(/idleTimeoutMs/);
  });

  it("takes the limits from the command line", () => {
    const argv = ["--request-timeout-ms", "20000", "--headers-timeout-ms", "5000"];
    const more = ["--keep-alive-timeout-ms", "1000", "--idle-timeout-ms", "0"];
    expect(parseCliArgs([...argv, ...more], {}).options).toMatchObject({
      requestTimeoutMs: 20000,
      headersTimeoutMs: 5000,
      keepAliveTimeoutMs: 1000,
      idleTimeoutMs: 0,
    });
    expect(() => parseCliArgs(["--idle-timeout-ms", "1.5"], {})).toThrow(/must be an integer/);
  });
});
