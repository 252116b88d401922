import * as pulumi from "@pulumi/pulumi";
import * as zenlayer from "@pulumi-zenlayer/zenlayer";

const config = new pulumi.Config();

// A lookup: runs in preview too, and fails naming the id if Zenlayer has no such instance.
const instance = zenlayer.zec.getInstanceOutput({ instanceId: config.require("instanceId") });

const nic = new zenlayer.zec.NetworkInterface("app-nic", {
  name: "app-nic",
  subnetId: config.require("subnetId"),
});

const attachment = new zenlayer.zec.NetworkInterfaceAttachment(
  "app-nic-attachment",
  { nicId: nic.nicId, instanceId: instance.instanceId },
  // Bounds the detach on `pulumi destroy`; Ctrl-C stops the wait within a second either way.
  { customTimeouts: { delete: "5m" } },
);

export const instanceStatus = instance.status;
export const primaryIpv4 = attachment.primaryIpv4;
