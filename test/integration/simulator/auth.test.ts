import { sign } from "../../../sdk/signing/signer";
import type { Simulator } from "../../../simulator";
import { DEFAULT_ACCESS_KEY } from "../../../simulator";
import { startTestSimulator, stopAll } from "./helpers";
import { failure, json, rawCall } from "./rawClient";

const NOW_MS = 1_800_000_000_000;
const NOW_S = NOW_MS / 1000;
const DESCRIBE = "DescribeNetworkInterfaces";
const OTHER_KEY = { accessKeyId: "SECOND0KEY", accessKeyPassword: "second-fake-password" };

let sim: Simulator;

beforeAll(async () => {
  sim = await startTestSimulator({
    now: () => NOW_MS,
    accessKeys: [DEFAULT_ACCESS_KEY, OTHER_KEY],
    bearerTokens: ["fake-token-for-tests"],
  });
});
afterAll(stopAll);

const at = (timestamp: number) => ({ timestamp });

describe("ZC2-HMAC-SHA256 verification", () => {
  it("accepts a correctly signed request, with either configured key", async () => {
    expect((await rawCall(sim, DESCRIBE, {}, at(NOW_S))).status).toBe(200);
    expect((await rawCall(sim, DESCRIBE, {}, { ...at(NOW_S), key: OTHER_KEY })).status).toBe(200);
  });

  it("rebuilds the canonical request from the Content-Type actually received", async () => {
    const contentType = "application/json; charset=utf-8";
    expect((await rawCall(sim, DESCRIBE, { pageSize: 5 }, { ...at(NOW_S), contentType })).status).toBe(200);
    const mismatch = await failure(
      sim,
      DESCRIBE,
      {},
      { ...at(NOW_S), contentType, signContentType: "application/json" },
    );
    expect(mismatch).toEqual({ status: 401, code: "AUTHFAILURE_SIGNATURE_FAILURE" });
  });

  it("accepts a request without the optional X-ZC-Signature-Method header", async () => {
    const response = await rawCall(
      sim,
      DESCRIBE,
      {},
      { ...at(NOW_S), omitHeaders: ["x-zc-signature-method"] },
    );
    expect(response.status).toBe(200);
  });

  it("matches header names case-insensitively", async () => {
    const body = "{}";
    const { authorization } = sign({
      ...DEFAULT_ACCESS_KEY,
      host: sim.domain,
      contentType: "application/json",
      body,
      timestamp: NOW_S,
    });
    const headers = {
      "X-ZC-ACTION": DESCRIBE,
      "x-Zc-Version": "2025-09-01",
      "X-Zc-Timestamp": String(NOW_S),
      AUTHORIZATION: authorization,
    };
    const response = await rawCall(sim, null, body, {
      ...at(NOW_S),
      version: null,
      authorization: null,
      headers,
    });
    expect(response.status).toBe(200);
  });

  it("fails when the host was signed without the port that was sent", async () => {
    const response = await failure(sim, DESCRIBE, {}, { ...at(NOW_S), signHost: "127.0.0.1" });
    expect(response).toEqual({ status: 401, code: "AUTHFAILURE_SIGNATURE_FAILURE" });
  });

  it("fails when the body differs from the signed one", async () => {
    const response = await failure(
      sim,
      DESCRIBE,
      { pageSize: 5 },
      { ...at(NOW_S), sendBody: '{"pageSize":6}' },
    );
    expect(response).toEqual({ status: 401, code: "AUTHFAILURE_SIGNATURE_FAILURE" });
  });

  it("fails for an unknown key id and for a wrong password alike", async () => {
    const unknown = { accessKeyId: "NOBODY", accessKeyPassword: DEFAULT_ACCESS_KEY.accessKeyPassword };
    const wrong = { accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId, accessKeyPassword: "wrong-password" };
    expect(await failure(sim, DESCRIBE, {}, { ...at(NOW_S), key: unknown })).toEqual({
      status: 401,
      code: "AUTHFAILURE_SIGNATURE_FAILURE",
    });
    expect(await failure(sim, DESCRIBE, {}, { ...at(NOW_S), key: wrong })).toEqual({
      status: 401,
      code: "AUTHFAILURE_SIGNATURE_FAILURE",
    });
  });

  it("allows five minutes of clock skew either way and no more", async () => {
    expect((await rawCall(sim, DESCRIBE, {}, at(NOW_S - 300))).status).toBe(200);
    expect((await rawCall(sim, DESCRIBE, {}, at(NOW_S + 300))).status).toBe(200);
    expect(await failure(sim, DESCRIBE, {}, at(NOW_S - 301))).toEqual({
      status: 401,
      code: "AUTHFAILURE_SIGNATURE_EXPIRED",
    });
    expect(await failure(sim, DESCRIBE, {}, at(NOW_S + 301))).toEqual({
      status: 401,
      code: "AUTHFAILURE_SIGNATURE_EXPIRED",
    });
  });

  it.each([
    ["missing", null],
    [
      "another scheme",
      "HMAC-SHA256 Credential=a, SignedHeaders=content-type;host, Signature=" + "0".repeat(64),
    ],
    ["a short signature", "ZC2-HMAC-SHA256 Credential=a, SignedHeaders=content-type;host, Signature=abc"],
    [
      "extra signed headers",
      "ZC2-HMAC-SHA256 Credential=a, SignedHeaders=content-type;host;x-zc-action, Signature=" +
        "0".repeat(64),
    ],
  ])(
    "rejects an Authorization header that is %s as AUTHFAILURE_INVALID_AUTHORIZATION",
    async (_label, authorization) => {
      expect(await failure(sim, DESCRIBE, {}, { ...at(NOW_S), authorization })).toEqual({
        status: 401,
        code: "AUTHFAILURE_INVALID_AUTHORIZATION",
      });
    },
  );

  it("rejects a missing or non-numeric timestamp and a foreign signature method", async () => {
    const invalid = { status: 401, code: "AUTHFAILURE_INVALID_AUTHORIZATION" };
    expect(await failure(sim, DESCRIBE, {}, { timestamp: "yesterday" })).toEqual(invalid);
    expect(await failure(sim, DESCRIBE, {}, { ...at(NOW_S), omitHeaders: ["x-zc-timestamp"] })).toEqual(
      invalid,
    );
    const wrongMethod = { ...at(NOW_S), headers: { "x-zc-signature-method": "HMAC-SHA1" } };
    expect(await failure(sim, DESCRIBE, {}, wrongMethod)).toEqual(invalid);
  });
});

