/**
 * Hostile request values through the client: ids with control characters, quotes or absurd
 * lengths, values of the wrong type, and bodies over the size cap are refused with a
 * `ZenlayerApiError` naming the field, and a transport that counts requests sees none of them.
 * Valid values, including identifiers that are not numeric, are sent.
 */
import type { HttpReply, HttpRequest, Transport, ZenlayerApiError } from "../../../sdk/index";
import { isZenlayerApiError, resolveClientConfig, TokenBucket, ZecClient } from "../../../sdk/index";
import { MAX_REQUEST_BYTES } from "../../../sdk/client/requestValidation";

const REQUEST_REFUSED_CODE = "INVALID_REQUEST_VALUE";
import { expectSafeMessage, HOSTILE_IDS, VALID_IDS } from "../support/hostileValues";

const NIC = "1475945014486896967";

function counting(): Transport & { seen: HttpRequest[] } {
  const seen: HttpRequest[] = [];
  const reply: HttpReply = {
    status: 200,
    headers: {},
    body: JSON.stringify({ requestId: "T1", response: { requestId: "T1", totalCount: 0, dataSet: [] } }),
  };
  return {
    seen,
    send: async (request) => {
      seen.push(request);
      return reply;
    },
  };
}

function clientWith(transport: Transport): ZecClient {
  const config = resolveClientConfig({
    explicit: {
      accessKeyId: "AKID-req",
      accessKeyPassword: "pw-req",
      domain: "zec.test",
      retry: { maxAttempts: 1 },
    },
    env: {},
  });
  return new ZecClient(config, { transport, rateLimiter: new TokenBucket({ requestsPerSecond: 1000 }) });
}

/** The refusal `call` ends in; fails unless it is the client's own, bounded and escaped. */
async function refusal(call: Promise<unknown>, field: string): Promise<ZenlayerApiError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!isZenlayerApiError(error)) throw new Error(`expected a ZenlayerApiError, got ${String(error)}`);
  expect([error.code, error.category, error.httpStatus]).toEqual([
    REQUEST_REFUSED_CODE,
    "permanent",
    undefined,
  ]);
  expectSafeMessage(error.message, field);
  expect(error.message).toMatch(/nothing was sent$/);
  return error;
}

describe("the client, given a hostile id", () => {
  it.each(HOSTILE_IDS)("refuses %s in a single-id field without sending", async (_label, value) => {
    const transport = counting();
    const client = clientWith(transport);
    const request = { nicId: value, instanceId: "1478001766933994003" } as never;
    await refusal(client.attachNetworkInterface(request), '"nicId"');
    await refusal(client.detachNetworkInterface(request), '"nicId"');
    expect(transport.seen).toHaveLength(0);
  });

  it.each(HOSTILE_IDS)("refuses %s in an id list without sending", async (_label, value) => {
    const transport = counting();
    const client = clientWith(transport);
    const list = [NIC, value] as never;
    await refusal(client.describeNetworkInterfaces({ nicIds: list }), '"nicIds[1]"');
    await refusal(client.findNetworkInterface(value as string), '"nicIds[0]"');
    expect(transport.seen).toHaveLength(0);
  });

  it("refuses an id list that is not a list, and ids nested in other fields", async () => {
    const transport = counting();
    const client = clientWith(transport);
    await refusal(client.describeInstances({ instanceIds: NIC as never }), '"instanceIds"');
    const nested = { filter: { subnetId: "1\u0007" } };
    await refusal(client.callApi("vpc", "2024-01-01", "DescribeThings", nested), '"filter.subnetId"');
    expect(transport.seen).toHaveLength(0);
  });

  it("refuses a body over the size cap, naming its size, without sending", async () => {
    const transport = counting();
    const name = "x".repeat(MAX_REQUEST_BYTES);
    const error = await refusal(clientWith(transport).describeInstances({ name }), "request body");
    expect(error.message).toMatch(/over the client's limit of 262144/);
    expect(transport.seen).toHaveLength(0);
  });

  it("shows the refused value escaped and cut short", async () => {
    const error = await refusal(
      clientWith(counting()).detachNetworkInterface({ nicId: "\u001b[31m".repeat(100) }),
      '"nicId"',
    );
    expect(error.message).toContain('got "\\u001b[31m\\u001b[31m');
    expect(error.message).toContain("(500 characters in all)");
  });
});

describe("the client, given valid values", () => {
  it.each([...VALID_IDS, "key-7K9AcYWv", "HKG-A", "asia-east-1", "a".repeat(64)])("sends %s", async (id) => {
    const transport = counting();
    await clientWith(transport).describeNetworkInterfaces({ nicIds: [id], vpcId: id });
    expect(transport.seen).toHaveLength(1);
  });

  it("sends absent optional ids (undefined or null) and non-id fields with any text", async () => {
    const transport = counting();
    const client = clientWith(transport);
    await client.describeNetworkInterfaces({ vpcId: undefined, name: 'quoted "name" 测试\n' } as never);
    await client.callApi("zec", "2025-09-01", "DescribeNetworkInterfaces", { vpcId: null });
    expect(transport.seen).toHaveLength(2);
  });

  it("refuses 65 characters", async () => {
    const transport = counting();
    await refusal(clientWith(transport).describeNetworkInterfaces({ nicIds: ["a".repeat(65)] }), "nicIds[0]");
    expect(transport.seen).toHaveLength(0);
  });
});
