import { renderInstance, renderNicFor } from "../../state/render";
import type { InstanceRecord, NicRecord } from "../../state/records";
import { startViolation, stopViolation } from "../../state/stateMachines";
import { INSTANCE_STATUSES } from "../../types/wire";
import type { BusinessErrorKey } from "../errorCodes";
import type { ActionContext, ActionHandler } from "../router";
import { rejectViolation, requireInstance } from "../router";
import type { Params } from "../validate";
import {
  MAX_IDS_PER_REQUEST,
  optionalBoolean,
  optionalEnum,
  optionalString,
  optionalStringList,
  page,
  paging,
  requiredStringList,
} from "../validate";

function instanceFilter(params: Params): (instance: InstanceRecord) => boolean {
  const instanceIds = optionalStringList(params, "instanceIds", MAX_IDS_PER_REQUEST);
  const zoneId = optionalString(params, "zoneId");
  const status = optionalEnum(params, "status", INSTANCE_STATUSES);
  const name = optionalString(params, "name")?.toLowerCase();
  const resourceGroupId = optionalString(params, "resourceGroupId");
  return (instance) =>
    (instanceIds === undefined || instanceIds.includes(instance.instanceId)) &&
    (zoneId === undefined || instance.zoneId === zoneId) &&
    (status === undefined || instance.status === status) &&
    (name === undefined || instance.instanceName.toLowerCase().includes(name)) &&
    (resourceGroupId === undefined || instance.resourceGroupId === resourceGroupId);
}

/** Primary NIC first, then the others in creation order. */
function nicsOf(instanceId: string, nics: readonly NicRecord[]): NicRecord[] {
  const attached = nics.filter((nic) => nic.instanceId === instanceId);
  return [
    ...attached.filter((nic) => nic.nicType === "Primary"),
    ...attached.filter((nic) => nic.nicType !== "Primary"),
  ];
}

/**
 * DescribeInstances: filters as documented (the simulator does not model images or addresses,
 * so `imageId`, `ipv4Address` and `ipv6Address` are accepted and ignored). Each instance's
 * `nics` comes from the same (possibly stale) NIC view as DescribeNetworkInterfaces.
 * @internal
 */
export const describeInstances: ActionHandler = (params, context) => {
  const matches = instanceFilter(params);
  const pages = paging(params);
  const engine = context.runtime.engine;
  const found = engine.readInstances().filter(matches);
  const nics = engine.readNics();
  const { totalCount, dataSet } = page(found, pages);
  return {
    totalCount,
    dataSet: dataSet.map((instance) =>
      renderInstance(instance, nicsOf(instance.instanceId, nics), (nic) =>
        renderNicFor(nic, context.version),
      ),
    ),
  };
};

/**
 * Shared shape of StartInstances and StopInstances: every instance is checked before any is
 * changed, so a batch is all-or-nothing.
 */
function batch(
  params: Params,
  context: ActionContext,
  check: (instance: InstanceRecord) => BusinessErrorKey | null,
  apply: (instance: InstanceRecord) => void,
) {
  const instanceIds = requiredStringList(params, "instanceIds", MAX_IDS_PER_REQUEST);
  const instances = instanceIds.map((id) => requireInstance(context, id));
  for (const instance of instances)
    rejectViolation(context, check(instance), `instanceId ${instance.instanceId}`);
  for (const instance of instances) apply(instance);
  return {};
}

/** StartInstances: STOPPED → BOOTING → RUNNING. @internal */
export const startInstances: ActionHandler = (params, context) =>
  batch(params, context, startViolation, (instance) => context.runtime.engine.startInstance(instance));

/** StopInstances: RUNNING → STOPPING → STOPPED (`forceShutdown` accepted; it changes nothing here). @internal */
export const stopInstances: ActionHandler = (params, context) => {
  optionalBoolean(params, "forceShutdown");
  return batch(params, context, stopViolation, (instance) => context.runtime.engine.stopInstance(instance));
};
