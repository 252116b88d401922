import { DEFAULT_LOOKUP_TIMEOUT_MS, lookupTimeoutMs } from "../../../provider/core/lookups/lookupDeadline";

describe("lookupTimeoutMs", () => {
  it("gives every lookup 60 s unless the program says otherwise", () => {
    expect(lookupTimeoutMs("getInstance", undefined)).toBe(60_000);
    expect(DEFAULT_LOOKUP_TIMEOUT_MS).toBe(60_000);
    expect(lookupTimeoutMs("getInstance", 100)).toBe(100);
    expect(lookupTimeoutMs("getInstance", 86_400_000)).toBe(86_400_000);
  });

  it.each([0, 99, -1, 86_400_001, Number.NaN, Number.POSITIVE_INFINITY, "60000", null])(
    "refuses %p, naming the lookup and the range",
    (value) => {
      expect(() => lookupTimeoutMs("getNetworkInterface", value)).toThrow(
        /^getNetworkInterface: timeoutMs must be a number of milliseconds from 100 to 86400000\. Nothing was sent/,
      );
    },
  );
});
