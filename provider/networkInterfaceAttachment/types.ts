/**
 * How long create and delete may wait, as Go-style durations (`"10m"`, `"1h"`). Dynamic providers
 * never see Pulumi's `customTimeouts`, so the resource takes them as an ordinary input.
 * @public
 */
export interface AttachmentTimeouts {
  readonly create?: string;
  readonly delete?: string;
}

/** The inputs the provider receives (after `check`), in the order users write them. */
export interface AttachmentInputs {
  readonly nicId: string;
  readonly instanceId: string;
  readonly timeouts?: AttachmentTimeouts;
}

/**
 * The complete state of one attachment. Every handler returns all of it, because the engine
 * replaces the stored outputs with whatever a handler returns.
 */
export interface AttachmentOutputs extends AttachmentInputs {
  readonly status: string;
  readonly nicType: string;
  readonly nicName: string;
  readonly regionId: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly primaryIpv4: string;
  readonly privateIpList: string[];
  readonly macAddress: string;
}

/** Both timeouts default to ten minutes, like most NIC operations in Zenlayer's own tools. */
export const DEFAULT_TIMEOUT = "10m";
