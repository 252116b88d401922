import type { HttpReply, ZenlayerApiError } from "../../../sdk/index";
import { isZenlayerApiError } from "../../../sdk/index";
import { parseReply } from "../../../sdk/client/attempt";

const NOW = Date.parse("2026-01-01T00:00:00Z");

function failureOf(reply: HttpReply, action = "DescribeNetworkInterfaces"): ZenlayerApiError {
  try {
    parseReply(reply, action, NOW);
  } catch (error) {
    if (isZenlayerApiError(error)) return error;
    throw error;
  }
  throw new Error("expected a ZenlayerApiError");
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpReply => ({
  status,
  headers,
  body: JSON.stringify(body),
});

describe("parseReply", () => {
  it("returns the inner response of a success envelope", () => {
    const reply = json(200, { requestId: "T1", response: { requestId: "T1", totalCount: 0, dataSet: [] } });
    expect(parseReply(reply, "DescribeNetworkInterfaces", NOW)).toEqual({
      requestId: "T1",
      totalCount: 0,
      dataSet: [],
    });
  });

  it("fills a missing inner requestId from the envelope", () => {
    expect(parseReply(json(200, { requestId: "T2", response: {} }), "AttachNetworkInterface", NOW)).toEqual({
      requestId: "T2",
    });
  });

  it("turns an error envelope into a classified error with code, request id and status", () => {
    const error = failureOf(
      json(404, { requestId: "T3", code: "INVALID_NIC_NOT_FOUND", message: "nic x not found" }),
    );
    expect(error).toMatchObject({
      code: "INVALID_NIC_NOT_FOUND",
      requestId: "T3",
      httpStatus: 404,
      action: "DescribeNetworkInterfaces",
      category: "not-found",
      retryAfterMs: undefined,
    });
    expect(error.message).toBe(
      "DescribeNetworkInterfaces failed with INVALID_NIC_NOT_FOUND (HTTP 404, requestId T3): nic x not found",
    );
  });

  it("treats a code in a 200 reply as an error", () => {
    expect(failureOf(json(200, { requestId: "T4", code: "INVALID_NIC_STATUS", message: "busy" })).code).toBe(
      "INVALID_NIC_STATUS",
    );
  });

  it("reads Retry-After on throttling", () => {
    const error = failureOf(
      json(429, { requestId: "T5", code: "REQUEST_LIMIT_EXCEEDED" }, { "retry-after": "3" }),
    );
    expect(error).toMatchObject({ category: "throttling", retryAfterMs: 3000 });
  });

  it("recognises an edge challenge and a block before reading the body", () => {
    const challenge = failureOf({ status: 403, headers: { "cf-mitigated": "challenge" }, body: "<html>" });
    expect(challenge).toMatchObject({ code: "SECURITY_CHALLENGE", httpStatus: 403, category: "permanent" });
    const blocked = failureOf({ status: 451, headers: {}, body: "<html>" });
    expect(blocked).toMatchObject({ code: "REQUEST_BLOCKED", httpStatus: 451 });
  });

  it("names HTML bodies as pages that are not the API", () => {
    const error = failureOf({ status: 502, headers: {}, body: "  <!DOCTYPE html><html>Bad gateway</html>" });
    expect(error).toMatchObject({ code: "INVALID_RESPONSE_BODY", httpStatus: 502, category: "transient" });
    expect(error.message).toContain("received an HTML page instead of the API's JSON (HTTP 502)");
  });

  it.each([
    ["not JSON", "oops{", "INVALID_RESPONSE_BODY"],
    ["a JSON array", "[1,2]", "INVALID_RESPONSE_BODY"],
    ["a JSON string", '"text"', "INVALID_RESPONSE_BODY"],
    ["empty", "", "EMPTY_RESPONSE_BODY"],
    ["whitespace", " \n ", "EMPTY_RESPONSE_BODY"],
  ])("rejects a body that is %s", (_what, body, code) => {
    const error = failureOf({ status: 200, headers: {}, body });
    expect(error.code).toBe(code);
    expect(error.httpStatus).toBe(200);
    expect(error.requestId).toBeUndefined();
  });

  it("classifies a JSON error without a code by its status", () => {
    expect(failureOf(json(503, { requestId: "T6" }))).toMatchObject({
      code: "UNRECOGNIZED_ERROR_BODY",
      category: "transient",
      requestId: "T6",
    });
    expect(failureOf(json(400, {})).category).toBe("permanent");
    expect(failureOf(json(200, { requestId: "T7" })).code).toBe("UNRECOGNIZED_ERROR_BODY");
  });
});
