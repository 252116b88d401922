import type { NicInfo } from "../../sdk/index";
import type { AttachmentInputs, AttachmentOutputs } from "./types";

/**
 * Builds the complete outputs from what Zenlayer reports about the NIC. Absent API values become
 * empty strings and lists, because the engine's property format has no `undefined`.
 * @internal
 */
export function outputsFromNic(inputs: AttachmentInputs, nic: NicInfo): AttachmentOutputs {
  return {
    nicId: inputs.nicId,
    instanceId: nic.instanceId ?? inputs.instanceId,
    ...(inputs.timeouts === undefined ? {} : { timeouts: inputs.timeouts }),
    status: nic.status,
    nicType: nic.nicType ?? "",
    nicName: nic.name ?? "",
    regionId: nic.regionId ?? "",
    vpcId: nic.vpcId ?? "",
    subnetId: nic.subnetId ?? "",
    primaryIpv4: nic.primaryIpv4 ?? "",
    privateIpList: [...(nic.privateIpList ?? [])],
    macAddress: nic.macAddress ?? "",
  };
}

/** Only the inputs, for handlers that must return what the program would have to say. */
export function inputsOf(props: AttachmentInputs): AttachmentInputs {
  return {
    nicId: props.nicId,
    instanceId: props.instanceId,
    ...(props.timeouts === undefined ? {} : { timeouts: props.timeouts }),
  };
}
