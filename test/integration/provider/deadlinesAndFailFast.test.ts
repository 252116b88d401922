/**
 * Deterministic reproductions of issue 8, findings 5, 7 and 8: a resource's timeout bounds
 * everything an operation waits on; what will not pass fails in seconds with an error that names
 * the endpoint and the setting behind it; every error keeps the Zenlayer error as its cause and no
 * secret. (Finding 6, an instance stopped mid-way, is a row of the unit tier's attach tables.)
 * Elapsed-time bounds here are correctness bounds with a wide margin (the bugs they catch overran
 * by tens of seconds), not performance measurements.
 */
import { createServer } from "node:http";
import type { Server } from "node:http";
import { createServer as createTcpServer } from "node:net";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { createNetworkInterfaceAttachmentProvider } from "../../../provider/index";
import { withInstanceLock } from "../../../provider/core/instanceLocks";
import { DEFAULT_ACCESS_KEY } from "../../../simulator/index";
import { count, failureOf, FAST_CLIENT, inputs, startHarness } from "./support/harness";
import type { Harness } from "./support/harness";

/** What the overrun past a timeout may be: about one request timeout, plus scheduling slack. */
const OVERRUN_MARGIN_MS = 1500;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  h.sim.control.releaseStalls();
  await h.sim.stop();
});

async function timed<T>(work: Promise<T>): Promise<{ ms: number; result: T }> {
  const started = Date.now();
  const result = await work;
  return { ms: Date.now() - started, result };
}

