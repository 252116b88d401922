import * as pulumi from "@pulumi/pulumi";
import * as zenlayer from "../../../index";
import { mockEngine, valueOf } from "./support/pulumiMocks";
import type { Registered } from "./support/pulumiMocks";

const registered: Registered[] = [];

beforeAll(() =>
  mockEngine(registered, "project", "stack", (inputs) => ({
    id: `${String(inputs["nicId"])}:${String(inputs["instanceId"])}`,
    state: { ...inputs, status: "USED", nicName: "app-nic", privateIpList: ["10.0.0.5"] },
  })),
);

describe("zenlayer.zec.NetworkInterfaceAttachment", () => {
  it("registers a dynamic resource with a stable type token and the provider by reference", async () => {
    const attachment = new zenlayer.zec.NetworkInterfaceAttachment("app-nic", {
      nicId: "1475945014486896967",
      instanceId: "1478001766933994003",
      timeouts: { delete: "15m" },
    });
    expect(await valueOf(attachment.id)).toBe("1475945014486896967:1478001766933994003");
    expect(await valueOf(attachment.status)).toBe("USED");
    expect(await valueOf(attachment.privateIpList)).toEqual(["10.0.0.5"]);
    expect(await valueOf(attachment.timeouts)).toEqual({ delete: "15m" });

    const resource = registered.find((r) => r.name === "app-nic");
    expect(resource?.type).toBe("pulumi-nodejs:dynamic/zec:NetworkInterfaceAttachment");
    const provider = String(resource?.inputs["__provider"]);
    expect(provider).toContain('("pulumi-zenlayer/provider")[exportName]');
    expect(provider).toContain('exportName: "networkInterfaceAttachmentProvider"');
    expect(resource?.inputs).toMatchObject({
      nicId: "1475945014486896967",
      instanceId: "1478001766933994003",
    });
  });

  it("takes outputs of other resources as inputs", async () => {
    const nicId = pulumi.output("1111111111111111111");
    const attachment = new zenlayer.zec.NetworkInterfaceAttachment("from-outputs", {
      nicId,
      instanceId: pulumi.output("2222222222222222222"),
    });
    expect(await valueOf(attachment.nicId)).toBe("1111111111111111111");
  });

  it("names a missing required property", () => {
    expect(
      () =>
        new zenlayer.zec.NetworkInterfaceAttachment("broken", {
          instanceId: "1",
        } as unknown as zenlayer.zec.NetworkInterfaceAttachmentArgs),
    ).toThrow(`Missing required property 'nicId' of NetworkInterfaceAttachment "broken"`);
  });
});
