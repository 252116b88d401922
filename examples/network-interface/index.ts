// A secondary vNIC for an existing ZEC instance: created in a subnet, then attached.
//
//     pulumi config set subnetId 1600000000000000001
//     pulumi config set instanceId 1478001766933994003
//     pulumi up
//
// Credentials come from ZENLAYERCLOUD_ACCESS_KEY_ID / ZENLAYERCLOUD_ACCESS_KEY_PASSWORD or from
// stack config (`pulumi config set --secret zenlayer:accessKeyPassword ...`).
import * as pulumi from "@pulumi/pulumi";
import * as zenlayer from "pulumi-zenlayer";

const config = new pulumi.Config();
const instanceId = config.require("instanceId");

// A lookup runs during `pulumi preview` too, so a wrong instance id fails before anything changes.
const instance = zenlayer.zec.getInstanceOutput({ instanceId });

// Changing the subnet, stack type, resource group or tags makes a new NIC: Pulumi creates it first,
// moves the attachment to it, then detaches and deletes the old one.
const nic = new zenlayer.zec.NetworkInterface("app-nic", {
  name: config.get("nicName") ?? "app-nic",
  subnetId: config.require("subnetId"),
  tags: { app: "web" },
  // Set it to delete the NIC even when it was attached to an instance outside this stack.
  forceDetach: config.getBoolean("forceDetach") ?? false,
});

const attachment = new zenlayer.zec.NetworkInterfaceAttachment("app-nic-attachment", {
  nicId: nic.nicId,
  instanceId,
});

export const nicId = nic.nicId;
export const primaryIpv4 = nic.primaryIpv4;
export const attachmentStatus = attachment.status;
export const instanceName = instance.instanceName;
