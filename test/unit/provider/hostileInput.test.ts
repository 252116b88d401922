/**
 * Hostile input through the provider: `check` refuses what cannot be an id or a timeout, naming the
 * property and echoing the value escaped and cut short, and lets the engine's unknown placeholder
 * through; handlers given such values from old state (or with `check` bypassed) fail before any
 * request, or fall back to the default timeout. No network: the default transport is replaced by
 * a counter.
 */
import type { HttpReply, HttpRequest } from "../../../sdk/index";
import { axiosTransport } from "../../../sdk/index";
import { UNKNOWN_VALUE } from "../../../provider/core/inputValues";
import { createNetworkInterfaceAttachmentProvider } from "../../../provider/index";
import { checkAttachmentInputs } from "../../../provider/core/attachment/inputs";
import { expectSafeMessage, HOSTILE_IDS, MB, VALID_IDS } from "../support/hostileValues";
import { timeoutOf } from "../../../provider/core/inputValues";

const NIC = "1475945014486896967";
const VM = "1478001766933994003";

/** The one failure `check` reports for `news`, which must name `property`. */
function onlyFailure(news: Record<string, unknown>, property: string): string {
  const result = checkAttachmentInputs(news);
  expect(result.inputs).toBeUndefined();
  expect(result.failures).toEqual([{ property, reason: expect.any(String) }]);
  return result.failures?.[0]?.reason ?? "";
}

describe("check, with a hostile id", () => {
  describe.each(["nicId", "instanceId"])("in %s", (property) => {
    it.each(HOSTILE_IDS)("refuses %s, naming the property, escaped and bounded", (_label, value) => {
      const reason = onlyFailure({ nicId: NIC, instanceId: VM, [property]: value }, property);
      expectSafeMessage(reason, property);
    });

    it.each([
      ["missing", undefined],
      ["null", null],
    ])("refuses an id that is %s", (_label, value) => {
      const reason = onlyFailure({ nicId: NIC, instanceId: VM, [property]: value }, property);
      expect(reason).toMatch(/must be a Zenlayer id/);
    });
  });

  it("shows control characters as escapes, and cuts a megabyte short with its length", () => {
    expect(onlyFailure({ nicId: "\u001b[31mred\u0007", instanceId: VM }, "nicId")).toMatch(
      /; got "\\u001b\[31mred\\u0007"$/,
    );
    expect(onlyFailure({ nicId: "1".repeat(MB), instanceId: VM }, "nicId")).toMatch(
      new RegExp(`; got "1{64}…" \\(${String(MB)} characters in all\\)$`),
    );
  });

  it.each(VALID_IDS)("accepts %s", (id) => {
    const news = { nicId: id, instanceId: id };
    expect(checkAttachmentInputs(news)).toEqual({ inputs: news });
  });

  it("refuses 33 digits, and ids that are not numeric", () => {
    expect(onlyFailure({ nicId: "9".repeat(33), instanceId: VM }, "nicId")).toMatch(/1 to 32 ASCII digits/);
    expect(onlyFailure({ nicId: NIC, instanceId: "ins-456" }, "instanceId")).toMatch(/; got "ins-456"$/);
  });

  it("passes the engine's unknown placeholder through untouched", () => {
    const news = { nicId: UNKNOWN_VALUE, instanceId: UNKNOWN_VALUE, timeouts: { create: UNKNOWN_VALUE } };
    expect(checkAttachmentInputs(news)).toEqual({ inputs: news });
  });
});

describe("check, with a hostile timeout", () => {
  describe.each(["create", "delete"])("in timeouts.%s", (which) => {
    const property = `timeouts.${which}`;
    it.each([
      ["99999h", /must be at most 24h; got "99999h"$/],
      ["25h", /must be at most 24h/],
      ["24h0m1s", /must be at most 24h/],
      ["50ms", /must be at least 100ms; got "50ms"$/],
      ["500us", /must be a duration .*units ms, s, m and h\); got "500us"$/],
      ["1000000ns", /must be a duration/],
      ["-1s", /must be a duration/],
      ["1e3s", /must be a duration/],
      ["10", /must be a duration/],
      ["10 m", /must be a duration/],
      ["", /must be a duration .*; got ""$/],
      ["\u001b[31m5m", /; got "\\u001b\[31m5m"$/],
      ["5m\u200b", /; got "5m\\u200b"$/],
      ["1".repeat(MB) + "s", /characters in all\)$/],
      [["5s"], /; got an array of 1 item$/],
      [{}, /; got an object$/],
      [300, /; got 300$/],
    ])("refuses %p", (value, reason) => {
      const text = onlyFailure({ nicId: NIC, instanceId: VM, timeouts: { [which]: value } }, property);
      expect(text).toMatch(reason);
      expectSafeMessage(text, property);
    });

    it.each(["100ms", "90s", "10m", "1h30m", "1.5h", ".5s", "24h"])("accepts %p", (value) => {
      const news = { nicId: NIC, instanceId: VM, timeouts: { [which]: value } };
      expect(checkAttachmentInputs(news)).toEqual({ inputs: news });
    });
  });

  it.each([
    ["a string", "5s", /^timeouts must be an object .*; got "5s"$/],
    ["an array", ["5s"], /; got an array of 1 item$/],
    ["a number", 5, /; got 5$/],
  ])("refuses timeouts that are %s", (_label, timeouts, reason) => {
    expect(onlyFailure({ nicId: NIC, instanceId: VM, timeouts }, "timeouts")).toMatch(reason);
  });

  it("names unknown timeouts in one failure, escaping names that are not plain words", () => {
    const many = { "\u001b[2J": "1m", "a\u202eb": "1m", c: "1m", d: "1m" };
    const reason = onlyFailure({ nicId: NIC, instanceId: VM, timeouts: many }, "timeouts");
    expect(reason).toMatch(/unknown entries "\\u001b\[2J", "a\\u202eb", "c" and 1 more;/);
    expectSafeMessage(reason, "timeouts");
  });
});

