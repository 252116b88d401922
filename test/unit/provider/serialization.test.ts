import { DEFAULT_ACCESS_KEY } from "../../../simulator/index";
import {
  CANARY_PASSWORD,
  serializedAttachmentProvider as serializedProvider,
} from "../../support/serializedProvider";

/** The serialized provider is stored twice per resource in state; keep it small. */
const SIZE_BUDGET_BYTES = 4 * 1024;

describe("the provider as Pulumi serializes it into state", () => {
  it("stays within its size budget and loads the installed package by reference", async () => {
    const text = await serializedProvider();
    expect(Buffer.byteLength(text)).toBeLessThan(SIZE_BUDGET_BYTES);
    expect(text).toContain('"pulumi-zenlayer/provider"');
    expect(text).toContain('"networkInterfaceAttachmentProvider"');
    expect(text).not.toContain("DetachNetworkInterface");
  });

  it("captures no credential text", async () => {
    const text = await serializedProvider();
    expect(text).not.toContain(CANARY_PASSWORD);
    expect(text).not.toContain(DEFAULT_ACCESS_KEY.accessKeyPassword);
    expect(text).not.toMatch(/ZENLAYER(CLOUD)?_ACCESS_KEY/);
  });
});
