/**
 * The definition of `zenlayer:zec:NetworkInterface`: its inputs, outputs, rules and descriptions,
 * from which its `check`, its TypeScript types and its part of the package schema are read.
 * @packageDocumentation
 */
import type { ResourceDefinition } from "./definition";
import type { InputsOf, ObjectOf, OutputsOf } from "./inference";
import { BOOLEAN, INTEGER, listOf, mapOf, objectType, optional, required, STRING } from "./definition";
import { matches, resourceTags, timeoutsOf, zenlayerId } from "./rules";
import { NIC_SUBNET_TYPE } from "./zecTypes";

/** Create, update and delete each default to ten minutes, like the attachment's. */
export const NETWORK_INTERFACE_DEFAULT_TIMEOUT = "10m";

/** The tag key this package sets on NICs it creates; user tags may not use it. */
export const CREATION_TAG_KEY = "pulumi-zenlayer-creation";

/** Zenlayer's NIC name rule: 2–63 of letters, digits, `-`, `_`, `.`, starting and ending alphanumeric. */
const NIC_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])$/;
/** Ids Zenlayer issues that are not plain numbers (security and resource groups). */
const IDENTIFIER = /^[A-Za-z0-9._:-]{1,64}$/;
const NAME_RULE = "2 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

const DURATION =
  'A duration such as `"90s"`, `"10m"` or `"1h30m"` (units `ms`, `s`, `m`, `h`), from `100ms` to `24h`; ' +
  `\`"${NETWORK_INTERFACE_DEFAULT_TIMEOUT}"\` when left out.`;

/** The NIC's `timeouts`: create, update (a rename or security-group change), delete. */
export const NETWORK_INTERFACE_TIMEOUTS = objectType(
  "zenlayer:zec:NetworkInterfaceTimeouts",
  "How long the NIC may wait for Zenlayer, in the format Terraform users write in `timeouts` blocks. A " +
    "resource's `customTimeouts`, where the front end passes them on, win over these.",
  {
    create: optional(
      STRING,
      `How long a create may take, until Zenlayer reports the NIC \`AVAILABLE\`. ${DURATION}`,
    ),
    update: optional(STRING, `How long a rename or a change of security group may take. ${DURATION}`),
    delete: optional(
      STRING,
      `How long a delete may take, until Zenlayer no longer lists the NIC. ${DURATION}`,
    ),
  },
);

/** In `check`'s order: the order failures are reported in. */
const NETWORK_INTERFACE_INPUTS = {
  name: required(STRING, `The NIC's name: ${NAME_RULE}. A change renames the NIC in place.`, {
    rule: matches(NIC_NAME, NAME_RULE),
  }),
  subnetId: required(
    STRING,
    "The subnet the NIC is created in; it fixes the NIC's region and VPC. A change replaces the NIC.",
    { rule: zenlayerId, replaceOnChanges: true },
  ),
  securityGroupId: optional(
    STRING,
    "The NIC's security group. Left out, the VPC's default group applies and is left alone; a change " +
      "applies in place.",
    { rule: matches(IDENTIFIER, "a Zenlayer id") },
  ),
  resourceGroupId: optional(
    STRING,
    "The resource group the NIC belongs to; left out, the account's default group. A change replaces the NIC.",
    { rule: matches(IDENTIFIER, "a Zenlayer id"), replaceOnChanges: true },
  ),
  nicStackType: optional(
    NIC_SUBNET_TYPE,
    "The NIC's IP stack: `IPv4` (Zenlayer's default), `IPv4_IPv6` or `IPv6`; the subnet must support it. A " +
      "change replaces the NIC.",
    { replaceOnChanges: true },
  ),
  forceDetach: optional(
    BOOLEAN,
    "On delete, detach the NIC from any instance it is attached to instead of failing. Leave it off unless " +
      "NICs are attached outside this stack: a `NetworkInterfaceAttachment` in the stack is deleted (detached) " +
      "before its NIC anyway.",
  ),
  tags: optional(
    mapOf(STRING),
    "Up to 49 tags, each key and value 1 to 64 characters, without control or invisible characters and " +
      `without leading or trailing spaces; the key \`${CREATION_TAG_KEY}\` is reserved for the tag this ` +
      "package sets. A change replaces the NIC: Zenlayer sets tags only at creation.",
    { rule: resourceTags(CREATION_TAG_KEY), replaceOnChanges: true },
  ),
  timeouts: optional(
    NETWORK_INTERFACE_TIMEOUTS,
    "How long create, update and delete may wait. A change is an in-place update that sends nothing to Zenlayer.",
    { rule: timeoutsOf(NETWORK_INTERFACE_TIMEOUTS) },
  ),
  creationKey: required(
    STRING,
    "Who asks for this NIC (`<project>/<stack>/<resource name>`), set by the front end (the dynamic " +
      "resource class from the program, the provider plugin from the URN): with the inputs that decide " +
      "which NIC it is, it makes the tag that finds a NIC an earlier, interrupted create made.",
    { internal: true },
  ),
} as const;

