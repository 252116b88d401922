/**
 * The definitions of the lookups, `zenlayer:zec:getNetworkInterface`, `…:getNetworkInterfaces` and
 * `…:getInstance`: their arguments with the rules checked before anything is sent, and their
 * results, which are Zenlayer's own NIC and instance objects.
 * @packageDocumentation
 */
import type { DescribeNetworkInterfacesRequest } from "../../../sdk/index";
import type { FunctionDefinition } from "./definition";
import type { InputsOf, SameKeys } from "./inference";
import { listOf, optional, required, STRING } from "./definition";
import { provenAtCompileTime } from "./inference";
import { INSTANCE_INFO } from "./instanceInfoType";
import { NIC_INFO } from "./nicInfoType";
import { tagFilter, zenlayerId } from "./rules";
import { NIC_STATUS, NIC_SUBNET_TYPE, NIC_TYPE, TAG } from "./zecTypes";

export const GET_NETWORK_INTERFACE_FUNCTION = {
  token: "zenlayer:zec:getNetworkInterface",
  description:
    "Reads one NIC by id, to feed its addresses or instance into other resources. Fails, naming the id, when " +
    "Zenlayer does not list it: a program that names a NIC expects it to exist.",
  inputs: {
    nicId: required(STRING, 'The NIC\'s id, such as `"1475945014486896967"`.', { rule: zenlayerId }),
  },
  outputs: NIC_INFO.properties,
} as const satisfies FunctionDefinition;

const FILTER = "Only NICs";

/** In the order of Zenlayer's request; the tag filters last, in the order they are checked. */
const NETWORK_INTERFACE_FILTERS = {
  nicIds: optional(listOf(STRING), `${FILTER} with one of these ids; at most 100.`),
  name: optional(STRING, `${FILTER} whose name contains this text.`),
  regionId: optional(STRING, `${FILTER} in this region, such as \`asia-east-1\`.`),
  vpcId: optional(STRING, `${FILTER} in this VPC.`),
  subnetId: optional(STRING, `${FILTER} in this subnet.`),
  instanceId: optional(STRING, `${FILTER} attached to this instance.`),
  status: optional(NIC_STATUS, `${FILTER} in this status.`),
  nicType: optional(NIC_TYPE, `${FILTER} of this kind: \`Primary\` or \`Secondary\`.`),
  resourceGroupId: optional(STRING, `${FILTER} in this resource group.`),
  securityGroupId: optional(STRING, `${FILTER} in this security group.`),
  nicSubnetType: optional(NIC_SUBNET_TYPE, `${FILTER} with this IP stack.`),
  tagKeys: optional(
    listOf(STRING),
    `${FILTER} that have a tag with each of these keys; at most 20, each a key a tag could have.`,
    { rule: tagFilter("tagKeys") },
  ),
  tags: optional(
    listOf(TAG),
    `${FILTER} that have each of these tags (key and value match exactly); at most 20.`,
    { rule: tagFilter("tags") },
  ),
} as const;

export const GET_NETWORK_INTERFACES_FUNCTION = {
  token: "zenlayer:zec:getNetworkInterfaces",
  description:
    "Lists every NIC that matches all the filters given (every page Zenlayer returns); an empty list when none " +
    "does. Tag filters that break the rules of a NIC's `tags` fail before anything is sent, naming the filter.",
  inputs: NETWORK_INTERFACE_FILTERS,
  outputs: {
    networkInterfaces: required(listOf(NIC_INFO), "The NICs that match, as Zenlayer reports them."),
  },
} as const satisfies FunctionDefinition;

export const GET_INSTANCE_FUNCTION = {
  token: "zenlayer:zec:getInstance",
  description:
    "Reads one instance by id, with every NIC on it (`nics`). Fails, naming the id, when Zenlayer does not " +
    "list it.",
  inputs: {
    instanceId: required(STRING, 'The instance\'s id, such as `"1478001766933994003"`.', {
      rule: zenlayerId,
    }),
  },
  outputs: INSTANCE_INFO.properties,
} as const satisfies FunctionDefinition;

/** Every lookup, in the order the package schema lists them. */
export const LOOKUP_FUNCTIONS: readonly FunctionDefinition[] = [
  GET_NETWORK_INTERFACE_FUNCTION,
  GET_NETWORK_INTERFACES_FUNCTION,
  GET_INSTANCE_FUNCTION,
];

// The filters are exactly those of DescribeNetworkInterfaces, without paging.
provenAtCompileTime<
  SameKeys<
    InputsOf<typeof GET_NETWORK_INTERFACES_FUNCTION>,
    Omit<DescribeNetworkInterfacesRequest, "pageSize" | "pageNum">
  >
>();
