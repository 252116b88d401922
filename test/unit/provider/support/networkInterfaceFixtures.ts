/**
 * NetworkInterface inputs, stored outputs and NICs carrying a resource's creation tag, for the
 * NetworkInterface decision tables.
 */
import { creationTag, outputsFromNic } from "../../../../provider/core/networkInterface/inputs";
import type {
  NetworkInterfaceInputs,
  NetworkInterfaceOutputs,
} from "../../../../provider/core/networkInterface/inputs";
import type { NicInfo } from "../../../../sdk/index";
import { nicRecord } from "./cloudTimeline";

export const SUBNET = "3000000000000000001";
export const GROUP = "5000000000000000001";
export const OTHER_GROUP = "5000000000000000002";

/** Inputs as the engine passes them after `check`, with the creation key the resource class adds. */
export function nicInputs(overrides: Partial<NetworkInterfaceInputs> = {}): NetworkInterfaceInputs {
  return { name: "eth1", subnetId: SUBNET, creationKey: "project/stack/eth1", ...overrides };
}

/** A NIC in `SUBNET` named like `inputs`, carrying their creation tag (made by an earlier create of that resource). */
export function tagged(
  nicId: string,
  inputs: NetworkInterfaceInputs,
  fields: Partial<NicInfo> = {},
): NicInfo {
  const tags = [
    ...Object.entries(inputs.tags ?? {}).map(([key, value]) => ({ key, value })),
    creationTag(inputs),
  ];
  return nicRecord(nicId, { name: inputs.name, subnetId: inputs.subnetId, tags: { tags }, ...fields });
}

/** What the stack holds for `nic` made from `inputs`, with its status replaced by `status` if given. */
export function stored(
  inputs: NetworkInterfaceInputs,
  nic: NicInfo,
  status?: string,
): NetworkInterfaceOutputs {
  const outputs = outputsFromNic(inputs, nic);
  return status === undefined ? outputs : { ...outputs, status };
}