const TEXTS = listOf(STRING);

const NETWORK_INTERFACE_OUTPUTS = {
  nicId: required(STRING, "The NIC's id in Zenlayer Cloud (also the resource's id)."),
  status: required(STRING, "The NIC's status as last seen: `AVAILABLE` when free, `USED` when attached."),
  nicType: required(STRING, "`Secondary` for NICs created by this resource."),
  regionId: required(STRING, "The NIC's region, fixed by its subnet."),
  vpcId: required(STRING, "The NIC's VPC, fixed by its subnet."),
  nicSubnetType: required(
    STRING,
    "The NIC's IP stack as Zenlayer reports it: `IPv4`, `IPv4_IPv6` or `IPv6`.",
  ),
  primaryIpv4: required(STRING, "The NIC's primary private IPv4 address; empty when Zenlayer reports none."),
  primaryIpv6: required(STRING, "The NIC's primary IPv6 address; empty when Zenlayer reports none."),
  ipv6Cidr: required(STRING, "The IPv6 block assigned to the NIC; empty when Zenlayer reports none."),
  privateIpList: required(TEXTS, "Every private IP address of the NIC."),
  publicIpList: required(TEXTS, "The public IP addresses bound to the NIC."),
  secondaryIpv4s: required(TEXTS, "The NIC's secondary private IPv4 addresses."),
  macAddress: required(STRING, "The NIC's MAC address."),
  instanceId: required(STRING, 'The instance the NIC is attached to as last seen; `""` when none.'),
  resourceGroupName: required(STRING, "The name of the NIC's resource group."),
  createTime: required(STRING, "When the NIC was created, in ISO 8601 UTC."),
  writeSentAt: optional(
    INTEGER,
    "When the create that status `UNKNOWN` stands for was sent (epoch ms), in a partial failure's state: " +
      "later operations wait for reads to show the NIC only until its grace from then has passed.",
    { internal: true },
  ),
} as const;

/** A secondary NIC; its id is the NIC's id. */
export const NETWORK_INTERFACE_RESOURCE = {
  token: "zenlayer:zec:NetworkInterface",
  description:
    "A secondary virtual NIC in a subnet of Zenlayer Elastic Compute. `pulumi up` creates it and waits until " +
    "Zenlayer reports it `AVAILABLE`; a create that was interrupted, or whose answer was lost, is found again " +
    "by a tag this package sets, so the NIC is never made twice. Delete waits until Zenlayer no longer lists " +
    "it. Attach it to an instance with a `NetworkInterfaceAttachment` whose `nicId` is this resource's `nicId`.\n\n" +
    "The subnet, IP stack, resource group and tags can only be set when the NIC is created, so changing them " +
    "replaces it (the new NIC first, so that attachments move to it); the name and security group change in " +
    "place.\n\n## Import\n\nThe id is the NIC's id:\n\n" +
    "```sh\npulumi import zenlayer:zec:NetworkInterface my-nic 1475945014486896967\n```\n",
  inputs: NETWORK_INTERFACE_INPUTS,
  outputs: NETWORK_INTERFACE_OUTPUTS,
} as const satisfies ResourceDefinition;

/** The NIC's timeouts, as the definition says. */
export type NetworkInterfaceTimeoutsOfSchema = ObjectOf<typeof NETWORK_INTERFACE_TIMEOUTS.properties>;
/** The NIC's inputs, as the definition says. */
export type NetworkInterfaceInputsOfSchema = InputsOf<typeof NETWORK_INTERFACE_RESOURCE>;
/** The NIC's complete state, as the definition says. */
export type NetworkInterfaceOutputsOfSchema = OutputsOf<typeof NETWORK_INTERFACE_RESOURCE>;
