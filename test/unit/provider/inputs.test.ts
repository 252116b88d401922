import {
  checkAttachmentInputs,
  diffAttachment,
  formatAttachmentId,
  parseAttachmentId,
} from "../../../provider/core/attachment/inputs";
import { parseDuration, UNKNOWN_VALUE } from "../../../provider/core/inputValues";

const NIC = "1475945014486896967";
const VM = "1478001766933994003";

describe("parseDuration", () => {
  it.each([
    ["90s", 90_000],
    ["10m", 600_000],
    ["1h30m", 5_400_000],
    ["1.5h", 5_400_000],
    ["250ms", 250],
    ["2m30s", 150_000],
  ])("reads %s as %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "10", "ten minutes", "10 m", "-5m", "5d", "m"])("rejects %p", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe("check", () => {
  it("accepts well-formed inputs unchanged", () => {
    const news = { nicId: NIC, instanceId: VM, timeouts: { create: "5m", delete: "15m" } };
    expect(checkAttachmentInputs(news)).toEqual({ inputs: news });
  });

  it("names each missing, empty or blank id, showing the value as given", () => {
    const result = checkAttachmentInputs({ nicId: "", instanceId: " 12 " });
    expect(result.failures?.map((f) => f.property)).toEqual(["nicId", "instanceId"]);
    expect(result.failures?.[0]?.reason).toMatch(/^nicId must be a Zenlayer id .*; got ""$/);
    expect(result.failures?.[1]?.reason).toMatch(/^instanceId must be a Zenlayer id .*; got " 12 "$/);
  });

  it("rejects a non-string id", () => {
    const result = checkAttachmentInputs({ nicId: 42, instanceId: VM });
    expect(result.failures).toEqual([
      {
        property: "nicId",
        reason: expect.stringMatching(
          /; got 42, a number: ids are strings .*pulumi config set <key> '"<id>"'/,
        ),
      },
    ]);
  });

  it("names bad and unknown timeouts", () => {
    const result = checkAttachmentInputs({
      nicId: NIC,
      instanceId: VM,
      timeouts: { create: "soon", update: "1m" },
    });
    expect(result.failures?.map((f) => f.property)).toEqual(["timeouts.create", "timeouts.update"]);
    expect(result.failures?.[0]?.reason).toMatch(/^timeouts.create must be a duration such as/);
    expect(result.failures?.[1]?.reason).toMatch(/^timeouts has unknown entry "update"/);
  });

  it("passes values unknown during preview through untouched", () => {
    const news = { nicId: UNKNOWN_VALUE, instanceId: UNKNOWN_VALUE, timeouts: UNKNOWN_VALUE };
    expect(checkAttachmentInputs(news)).toEqual({ inputs: news });
  });
});

describe("diff", () => {
  const olds = { nicId: NIC, instanceId: VM, status: "USED", timeouts: { delete: "15m" } };

  it("reports nothing when only outputs differ from inputs", () => {
    expect(diffAttachment(olds, { nicId: NIC, instanceId: VM, timeouts: { delete: "15m" } })).toEqual({
      changes: false,
    });
  });

  it("replaces, delete first, when the instance changes", () => {
    expect(diffAttachment(olds, { nicId: NIC, instanceId: "2", timeouts: { delete: "15m" } })).toEqual({
      changes: true,
      replaces: ["instanceId"],
      deleteBeforeReplace: true,
    });
  });

  it("replaces with a different NIC attached first, so the instance keeps a NIC through the change", () => {
    for (const instanceId of [VM, "2"]) {
      expect(diffAttachment(olds, { nicId: "3", instanceId, timeouts: { delete: "15m" } })).toMatchObject({
        changes: true,
        deleteBeforeReplace: false,
      });
    }
  });

  it("replaces when an id is not known yet, delete first if it may be the same NIC on another instance", () => {
    expect(diffAttachment(olds, { nicId: UNKNOWN_VALUE, instanceId: VM })).toEqual({
      changes: true,
      replaces: ["nicId"],
      deleteBeforeReplace: false,
    });
    expect(diffAttachment(olds, { nicId: UNKNOWN_VALUE, instanceId: "2" })).toEqual({
      changes: true,
      replaces: ["nicId", "instanceId"],
      deleteBeforeReplace: true,
    });
  });

  it("updates in place when only timeouts change", () => {
    expect(diffAttachment(olds, { nicId: NIC, instanceId: VM, timeouts: { delete: "30m" } })).toEqual({
      changes: true,
    });
  });

  it("treats unknown timeouts as a possible change", () => {
    expect(diffAttachment(olds, { nicId: NIC, instanceId: VM, timeouts: UNKNOWN_VALUE })).toEqual({
      changes: true,
    });
  });
});

describe("attachment id", () => {
  it("round-trips the Terraform format", () => {
    expect(formatAttachmentId(NIC, VM)).toBe(`${NIC}:${VM}`);
    expect(parseAttachmentId(`${NIC}:${VM}`)).toEqual({ nicId: NIC, instanceId: VM });
  });

  it.each(["", NIC, `${NIC}:`, `:${VM}`, "a:b:c"])("rejects %p", (id) => {
    expect(parseAttachmentId(id)).toBeUndefined();
  });
});
