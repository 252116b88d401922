"use strict";
// The on-disk program of the engine chaos runs (test/chaos/engine): one NetworkInterfaceAttachment
// per entry of the stack config `attachments`, a JSON list of { name, nicId, instanceId, timeouts },
// on the installed pulumi-zenlayer package, as a user's plain JavaScript program would declare them.
const pulumi = require("@pulumi/pulumi");
const zenlayer = require("pulumi-zenlayer");

const attachments = new pulumi.Config().requireObject("attachments");

for (const spec of attachments) {
  const attachment = new zenlayer.zec.NetworkInterfaceAttachment(spec.name, {
    nicId: spec.nicId,
    instanceId: spec.instanceId,
    timeouts: spec.timeouts,
  });
  exports[spec.name] = { id: attachment.id, status: attachment.status };
}