describe("handlers given hostile values from state, or with check bypassed", () => {
  const sent: HttpRequest[] = [];
  const refuse = (): HttpReply => {
    throw new Error("no request may be sent");
  };
  let reply = refuse;
  const lines: string[] = [];
  const provider = createNetworkInterfaceAttachmentProvider({
    clientSettings: { accessKeyId: "AKID-hostile", accessKeyPassword: "pw-hostile", domain: "zec.test" },
    env: {},
    polling: { intervalMs: 5 },
    readConsistencyMs: 0,
    log: (line) => lines.push(line),
  });

  beforeEach(() => {
    sent.length = 0;
    lines.length = 0;
    reply = refuse;
    jest.spyOn(axiosTransport, "send").mockImplementation(async (request) => {
      sent.push(request);
      return reply();
    });
  });
  afterEach(() => jest.restoreAllMocks());

  /** The message the handler call fails with, after checking that nothing was sent. */
  async function refusal(call: () => Promise<unknown>, property: string): Promise<string> {
    const error = await call().then(
      () => new Error("the handler succeeded"),
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expectSafeMessage(message, property);
    expect(sent).toHaveLength(0);
    for (const line of lines) expectSafeMessage(line, "");
    return message;
  }

  describe.each(["nicId", "instanceId"])("in %s", (property) => {
    const props = (value: unknown): never => ({ nicId: NIC, instanceId: VM, [property]: value }) as never;
    /** The resource id state holds for the value: the named pair, as created (a non-string can only be in the properties). */
    const idOf = (value: unknown): string =>
      typeof value !== "string" ? "" : property === "nicId" ? `${value}:${VM}` : `${NIC}:${value}`;

    it.each(HOSTILE_IDS)("delete refuses %s before any request", async (_label, value) => {
      const message = await refusal(() => provider.delete!(idOf(value), props(value)), property);
      expect(message).toMatch(/Nothing was sent to Zenlayer\. The value comes from the stack's state/);
    });

    it.each(HOSTILE_IDS)("read refuses %s before any request", async (_label, value) => {
      await refusal(() => provider.read!(idOf(value), props(value)), property);
    });

    it.each(HOSTILE_IDS)("create and update refuse %s before any request", async (_label, value) => {
      await refusal(() => provider.create(props(value)), property);
      const olds = { nicId: NIC, instanceId: VM, [property]: value, status: "ATTACHING" } as never;
      await refusal(() => provider.update!(`${NIC}:${VM}`, olds, props(value)), property);
    });
  });

  it("refuses a hostile resource id when the properties name no NIC", async () => {
    await refusal(() => provider.delete!("\u202e1:2", {} as never), "nicId");
    await refusal(() => provider.read!("\u001b]0;pwned\u0007", undefined as never), "nicId");
  });

  it.each([
    ["an array", ["5s"]],
    ["an object", {}],
    ["out of range", "99999h"],
    ["in microseconds", "500us"],
    ["hostile", "\u001b[31m5s"],
  ])("delete falls back to the default timeout when the stored one is %s", async (_label, bad) => {
    reply = () => ({
      status: 200,
      headers: {},
      body: JSON.stringify({ requestId: "T1", response: { requestId: "T1", totalCount: 0, dataSet: [] } }),
    });
    const props = { nicId: NIC, instanceId: VM, timeouts: { delete: bad } } as never;
    await expect(provider.delete!(`${NIC}:${VM}`, props)).resolves.toBeUndefined();
    expect(sent.length).toBeGreaterThan(0);
  });
});

describe("timeoutOf", () => {
  it.each([
    [{ create: "5m" }, "create", "5m"],
    [{ create: "5m" }, "delete", undefined],
    [{ create: ["5s"] }, "create", undefined],
    [{ delete: "99999h" }, "delete", undefined],
    [{ delete: "500us" }, "delete", undefined],
    ["5s", "create", undefined],
    [null, "delete", undefined],
    [undefined, "delete", undefined],
  ] as const)("reads %p's %s as %p", (timeouts, which, expected) => {
    expect(timeoutOf(timeouts, which)).toBe(expected);
  });
});
