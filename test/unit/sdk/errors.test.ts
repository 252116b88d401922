import { inspect } from "node:util";
import { isZenlayerApiError, ZenlayerApiError } from "../../../sdk/index";
import { sanitizeCause } from "../../../sdk/errors";

describe("ZenlayerApiError", () => {
  const error = new ZenlayerApiError({
    code: "INVALID_NIC_STATUS",
    detail: "the nic is DETACHING",
    action: "DetachNetworkInterface",
    requestId: "TABC",
    httpStatus: 400,
  });

  it("puts code, action and request id in the message", () => {
    expect(error.message).toBe(
      "DetachNetworkInterface failed with INVALID_NIC_STATUS (HTTP 400, requestId TABC): the nic is DETACHING",
    );
    expect(error.name).toBe("ZenlayerApiError");
    expect(error).toBeInstanceOf(Error);
  });

  it("says when there was no HTTP reply or request id", () => {
    const network = new ZenlayerApiError({
      code: "NETWORK_ERROR",
      detail: "refused",
      action: "DescribeInstances",
    });
    expect(network.message).toBe(
      "DescribeInstances failed with NETWORK_ERROR (no HTTP reply, requestId none): refused",
    );
    expect(network.httpStatus).toBeUndefined();
    expect(network.requestId).toBeUndefined();
  });

  it("is recognised by its brand, also when it crossed a structured clone of its fields", () => {
    expect(isZenlayerApiError(error)).toBe(true);
    expect(isZenlayerApiError({ ...error })).toBe(false);
    expect(isZenlayerApiError(new Error(error.message))).toBe(false);
    expect(isZenlayerApiError(null)).toBe(false);
    const foreign = Object.assign(new Error("x"), { [Symbol.for("pulumi-zenlayer.ZenlayerApiError")]: true });
    expect(isZenlayerApiError(foreign)).toBe(true);
  });

  it("serializes to its wire fields only", () => {
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ZenlayerApiError",
      code: "INVALID_NIC_STATUS",
      requestId: "TABC",
      httpStatus: 400,
      action: "DetachNetworkInterface",
      category: "permanent",
      blamesEndpoint: false,
    });
    expect(inspect(error)).toContain("INVALID_NIC_STATUS");
  });
});

describe("sanitizeCause", () => {
  it("keeps only name, code and message of an axios-like error", () => {
    const axiosLike = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
      code: "ECONNREFUSED",
      config: { headers: { Authorization: "ZC2-HMAC-SHA256 Credential=id, Signature=abc" } },
      request: { _header: "Authorization: secret" },
    });
    const cause = sanitizeCause(axiosLike);
    expect(cause).toEqual({
      name: "Error",
      code: "ECONNREFUSED",
      message: "connect ECONNREFUSED 127.0.0.1:1",
    });
    expect(JSON.stringify(cause)).not.toContain("Signature");
  });

  it("copes with non-errors", () => {
    expect(sanitizeCause("boom")).toEqual({ name: "Error", code: undefined, message: "boom" });
    expect(sanitizeCause({ code: 5 })).toEqual({ name: "Error", code: undefined, message: "" });
  });
});
