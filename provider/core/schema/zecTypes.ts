/**
 * The small types the ZEC definitions share: the enums whose values Zenlayer fixes, and tags and
 * resource groups as Zenlayer reports them. Names and shapes follow `sdk/zec/types.ts`, the API's
 * own, so that a value reads the same in Zenlayer's documentation, the lookups and every SDK.
 * @packageDocumentation
 */
import { enumType, listOf, objectType, required, STRING } from "./definition";

/** The IP stacks a NIC can have; the subnet must support the one asked for. */
export const NIC_SUBNET_TYPE = enumType(
  "zenlayer:zec:NicSubnetType",
  "The IP stack of a NIC: IPv4 only, dual-stack, or IPv6 only. The subnet must support it.",
  [
    { value: "IPv4", description: "IPv4 only." },
    { value: "IPv4_IPv6", description: "Both IPv4 and IPv6 (dual-stack)." },
    { value: "IPv6", description: "IPv6 only." },
  ],
);

/** A NIC's life cycle, as a lookup filter. */
export const NIC_STATUS = enumType(
  "zenlayer:zec:NicStatus",
  "Where a NIC is in its life cycle. Create: `PENDING`, then `AVAILABLE` or `CREATE_FAILED`; attach: " +
    "`ATTACHING`, then `USED`; detach: `DETACHING`, then `AVAILABLE`; delete: `DELETING`, then gone.",
  [
    { value: "PENDING", description: "Being created." },
    { value: "AVAILABLE", description: "Created and attached to no instance." },
    { value: "ATTACHING", description: "Being attached to an instance." },
    { value: "USED", description: "Attached to an instance." },
    { value: "DETACHING", description: "Being detached from its instance." },
    { value: "DELETING", description: "Being deleted." },
    { value: "CREATE_FAILED", description: "Zenlayer could not create it; it can only be deleted." },
  ],
);

/** Primary or secondary, as a lookup filter. */
export const NIC_TYPE = enumType(
  "zenlayer:zec:NicType",
  "Whether a NIC is an instance's primary NIC, which lives and dies with the instance and can never be " +
    "detached, or a secondary NIC, which can be created, attached, detached and deleted on its own.",
  [
    { value: "Primary", description: "The NIC an instance was created with." },
    { value: "Secondary", description: "A NIC created on its own, such as by a `NetworkInterface`." },
  ],
);

/** One tag, in a lookup's filter or a NIC's or instance's tag list. */
export const TAG = objectType("zenlayer:zec:Tag", "One tag: a key and its value.", {
  key: required(STRING, "The tag's key: 1 to 64 characters."),
  value: required(STRING, "The tag's value: 1 to 64 characters."),
});

/** Tags as Zenlayer reports them: a list wrapped in an object. */
export const TAG_SET = objectType(
  "zenlayer:zec:TagSet",
  "The tags of a NIC or an instance, as Zenlayer reports them: a list under `tags`.",
  { tags: required(listOf(TAG), "Every tag, including the one this package sets on the NICs it creates.") },
);

/** The resource group a NIC or instance belongs to. */
export const RESOURCE_GROUP_INFO = objectType(
  "zenlayer:zec:ResourceGroupInfo",
  "The resource group a resource belongs to: Zenlayer's unit of access control and billing.",
  {
    resourceGroupId: required(STRING, "The resource group's id."),
    resourceGroupName: required(STRING, "The resource group's name."),
  },
);
