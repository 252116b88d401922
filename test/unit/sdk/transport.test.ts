/**
 * The transport seam: a client given its own transport sends every signed attempt through it and
 * nothing else, reads what it answers, and turns what it throws into the client's errors, keeping
 * nothing of the thrown object but name, code and message. No network is involved.
 */
import { inspect } from "node:util";
import type { HttpReply, HttpRequest, Transport } from "../../../sdk/index";
import {
  isZenlayerApiError,
  MAX_REPLY_BYTES,
  ReplyTooLargeError,
  resolveClientConfig,
  TokenBucket,
  ZecClient,
} from "../../../sdk/index";
import { verifyRequest } from "../../../simulator/auth/verifyRequest";

const KEY = { accessKeyId: "AKID-transport", accessKeyPassword: "pw-transport-never-printed" };

function clientWith(transport: Transport, requestTimeoutMs = 1000, maxAttempts = 1): ZecClient {
  const config = resolveClientConfig({
    explicit: { ...KEY, domain: "zec.example.test:8443", requestTimeoutMs, retry: { maxAttempts } },
    env: {},
  });
  return new ZecClient(config, { transport, rateLimiter: new TokenBucket({ requestsPerSecond: 1000 }) });
}

function recording(reply: (request: HttpRequest) => Promise<HttpReply>): Transport & { seen: HttpRequest[] } {
  const seen: HttpRequest[] = [];
  return {
    seen,
    send: async (request) => {
      seen.push(request);
      return reply(request);
    },
  };
}

const ok = (response: object): HttpReply => ({
  status: 200,
  headers: {},
  body: JSON.stringify({ requestId: "T1", response: { requestId: "T1", ...response } }),
});

describe("a client on a transport of its own", () => {
  it("sends each attempt signed as the simulator's verifier expects, and returns the response", async () => {
    const transport = recording(async () => ok({ totalCount: 0, dataSet: [] }));
    const page = await clientWith(transport).describeNetworkInterfaces({ nicIds: ["1"] });
    expect(page).toEqual({ requestId: "T1", totalCount: 0, dataSet: [] });
    const [request] = transport.seen;
    expect(request?.url).toBe("https://zec.example.test:8443/api/v2/zec");
    const headers = request!.headers;
    const verdict = verifyRequest(
      {
        authorization: headers["Authorization"],
        timestamp: headers["X-ZC-Timestamp"],
        signatureMethod: headers["X-ZC-Signature-Method"],
        host: headers["Host"] ?? "",
        contentType: headers["Content-Type"] ?? "",
        body: Buffer.from(request!.body),
      },
      { accessKeys: [KEY], bearerTokens: [] },
      Date.now(),
    );
    expect(verdict).toBeNull();
    expect(headers["X-ZC-Action"]).toBe("DescribeNetworkInterfaces");
  });

  it("turns a transport that throws into NETWORK_ERROR, keeping only name, code and message", async () => {
    const leaky = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED", config: KEY });
    const transport = recording(() => Promise.reject(leaky));
    const error = await clientWith(transport)
      .describeInstances({})
      .catch((thrown: unknown) => thrown);
    expect(isZenlayerApiError(error) && error.code).toBe("NETWORK_ERROR");
    expect(isZenlayerApiError(error) && error.category).toBe("unreachable");
    expect(inspect(error, { depth: 5, showHidden: true })).not.toContain(KEY.accessKeyPassword);
  });

  it("ends an attempt the transport does not finish at the request timeout, through the signal", async () => {
    const transport = recording(
      (request) =>
        new Promise((_resolve, reject) =>
          request.signal.addEventListener("abort", () => reject(new Error("aborted"))),
        ),
    );
    const error = await clientWith(transport, 50)
      .describeInstances({})
      .catch((thrown: unknown) => thrown);
    expect(isZenlayerApiError(error) && error.code).toBe("REQUEST_TIMEOUT");
  });

  it("shows what a hostile or broken endpoint answers escaped and cut, never raw", async () => {
    const body = JSON.stringify({
      requestId: "T\u001b[2J",
      code: "BAD\u0007CODE",
      message: `\u001b[31mred\u202e ${"x".repeat(10_000)}`,
    });
    const transport = recording(async () => ({ status: 400, headers: {}, body }));
    const error = await clientWith(transport)
      .describeInstances({})
      .catch((thrown: unknown) => thrown);
    const message = error instanceof Error ? error.message : "";
    expect(message).toContain("\\u001b[31mred\\u202e");
    expect(message).toContain("BAD\\u0007CODE");
    expect(message).not.toMatch(/[\p{Cc}\u202e]/u);
    expect(message.length).toBeLessThan(700);
  });

  it("tells the transport the most reply bytes to read, and reports a reply past them as the endpoint's fault, once", async () => {
    const transport = recording((request) =>
      Promise.reject(new ReplyTooLargeError(request.maxReplyBytes, 200)),
    );
    const error = await clientWith(transport, 1000, 4)
      .describeInstances({})
      .catch((thrown: unknown) => thrown);
    expect(transport.seen.map((request) => request.maxReplyBytes)).toEqual([MAX_REPLY_BYTES]);
    expect(isZenlayerApiError(error) && error).toMatchObject({
      code: "REPLY_TOO_LARGE",
      category: "permanent",
      blamesEndpoint: true,
      httpStatus: 200,
    });
    const message = error instanceof Error ? error.message : "";
    expect(message).toContain("larger than the client's limit of 16 MiB (16777216 bytes)");
    expect(message).toContain("The endpoint https://zec.example.test:8443/api/v2/zec comes from");
    expect(message).not.toContain("could not reach");
  });
});
