/**
 * The polling interval: given in ProviderOptions it is checked where the provider is built; from
 * PULUMI_ZENLAYER_POLL_INTERVAL_MS it is checked at each call, and a bad value is reported, never
 * silently replaced. An interval of nothing or zero used to make every look follow the last at once.
 */
import {
  createNetworkInterfaceAttachmentProvider,
  createNetworkInterfaceProvider,
} from "../../../provider/index";
import { DEFAULT_POLLING, pollingFromEnv, POLL_INTERVAL_VARIABLE } from "../../../provider/core/context";
import { expectSafeMessage } from "../support/hostileValues";

const BAD_INTERVALS: readonly (readonly [string, unknown])[] = [
  ["left out", undefined],
  ["zero", 0],
  ["negative", -5],
  ["under a millisecond", 0.5],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["over 24 hours (past Node's timer range it would fire at once)", 3e9],
  ["text", "1000"],
];

describe("ProviderOptions.polling", () => {
  it.each(BAD_INTERVALS)(
    "is refused when intervalMs is %s, naming polling.intervalMs",
    (_label, intervalMs) => {
      const polling = (intervalMs === undefined ? {} : { intervalMs }) as never;
      for (const build of [createNetworkInterfaceProvider, createNetworkInterfaceAttachmentProvider]) {
        expect(() => build({ polling, env: {} })).toThrow(
          /^ProviderOptions polling\.intervalMs must be a number of milliseconds from 1 to 86400000; got /,
        );
      }
    },
  );

  it("says what it got", () => {
    expect(() => createNetworkInterfaceProvider({ polling: {} as never })).toThrow(/; got nothing$/);
    expect(() => createNetworkInterfaceProvider({ polling: null as never })).toThrow(/; got nothing$/);
  });

  it.each([1, 20, 1000, 86_400_000])("accepts %d ms", (intervalMs) => {
    expect(() => createNetworkInterfaceProvider({ polling: { intervalMs }, env: {} })).not.toThrow();
  });
});

describe(POLL_INTERVAL_VARIABLE, () => {
  it.each([
    ["unset", undefined],
    ["empty", ""],
    ["blank", "  "],
  ])("means the default when %s", (_label, text) => {
    expect(pollingFromEnv({ [POLL_INTERVAL_VARIABLE]: text })).toEqual(DEFAULT_POLLING);
  });

  it.each([
    ["20", 20],
    ["250.5", 250.5],
    [" 1000 ", 1000],
  ])("reads %j as %d ms", (text, intervalMs) => {
    expect(pollingFromEnv({ [POLL_INTERVAL_VARIABLE]: text })).toEqual({ intervalMs });
  });

  it.each(["abc", "0", "-5", "0.5", "Infinity", "1e12", "20ms", "\u001b[31m20"])(
    "reports %j, naming the variable, instead of using the default",
    (text) => {
      let message = "";
      try {
        pollingFromEnv({ [POLL_INTERVAL_VARIABLE]: text });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(
        new RegExp(`^${POLL_INTERVAL_VARIABLE} must be a number of milliseconds from 1 to 86400000; got "`),
      );
      expect(message).toContain("Nothing was sent to Zenlayer");
      expectSafeMessage(message, POLL_INTERVAL_VARIABLE);
    },
  );
});
