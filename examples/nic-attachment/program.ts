import * as pulumi from "@pulumi/pulumi";
import * as zenlayer from "pulumi-zenlayer";

/**
 * Attaches one vNIC to one instance, both named in stack config:
 *
 *     pulumi config set nicId 1475945014486896967
 *     pulumi config set instanceId 1478001766933994003
 *
 * Returns the stack outputs. Kept as a function so the same program runs as an on-disk Pulumi
 * project (`index.ts`) and inline through the Automation API (the demo).
 */
export function nicAttachmentProgram() {
  const config = new pulumi.Config();
  const attachment = new zenlayer.zec.NetworkInterfaceAttachment("app-nic", {
    nicId: config.require("nicId"),
    instanceId: config.require("instanceId"),
    timeouts: { create: config.get("createTimeout") ?? "10m", delete: config.get("deleteTimeout") ?? "15m" },
  });
  return {
    attachmentId: attachment.id,
    status: attachment.status,
    nicName: attachment.nicName,
    primaryIpv4: attachment.primaryIpv4,
    macAddress: attachment.macAddress,
  };
}
