/** What a permanent Zenlayer answer tells the user to do next. */
import { apiFailure } from "../../../provider/core/failures";
import { ZenlayerApiError } from "../../../sdk/index";

function answered(code: string): ZenlayerApiError {
  return new ZenlayerApiError({
    code,
    detail: "scripted",
    action: "CreateNetworkInterface",
    requestId: "T1",
    httpStatus: 400,
  });
}

describe("apiFailure's advice", () => {
  it("names the inputs with length limits, and the limits, for INVALID_PARAMETER_EXCEED_LENGTH", () => {
    const message = apiFailure("cannot create NIC eth1", answered("INVALID_PARAMETER_EXCEED_LENGTH")).message;
    expect(message).toMatch(
      /^cannot create NIC eth1: Zenlayer answered INVALID_PARAMETER_EXCEED_LENGTH \(request id T1\): /,
    );
    expect(message).toContain("`name` is 2 to 63 characters");
    expect(message).toContain("`tags` holds at most 49 tags");
    expect(message).toContain("keys and values of 1 to 64 characters");
  });

  it("names them for INVALID_PARAMETER_LESS_LENGTH too", () => {
    const message = apiFailure("cannot create NIC eth1", answered("INVALID_PARAMETER_LESS_LENGTH")).message;
    expect(message).toContain("`name` is 2 to 63 characters, `tags` keys and values at least 1");
  });

  it("keeps the generic advice for codes without their own", () => {
    const message = apiFailure("cannot create NIC eth1", answered("INVALID_PARAMETER_VALUE")).message;
    expect(message).toContain("see the Zenlayer error code above");
  });
});
