import * as pulumi from "@pulumi/pulumi";
import { providerReference } from "./providerReference";

/** Serialized into state for every attachment; see {@link providerReference}. */
const attachmentProvider = providerReference("networkInterfaceAttachmentProvider");

/**
 * How long the resource may wait for Zenlayer, as Go-style durations (`"90s"`, `"10m"`, `"1h"`).
 * Pulumi's `customTimeouts` option never reaches dynamic providers, hence this input. Changing it
 * is an in-place update that makes no API call. Both default to `"10m"`.
 * @public
 */
export interface NetworkInterfaceAttachmentTimeouts {
  /** Bounds the attach: until Zenlayer reports the NIC `USED` on the instance. */
  readonly create?: pulumi.Input<string>;
  /** Bounds the detach: until Zenlayer reports the NIC free. */
  readonly delete?: pulumi.Input<string>;
}

/**
 * The arguments for attaching one vNIC to one ZEC instance. Changing either id replaces the
 * attachment: the NIC is detached first, then attached to the new instance.
 * @public
 */
export interface NetworkInterfaceAttachmentArgs {
  /** The vNIC to attach, e.g. `"1475945014486896967"`. */
  readonly nicId: pulumi.Input<string>;
  /** The instance to attach it to; it must be RUNNING and in the NIC's region. */
  readonly instanceId: pulumi.Input<string>;
  /** How long the attach and the detach may take; see `NetworkInterfaceAttachmentTimeouts`. */
  readonly timeouts?: pulumi.Input<NetworkInterfaceAttachmentTimeouts>;
}

const OUTPUT_NAMES = [
  "status",
  "nicType",
  "nicName",
  "regionId",
  "vpcId",
  "subnetId",
  "primaryIpv4",
  "privateIpList",
  "macAddress",
] as const;

/**
 * Attaches a vNIC to a ZEC instance and keeps it attached: `pulumi up` attaches and waits until
 * Zenlayer reports the NIC `USED`; removing the resource, replacing it or `pulumi destroy`
 * detaches it with retries and status polling. Its id is `<nicId>:<instanceId>`, as in
 * Zenlayer's Terraform provider. Give it `deletedWith: instance` when the instance is deleted in
 * the same program, so no detach is attempted on an instance that is going away.
 * @public
 */
export class NetworkInterfaceAttachment extends pulumi.dynamic.Resource {
  /** The attached vNIC. */
  declare readonly nicId: pulumi.Output<string>;
  /** The instance the vNIC is attached to. */
  declare readonly instanceId: pulumi.Output<string>;
  /** The timeouts in force, as given. */
  declare readonly timeouts: pulumi.Output<NetworkInterfaceAttachmentTimeouts | undefined>;
  /** The NIC's status as last seen: `USED` once attached. */
  declare readonly status: pulumi.Output<string>;
  /** `Primary` or `Secondary`. */
  declare readonly nicType: pulumi.Output<string>;
  /** The NIC's name in Zenlayer Cloud. */
  declare readonly nicName: pulumi.Output<string>;
  /** The region of the NIC (and so of the instance). */
  declare readonly regionId: pulumi.Output<string>;
  /** The VPC of the NIC's subnet. */
  declare readonly vpcId: pulumi.Output<string>;
  /** The NIC's subnet. */
  declare readonly subnetId: pulumi.Output<string>;
  /** The NIC's primary private IPv4 address. */
  declare readonly primaryIpv4: pulumi.Output<string>;
  /** Every private IP address of the NIC. */
  declare readonly privateIpList: pulumi.Output<string[]>;
  /** The NIC's MAC address, e.g. to match the interface inside the instance's OS. */
  declare readonly macAddress: pulumi.Output<string>;

  /**
   * Declares the attachment; the engine attaches on `pulumi up`.
   * @param name - The resource's name in the stack, unique per type.
   * @param args - Which NIC goes on which instance, and the timeouts.
   * @param opts - Pulumi's resource options, e.g. `deletedWith`.
   */
  constructor(name: string, args: NetworkInterfaceAttachmentArgs, opts?: pulumi.CustomResourceOptions) {
    if (!opts?.urn) {
      for (const required of ["nicId", "instanceId"] as const) {
        if (args?.[required] === undefined) {
          throw new Error(`Missing required property '${required}' of NetworkInterfaceAttachment "${name}"`);
        }
      }
    }
    const outputs = Object.fromEntries(OUTPUT_NAMES.map((output) => [output, undefined]));
    const props = { nicId: args.nicId, instanceId: args.instanceId, timeouts: args.timeouts, ...outputs };
    super(attachmentProvider, name, props, opts, "zec", "NetworkInterfaceAttachment");
  }
}
