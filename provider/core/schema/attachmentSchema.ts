/**
 * The definition of `zenlayer:zec:NetworkInterfaceAttachment`: its inputs, outputs, rules and
 * descriptions, from which its `check`, its TypeScript types and its part of the package schema
 * are read.
 * @packageDocumentation
 */
import type { ResourceDefinition } from "./definition";
import type { InputsOf, ObjectOf, OutputsOf } from "./inference";
import { INTEGER, listOf, objectType, optional, required, STRING } from "./definition";
import { timeoutsOf, zenlayerId } from "./rules";

/** Both timeouts default to ten minutes, like most NIC operations in Zenlayer's own tools. */
export const ATTACHMENT_DEFAULT_TIMEOUT = "10m";

const DURATION =
  'A duration such as `"90s"`, `"10m"` or `"1h30m"` (units `ms`, `s`, `m`, `h`), from `100ms` to `24h`; ' +
  `\`"${ATTACHMENT_DEFAULT_TIMEOUT}"\` when left out.`;

/** The attachment's `timeouts`: attach, and detach. */
export const ATTACHMENT_TIMEOUTS = objectType(
  "zenlayer:zec:NetworkInterfaceAttachmentTimeouts",
  "How long the attachment may wait for Zenlayer, in the format Terraform users write in `timeouts` " +
    "blocks. A resource's `customTimeouts`, where the front end passes them on, win over these.",
  {
    create: optional(
      STRING,
      `How long an attach may take, until Zenlayer reports the NIC \`USED\`. ${DURATION}`,
    ),
    delete: optional(STRING, `How long a detach may take, until the NIC is free or gone. ${DURATION}`),
  },
);

const ATTACHMENT_INPUTS = {
  nicId: required(
    STRING,
    'The secondary NIC to attach, such as `"1475945014486896967"` (a `NetworkInterface`\'s `nicId`). A ' +
      "change replaces the attachment: a different NIC is attached first and the old one detached after, " +
      "so the instance keeps a NIC through the change.",
    { rule: zenlayerId, replaceOnChanges: true },
  ),
  instanceId: required(
    STRING,
    "The instance to attach it to; it must be `RUNNING` and in the NIC's region. A change replaces the " +
      "attachment, detaching the NIC first (a NIC is on one instance at a time).",
    { rule: zenlayerId, replaceOnChanges: true },
  ),
  timeouts: optional(
    ATTACHMENT_TIMEOUTS,
    "How long attach and detach may wait. A change is an in-place update that sends nothing to Zenlayer.",
    { rule: timeoutsOf(ATTACHMENT_TIMEOUTS) },
  ),
} as const;

const ATTACHMENT_OUTPUTS = {
  status: required(
    STRING,
    "The NIC's status as last seen: `USED` once attached; `ATTACHING` while an attach may still be taking effect.",
  ),
  nicType: required(STRING, "`Secondary` for every NIC that can be attached (`Primary` NICs never detach)."),
  nicName: required(STRING, "The NIC's name in Zenlayer Cloud."),
  regionId: required(STRING, "The region of the NIC and the instance."),
  vpcId: required(STRING, "The VPC of the NIC's subnet."),
  subnetId: required(STRING, "The NIC's subnet."),
  primaryIpv4: required(STRING, "The NIC's primary private IPv4 address."),
  privateIpList: required(listOf(STRING), "Every private IP address of the NIC."),
  macAddress: required(STRING, "The NIC's MAC address."),
  writeSentAt: optional(
    INTEGER,
    "When the attach that status `ATTACHING` stands for was sent (epoch ms), in a partial failure's state: " +
      "later operations wait for reads to show it only until its grace from then has passed.",
    { internal: true },
  ),
} as const;

/**
 * The attachment of one secondary NIC to one instance. Its id is `<nicId>:<instanceId>`, as in
 * Zenlayer's Terraform provider.
 */
export const ATTACHMENT_RESOURCE = {
  token: "zenlayer:zec:NetworkInterfaceAttachment",
  description:
    "Attaches a secondary NIC to an instance of Zenlayer Elastic Compute and keeps it attached: `pulumi up` " +
    "attaches it and waits until Zenlayer reports it `USED`; removing or replacing the resource, or " +
    "`pulumi destroy`, detaches it, retrying and polling until Zenlayer reports it free. Only the instance " +
    "the program names is ever detached from: a NIC found on another instance fails the create, naming both.\n\n" +
    "Give the attachment `deletedWith: instance` when the instance is deleted in the same program, so that no " +
    "detach is attempted on an instance that is going away.\n\n" +
    "## Import\n\nThe id is `<nicId>:<instanceId>`, as in Zenlayer's Terraform provider:\n\n" +
    "```sh\npulumi import zenlayer:zec:NetworkInterfaceAttachment my-attachment 1475945014486896967:1478001766933994003\n```\n",
  inputs: ATTACHMENT_INPUTS,
  outputs: ATTACHMENT_OUTPUTS,
} as const satisfies ResourceDefinition;

/** The attachment's timeouts, as the definition says. */
export type AttachmentTimeoutsOfSchema = ObjectOf<typeof ATTACHMENT_TIMEOUTS.properties>;
/** The attachment's inputs, as the definition says. */
export type AttachmentInputsOfSchema = InputsOf<typeof ATTACHMENT_RESOURCE>;
/** The attachment's complete state, as the definition says. */
export type AttachmentOutputsOfSchema = OutputsOf<typeof ATTACHMENT_RESOURCE>;