describe("Bearer tokens", () => {
  it("accepts a configured token without timestamp or signature headers", async () => {
    expect((await rawCall(sim, DESCRIBE, {}, { bearer: "fake-token-for-tests" })).status).toBe(200);
  });

  it("rejects an unknown token", async () => {
    expect(await failure(sim, DESCRIBE, {}, { bearer: "other-token" })).toEqual({
      status: 401,
      code: "AUTHFAILURE_SIGNATURE_FAILURE",
    });
  });
});

describe("secrecy", () => {
  it("never reveals the expected signature in answers or in the request log", async () => {
    const body = '{"pageSize":7}';
    const expected = sign({
      ...DEFAULT_ACCESS_KEY,
      host: sim.domain,
      contentType: "application/json",
      body,
      timestamp: NOW_S,
    });
    const wrong = { accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId, accessKeyPassword: "wrong-password" };
    const response = await rawCall(sim, DESCRIBE, body, { ...at(NOW_S), key: wrong });
    expect(response.status).toBe(401);
    expect(Object.keys(json(response)).sort()).toEqual(["code", "message", "requestId"]);
    const everything = response.text + JSON.stringify(sim.control.requestLog());
    expect(everything).not.toContain(expected.signature);
    expect(everything).not.toContain(DEFAULT_ACCESS_KEY.accessKeyPassword);
    expect(everything).not.toContain("wrong-password");
    expect(everything).not.toContain("Signature=");
  });
});
