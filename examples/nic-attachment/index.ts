import * as pulumi from "@pulumi/pulumi";
import * as zenlayer from "pulumi-zenlayer";

// Which NIC goes on which instance comes from stack config, e.g.
//   pulumi config set nicId 1475945014486896967
//   pulumi config set instanceId 1478001766933994003
const config = new pulumi.Config();

const attachment = new zenlayer.zec.NetworkInterfaceAttachment("app-nic", {
  nicId: config.require("nicId"),
  instanceId: config.require("instanceId"),
  timeouts: { create: config.get("createTimeout") ?? "10m", delete: config.get("deleteTimeout") ?? "15m" },
});

export const attachmentId = attachment.id;
export const status = attachment.status;
export const nicName = attachment.nicName;
export const primaryIpv4 = attachment.primaryIpv4;
export const macAddress = attachment.macAddress;
