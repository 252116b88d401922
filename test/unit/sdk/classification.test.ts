import type { ErrorCategory } from "../../../sdk/retry/classification";
import {
  ACTION_SAFETY,
  ClientErrorCode,
  CODE_CATEGORIES,
  classifyError,
  isRetrySafe,
  retrySafetyOf,
} from "../../../sdk/retry/classification";

describe("classifyError", () => {
  const expected: Record<string, ErrorCategory> = {
    REQUEST_LIMIT_EXCEEDED: "throttling",
    SERVICE_TEMPORARY_UNAVAILABLE: "transient",
    INTERNAL_SERVER_ERROR: "transient",
    REQUEST_TIMED_OUT: "transient",
    INVALID_OPERATION_TIMEOUT: "transient",
    NETWORK_ERROR: "transient",
    REQUEST_TIMEOUT: "transient",
    INVALID_RESPONSE_BODY: "transient",
    EMPTY_RESPONSE_BODY: "transient",
    OPERATION_FAILED_RESOURCE_NOT_FOUND: "not-found",
    SECURITY_CHALLENGE: "permanent",
    REQUEST_BLOCKED: "permanent",
    REQUEST_ABORTED: "permanent",
    DEADLINE_EXCEEDED: "permanent",
    INVALID_REQUEST_VALUE: "permanent",
    REPLY_TOO_LARGE: "permanent",
    PAGING_LIMIT_EXCEEDED: "permanent",
  };
  /** Client codes for replies that were not the API's JSON; their status decides. */
  const NOT_AN_API_REPLY = new Set(["INVALID_RESPONSE_BODY", "EMPTY_RESPONSE_BODY"]);

  it("has exactly the expected rows in the code table", () => {
    expect(CODE_CATEGORIES).toEqual(expected);
  });

  it.each(Object.entries(expected).filter(([code]) => !NOT_AN_API_REPLY.has(code)))(
    "puts %s in %s whatever the status",
    (code, category) => {
      for (const status of [undefined, 200, 400, 404, 429, 503]) {
        expect(classifyError(code, status)).toBe(category);
      }
    },
  );

  it.each([...NOT_AN_API_REPLY, "UNRECOGNIZED_ERROR_BODY"])(
    "treats %s from a 5xx as passing, from a 4xx as a wrong endpoint",
    (code) => {
      expect(classifyError(code, 502)).toBe("transient");
      expect(classifyError(code, 503)).toBe("transient");
      expect(classifyError(code, 404)).toBe("permanent");
      expect(classifyError(code, 400)).toBe("permanent");
      expect(classifyError(code, 403)).toBe("permanent");
      expect(classifyError(code, 429)).toBe("throttling");
    },
  );

  it("never retries 413, whatever the body said", () => {
    expect(classifyError("INVALID_RESPONSE_BODY", 413)).toBe("permanent");
    expect(classifyError("SOMETHING_NEW", 413)).toBe("permanent");
    expect(classifyError("INTERNAL_SERVER_ERROR", 413)).toBe("permanent");
  });

  it.each([
    "ECONNREFUSED",
    "ENOTFOUND",
    "EAI_AGAIN",
    "EPROTO",
    "ERR_SSL_WRONG_VERSION_NUMBER",
    "CERT_HAS_EXPIRED",
  ])("treats a connection failure with %s as an unreachable endpoint", (cause) => {
    expect(classifyError(ClientErrorCode.NETWORK_ERROR, undefined, cause)).toBe("unreachable");
  });

  it("keeps resets and unknown network failures transient", () => {
    expect(classifyError(ClientErrorCode.NETWORK_ERROR, undefined, "ECONNRESET")).toBe("transient");
    expect(classifyError(ClientErrorCode.NETWORK_ERROR, undefined, undefined)).toBe("transient");
    expect(classifyError(ClientErrorCode.REQUEST_TIMEOUT, undefined, "ECONNREFUSED")).toBe("transient");
  });

  it.each([
    "INVALID_NIC_NOT_FOUND",
    "INVALID_INSTANCE_NOT_FOUND",
    "INVALID_SUBNET_NOT_FOUND",
    "INVALID_ZONE_NOT_FOUND",
  ])("treats %s as not-found", (code) => {
    expect(classifyError(code, 404)).toBe("not-found");
    expect(classifyError(code, 400)).toBe("not-found");
  });

  it("does not mistake look-alikes for not-found", () => {
    expect(classifyError("OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND", 404)).toBe("permanent");
    expect(classifyError("INVALID_NIC_NOT_FOUND_EXTRA", 400)).toBe("permanent");
    expect(classifyError("invalid_nic_not_found", 404)).toBe("permanent");
  });

  it("falls back to the HTTP status for codes it does not know", () => {
    expect(classifyError("SOMETHING_NEW", 429)).toBe("throttling");
    expect(classifyError("SOMETHING_NEW", 500)).toBe("transient");
    expect(classifyError("SOMETHING_NEW", 502)).toBe("transient");
    expect(classifyError("SOMETHING_NEW", 599)).toBe("transient");
    expect(classifyError(ClientErrorCode.UNRECOGNIZED_ERROR_BODY, 503)).toBe("transient");
    expect(classifyError(ClientErrorCode.UNRECOGNIZED_ERROR_BODY, 400)).toBe("permanent");
  });

  it.each([
    "INVALID_NIC_STATUS",
    "INVALID_NIC_ATTACHED",
    "OPERATION_DENIED_NIC_NOT_EXIST_INSTANCE",
    "AUTHFAILURE_SIGNATURE_FAILURE",
    "AUTHFAILURE_SIGNATURE_EXPIRED",
    "MISSING_PARAMETER",
    "INVALID_PARAMETER_VALUE",
  ])("treats %s as permanent", (code) => {
    expect(classifyError(code, 400)).toBe("permanent");
    expect(classifyError(code, 403)).toBe("permanent");
  });
});

describe("action safety", () => {
  it("knows every vNIC write and treats reads as read-only", () => {
    expect(ACTION_SAFETY).toEqual({
      AttachNetworkInterface: "state-checked",
      DetachNetworkInterface: "state-checked",
      DeleteNetworkInterface: "idempotent",
      ModifyNetworkInterfaceAttribute: "idempotent",
      CreateNetworkInterface: "not-idempotent",
    });
    expect(retrySafetyOf("DescribeNetworkInterfaces")).toBe("read-only");
    expect(retrySafetyOf("DescribeInstances")).toBe("read-only");
    expect(retrySafetyOf("StartInstances")).toBe("not-idempotent");
  });

  it.each([
    "DescribeNetworkInterfaces",
    "AttachNetworkInterface",
    "DetachNetworkInterface",
    "DeleteNetworkInterface",
  ])("%s repeats throttling, transient failures and an unreachable endpoint only", (action) => {
    expect(isRetrySafe(action, "throttling")).toBe(true);
    expect(isRetrySafe(action, "transient")).toBe(true);
    expect(isRetrySafe(action, "unreachable")).toBe(true);
    expect(isRetrySafe(action, "not-found")).toBe(false);
    expect(isRetrySafe(action, "permanent")).toBe(false);
  });

  it("repeats a create, or an unknown write, only when nothing can have been executed", () => {
    for (const action of ["CreateNetworkInterface", "StartInstances"]) {
      expect(isRetrySafe(action, "throttling")).toBe(true);
      expect(isRetrySafe(action, "unreachable")).toBe(true);
      expect(isRetrySafe(action, "transient")).toBe(false);
      expect(isRetrySafe(action, "permanent")).toBe(false);
    }
  });
});
