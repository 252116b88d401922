import * as zenlayer from "../../../index";
import { mockEngine, valueOf } from "./support/pulumiMocks";
import type { Registered } from "./support/pulumiMocks";

const NIC_ID = "1475945014486896967";
const registered: Registered[] = [];

beforeAll(() =>
  mockEngine(registered, "web", "prod", (inputs) => ({
    id: NIC_ID,
    state: { ...inputs, nicId: NIC_ID, status: "AVAILABLE", primaryIpv4: "10.0.0.9" },
  })),
);

describe("zenlayer.zec.NetworkInterface", () => {
  it("registers a dynamic resource with its type token, the provider by reference and a creation key", async () => {
    const nic = new zenlayer.zec.NetworkInterface("app-nic", {
      name: "eth1",
      subnetId: "1600000000000000001",
      tags: { team: "web" },
      timeouts: { delete: "15m" },
    });
    expect(await valueOf(nic.id)).toBe("1475945014486896967");
    expect(await valueOf(nic.nicId)).toBe("1475945014486896967");
    expect(await valueOf(nic.primaryIpv4)).toBe("10.0.0.9");
    expect(await valueOf(nic.tags)).toEqual({ team: "web" });

    const resource = registered.find((r) => r.name === "app-nic");
    expect(resource?.type).toBe("pulumi-nodejs:dynamic/zec:NetworkInterface");
    const provider = String(resource?.inputs["__provider"]);
    expect(provider).toContain('("pulumi-zenlayer/provider")[exportName]');
    expect(provider).toContain('exportName: "networkInterfaceProvider"');
    expect(resource?.inputs).toMatchObject({
      name: "eth1",
      subnetId: "1600000000000000001",
      creationKey: "web/prod/app-nic",
    });
  });

  it("feeds its nicId into an attachment", async () => {
    const nic = new zenlayer.zec.NetworkInterface("feeds", { name: "eth2", subnetId: "1600000000000000001" });
    const attachment = new zenlayer.zec.NetworkInterfaceAttachment("feeds-attachment", {
      nicId: nic.nicId,
      instanceId: "1478001766933994003",
    });
    expect(await valueOf(attachment.nicId)).toBe("1475945014486896967");
  });

  it.each(["name", "subnetId"])("names the missing required property %s", (property) => {
    const complete: Record<string, string> = { name: "eth1", subnetId: "1600000000000000001" };
    const args = Object.fromEntries(Object.entries(complete).filter(([key]) => key !== property));
    expect(
      () => new zenlayer.zec.NetworkInterface("broken", args as unknown as zenlayer.zec.NetworkInterfaceArgs),
    ).toThrow(`Missing required property '${property}' of NetworkInterface "broken"`);
  });
});