function listening(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

/** A provider whose endpoint comes from the environment, as a misconfigured CI job would have it. */
function providerAt(domain: string, scheme = "HTTP", requestTimeoutMs?: number) {
  return createNetworkInterfaceAttachmentProvider({
    env: {
      ZENLAYERCLOUD_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY.accessKeyId,
      ZENLAYERCLOUD_ACCESS_KEY_PASSWORD: DEFAULT_ACCESS_KEY.accessKeyPassword,
      ZENLAYERCLOUD_DOMAIN: domain,
      ZENLAYERCLOUD_SCHEME: scheme,
    },
    clientSettings: {
      maxRequestsPerSecond: 1000,
      ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
    },
    polling: { intervalMs: 20 },
    log: () => undefined,
  });
}

describe("one deadline per operation (finding 5)", () => {
  it("ends a delete under steady 503 at its timeout, whatever the client's retry budget", async () => {
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    h.sim.control.setFaults({ errorRate: 1, actions: ["DetachNetworkInterface"] });
    const outs = { ...created.outs!, timeouts: { delete: "1s" } };
    const { ms, result } = await timed(failureOf(h.provider.delete!(created.id, outs)));
    expect(result.message).toMatch(
      /did not finish within its 1s timeout \(last status USED; no read showed yet whether a DetachNetworkInterface whose answer was lost ran \(\d+ms after it\), so it was not sent again: a second one could act on a NIC that changed meanwhile\. Reads are taken at their word again \d+m?s from now: run the command again then, or give the operation a longer timeout\); the last failed request: DetachNetworkInterface failed with/,
    );
    expect(ms).toBeLessThan(1000 + OVERRUN_MARGIN_MS);
  });

  it("gives up waiting for a held instance lock at the timeout, and sends no write after it", async () => {
    let release: () => void = () => undefined;
    const held = withInstanceLock(h.instanceId, () => new Promise<void>((resolve) => (release = resolve)));
    try {
      const create = h.provider.create(inputs(h.nicId, h.instanceId, { create: "500ms" }));
      const { ms, result } = await timed(failureOf(create));
      expect(result.message).toContain("did not finish within its 500ms timeout");
      expect(ms).toBeLessThan(500 + OVERRUN_MARGIN_MS);
    } finally {
      release();
      await held;
    }
    // Checking for an absence: give a write that a bug sent after the deadline time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(count(h.sim, "AttachNetworkInterface")).toBe(0);
  });
});

describe("misconfiguration surfaces in seconds, naming the endpoint and the setting (finding 7)", () => {
  it("a domain that answers HTML 404 fails on the first answer", async () => {
    const server = createServer((_req, res) =>
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>404</h1>"),
    );
    const port = await listening(server);
    try {
      const error = await failureOf(providerAt(`127.0.0.1:${port}`).create(inputs(h.nicId, h.instanceId)));
      expect(error.message).toContain("INVALID_RESPONSE_BODY (HTTP 404");
      expect(error.message).toContain(`The endpoint http://127.0.0.1:${port}/api/v2/zec comes from`);
      expect(error.message).toContain("ZENLAYERCLOUD_DOMAIN from the environment");
    } finally {
      server.close();
    }
  });

  it("a 413 answer is not retried", async () => {
    h.sim.control.failNext({ action: "DescribeNetworkInterfaces", count: 5, httpStatus: 413, kind: "html" });
    const error = await failureOf(h.provider.create(inputs(h.nicId, h.instanceId)));
    expect(error.message).toContain("HTTP 413");
    expect(count(h.sim, "DescribeNetworkInterfaces")).toBe(1);
  });

  it("a refused port, an unknown host and HTTPS against HTTP each fail within seconds", async () => {
    // Nothing listens on 127.0.0.2 at a port this process holds on 127.0.0.1: refused, with no
    // window in which another process could take the port.
    const holder = createTcpServer();
    const port = await listening(holder);
    const cases = [
      { provider: providerAt(`127.0.0.2:${port}`), cause: /ECONNREFUSED/ },
      { provider: providerAt("no-such-host.invalid"), cause: /ENOTFOUND|EAI_AGAIN/ },
      { provider: providerAt(h.sim.domain, "HTTPS"), cause: /EPROTO|SSL|wrong version/i },
    ];
    const outcomes = await Promise.all(
      cases.map(({ provider }) => timed(failureOf(provider.create(inputs(h.nicId, h.instanceId))))),
    );
    outcomes.forEach(({ ms, result }, index) => {
      expect(result.message).toMatch(cases[index]!.cause);
      expect(result.message).toContain("comes from: domain set by ZENLAYERCLOUD_DOMAIN from the environment");
      expect(result.message).toContain("No attach was made.");
      expect(ms).toBeLessThan(10_000 + 5000);
    });
    holder.close();
  }, 60_000);

  it("a server that never answers ends at the timeout, saying that nothing answered", async () => {
    const silent = createTcpServer(() => undefined);
    const port = await listening(silent);
    try {
      const create = providerAt(`127.0.0.1:${port}`, "HTTP", 300).create(
        inputs(h.nicId, h.instanceId, { create: "2s" }),
      );
      const { ms, result } = await timed(failureOf(create));
      expect(result.message).toContain("did not finish within its 2s timeout (last status unknown)");
      expect(result.message).toContain(`no reply from http://127.0.0.1:${port}/api/v2/zec`);
      expect(result.message).not.toContain("RUNNING");
      expect(ms).toBeLessThan(2000 + OVERRUN_MARGIN_MS);
    } finally {
      silent.close();
    }
  });
});

describe("structured errors without secrets (finding 8)", () => {
  it("keeps the Zenlayer error as the cause of every handler error", async () => {
    const created = await h.provider.create(inputs(h.nicId, h.instanceId));
    h.sim.control.outOfBand.associateLoadBalancer(h.nicId);
    const error = await failureOf(h.provider.delete!(created.id, created.outs!));
    expect(error.cause).toMatchObject({
      name: "ZenlayerApiError",
      code: "INVALID_NIC_LB_ASSOCIATED",
      requestId: expect.stringMatching(/^T[0-9A-F-]{36}$/),
      action: "DetachNetworkInterface",
    });
  });

  it("puts no credential text in any field of an error or its cause", async () => {
    h.sim.control.failNext({
      action: "AttachNetworkInterface",
      count: 1,
      httpStatus: 403,
      code: "AUTHFAILURE_UNAUTHORIZED_OPERATION",
    });
    const error = await failureOf(h.provider.create(inputs(h.nicId, h.instanceId)));
    const everything = [
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      JSON.stringify(error.cause),
    ].join("\n");
    expect(everything).toContain("AUTHFAILURE_UNAUTHORIZED_OPERATION");
    expect(everything).not.toContain(FAST_CLIENT.accessKeyPassword);
    expect(everything).not.toMatch(/Signature=|Authorization/i);
  });
});
