import * as pulumi from "@pulumi/pulumi";
import { creationKeyOf } from "../core/networkInterface/inputs";
import { providerReference } from "./providerReference";

/** Serialized into state for every NIC; see {@link providerReference}. */
const nicProvider = providerReference("networkInterfaceProvider");

/**
 * How long the resource may wait for Zenlayer, as Go-style durations (`"90s"`, `"10m"`, `"1h"`);
 * each defaults to `"10m"`. Pulumi's `customTimeouts` option never reaches dynamic providers,
 * hence this input. Changing it is an in-place update that makes no API call.
 * @public
 */
export interface NetworkInterfaceTimeoutsArgs {
  /** Bounds the create: until Zenlayer reports the NIC `AVAILABLE`. */
  readonly create?: pulumi.Input<string>;
  /** Bounds a rename or security-group change. */
  readonly update?: pulumi.Input<string>;
  /** Bounds the delete, with the detach `forceDetach` may need: until Zenlayer no longer lists the NIC. */
  readonly delete?: pulumi.Input<string>;
}

/**
 * The arguments for one secondary vNIC. The subnet, stack type, resource group and tags can only
 * be set when the NIC is created, so changing them replaces it (the new NIC first, so that
 * attachments move to it); the name and security group change in place.
 * @public
 */
export interface NetworkInterfaceArgs {
  /** 2 to 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit. */
  readonly name: pulumi.Input<string>;
  /** The subnet the NIC is created in; it fixes the NIC's region and VPC. */
  readonly subnetId: pulumi.Input<string>;
  /** The NIC's security group; left out, the VPC's default group applies and is left alone. */
  readonly securityGroupId?: pulumi.Input<string>;
  /** `IPv4` (default), `IPv4_IPv6` or `IPv6`; the subnet must support it. */
  readonly nicStackType?: pulumi.Input<"IPv4" | "IPv4_IPv6" | "IPv6">;
  /** Left out, the NIC goes to the account's default resource group. */
  readonly resourceGroupId?: pulumi.Input<string>;
  /** Up to 50 tags; the key `pulumi-zenlayer-creation` is reserved for this package. */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * On delete, detach the NIC from any instance it is attached to instead of failing. Leave it
   * off unless NICs are attached outside this stack: a NetworkInterfaceAttachment in the stack is
   * deleted (detached) before its NIC anyway.
   */
  readonly forceDetach?: pulumi.Input<boolean>;
  /** How long the create, update and delete may take; see `NetworkInterfaceTimeoutsArgs`. */
  readonly timeouts?: pulumi.Input<NetworkInterfaceTimeoutsArgs>;
}

const OUTPUT_NAMES = [
  "nicId",
  "status",
  "nicType",
  "regionId",
  "vpcId",
  "nicSubnetType",
  "primaryIpv4",
  "primaryIpv6",
  "ipv6Cidr",
  "privateIpList",
  "publicIpList",
  "secondaryIpv4s",
  "macAddress",
  "instanceId",
  "resourceGroupName",
  "createTime",
] as const;

/**
 * A secondary vNIC in a ZEC subnet. `pulumi up` creates it and waits until Zenlayer reports it
 * `AVAILABLE`; an interrupted or ambiguous create is found again by a tag the package sets, never
 * made twice. Delete waits until Zenlayer no longer lists it. Attach it with a
 * `NetworkInterfaceAttachment` whose `nicId` is this resource's `nicId`.
 * @public
 */
export class NetworkInterface extends pulumi.dynamic.Resource {
  /** The NIC's name in Zenlayer Cloud; renaming it is an in-place update. */
  declare readonly name: pulumi.Output<string>;
  /** The subnet the NIC is in; changing it replaces the NIC. */
  declare readonly subnetId: pulumi.Output<string>;
  /** The security group as given; unset when the VPC's default applies. */
  declare readonly securityGroupId: pulumi.Output<string | undefined>;
  /** The stack type as given; the NIC's actual one is `nicSubnetType`. */
  declare readonly nicStackType: pulumi.Output<string | undefined>;
  /** The resource group as given; unset means the account's default. */
  declare readonly resourceGroupId: pulumi.Output<string | undefined>;
  /** The user's tags, as Zenlayer holds them. */
  declare readonly tags: pulumi.Output<Record<string, string> | undefined>;
  /** Whether delete detaches the NIC from an instance instead of failing, as given. */
  declare readonly forceDetach: pulumi.Output<boolean | undefined>;
  /** The timeouts in force, as given. */
  declare readonly timeouts: pulumi.Output<NetworkInterfaceTimeoutsArgs | undefined>;
  /** The NIC's id in Zenlayer Cloud (also the resource's `id`). */
  declare readonly nicId: pulumi.Output<string>;
  /** `AVAILABLE` when free, `USED` when attached. */
  declare readonly status: pulumi.Output<string>;
  /** `Secondary` for NICs created by this resource. */
  declare readonly nicType: pulumi.Output<string>;
  /** The region, fixed by the subnet; an instance must be in it to take the NIC. */
  declare readonly regionId: pulumi.Output<string>;
  /** The VPC of the subnet. */
  declare readonly vpcId: pulumi.Output<string>;
  /** The IP versions the NIC has: `IPv4`, `IPv4_IPv6` or `IPv6`. */
  declare readonly nicSubnetType: pulumi.Output<string>;
  /** The primary private IPv4 address; `""` on an IPv6-only NIC. */
  declare readonly primaryIpv4: pulumi.Output<string>;
  /** The primary IPv6 address; `""` on an IPv4-only NIC. */
  declare readonly primaryIpv6: pulumi.Output<string>;
  /** The NIC's IPv6 range, when it has one. */
  declare readonly ipv6Cidr: pulumi.Output<string>;
  /** Every private IP address of the NIC. */
  declare readonly privateIpList: pulumi.Output<string[]>;
  /** Every public IP address bound to the NIC. */
  declare readonly publicIpList: pulumi.Output<string[]>;
  /** Private IPv4 addresses beyond the primary one. */
  declare readonly secondaryIpv4s: pulumi.Output<string[]>;
  /** The MAC address, e.g. to match the interface inside an instance's OS. */
  declare readonly macAddress: pulumi.Output<string>;
  /** The instance the NIC is attached to as last seen; `""` when none. */
  declare readonly instanceId: pulumi.Output<string>;
  /** The name of the resource group the NIC is in. */
  declare readonly resourceGroupName: pulumi.Output<string>;
  /** When Zenlayer created the NIC, as it reports it (ISO 8601, UTC). */
  declare readonly createTime: pulumi.Output<string>;

  /**
   * Declares the NIC; the engine creates it on `pulumi up`.
   * @param name - The resource's name in the stack, unique per type; not the NIC's name in Zenlayer.
   * @param args - The NIC's name, subnet and options.
   * @param opts - Pulumi's resource options.
   */
  constructor(name: string, args: NetworkInterfaceArgs, opts?: pulumi.CustomResourceOptions) {
    if (!opts?.urn) {
      for (const required of ["name", "subnetId"] as const) {
        if (args?.[required] === undefined) {
          throw new Error(`Missing required property '${required}' of NetworkInterface "${name}"`);
        }
      }
    }
    const outputs = Object.fromEntries(OUTPUT_NAMES.map((output) => [output, undefined]));
    // Who asks for the NIC: it lets a create find a NIC an interrupted create of this resource made.
    const creationKey = creationKeyOf(pulumi.getProject(), pulumi.getStack(), name);
    const props = { ...(args ?? {}), creationKey, ...outputs };
    super(nicProvider, name, props, opts, "zec", "NetworkInterface");
  }
}
