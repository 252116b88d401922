/**
 * The polling interval: given in ProviderOptions it is checked where the provider is built; from
 * PULUMI_ZENLAYER_POLL_INTERVAL_MS it is checked at each call, and a bad value is reported, never
 * silently replaced. An interval of nothing or zero used to make every look follow the last at once.
 * The read-consistency window, from PULUMI_ZENLAYER_READ_CONSISTENCY_MS or the stack config
 * `zenlayer:readConsistencyMs`, is held to the same rule as the plugin's setting.
 */
import {
  createNetworkInterfaceAttachmentProvider,
  createNetworkInterfaceProvider,
} from "../../../provider/index";
import {
  DEFAULT_POLLING,
  DEFAULT_READ_CONSISTENCY_MS,
  pollingFromEnv,
  POLL_INTERVAL_VARIABLE,
  READ_CONSISTENCY_VARIABLE,
  readConsistencyFromEnv,
} from "../../../provider/core/context";
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

const READ_CONSISTENCY_RULE = "must be a whole number of milliseconds from 0 to 86400000; got ";

describe(READ_CONSISTENCY_VARIABLE, () => {
  it.each([undefined, "", "  "])("means the default when %j", (text) => {
    expect(readConsistencyFromEnv({ [READ_CONSISTENCY_VARIABLE]: text })).toBe(DEFAULT_READ_CONSISTENCY_MS);
  });

  it.each([
    ["0", 0],
    ["3000", 3000],
    [" 86400000 ", 86_400_000],
  ])("reads %j as %d ms", (text, ms) => {
    expect(readConsistencyFromEnv({ [READ_CONSISTENCY_VARIABLE]: text })).toBe(ms);
  });

  it.each(["abc", "-5", "1500.5", "3s", "1e12", "\u001b[31m20"])(
    "reports %j, naming the variable, instead of using the default",
    (text) => {
      let message = "";
      try {
        readConsistencyFromEnv({ [READ_CONSISTENCY_VARIABLE]: text });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(new RegExp(`^${READ_CONSISTENCY_VARIABLE} ${READ_CONSISTENCY_RULE}`));
      expect(message).toContain("Nothing was sent to Zenlayer");
      expectSafeMessage(message, READ_CONSISTENCY_VARIABLE);
    },
  );
});

describe("the stack config zenlayer:readConsistencyMs of the dynamic providers", () => {
  it("fails the operation, naming the key, when it is not a window, before anything is sent", async () => {
    const provider = createNetworkInterfaceAttachmentProvider({ env: {} });
    await provider.configure?.({
      config: { get: (key: string) => (key === "zenlayer:readConsistencyMs" ? "3s" : undefined) },
    } as never);
    await expect(
      provider.delete?.("1000000000000000001:2000000000000000001", {
        nicId: "1000000000000000001",
        instanceId: "2000000000000000001",
      } as never),
    ).rejects.toThrow(new RegExp(`^zenlayer:readConsistencyMs ${READ_CONSISTENCY_RULE}"3s"`));
  });
});
