import { renderInstance, renderNicFor } from "../../state/render";
import type { InstanceRecord, NicRecord } from "../../state/records";
import { startViolation, stopViolation } from "../../state/stateMachines";
import { INSTANCE_STATUSES } from "../../types/wire";
import type { BusinessErrorKey } from "../errorCodes";
import { exactFilter, tagFilter } from "../filters";
import type { ActionContext, ActionHandler } from "../actionContext";
import { rejectViolation, requireInstance } from "../actionContext";
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

/** An instance with the NICs Describe shows on it (primary first), which its addresses come from. */
interface Listed {
  readonly instance: InstanceRecord;
  readonly nics: readonly NicRecord[];
}

/** The instance's IPv4 addresses: its public ones and its NICs' primary private ones. */
function ipv4Addresses({ instance, nics }: Listed): (string | null)[] {
  return [...instance.publicIpAddresses, ...nics.map((nic) => nic.primaryIpv4)];
}

function instanceFilter(params: Params): (listed: Listed) => boolean {
  const instanceIds = optionalStringList(params, "instanceIds", MAX_IDS_PER_REQUEST);
  const zoneId = exactFilter(params, "zoneId");
  const imageId = exactFilter(params, "imageId");
  const ipv4 = optionalString(params, "ipv4Address");
  const ipv6 = optionalString(params, "ipv6Address");
  const status = optionalEnum(params, "status", INSTANCE_STATUSES);
  const name = optionalString(params, "name")?.toLowerCase();
  const resourceGroupId = exactFilter(params, "resourceGroupId");
  const tagged = tagFilter(params);
  return (listed) => {
    const { instance, nics } = listed;
    return (
      (instanceIds === undefined || instanceIds.includes(instance.instanceId)) &&
      zoneId(instance.zoneId) &&
      imageId(instance.imageId) &&
      (ipv4 === undefined || ipv4Addresses(listed).includes(ipv4)) &&
      (ipv6 === undefined || nics.some((nic) => nic.primaryIpv6 === ipv6)) &&
      (status === undefined || instance.status === status) &&
      (name === undefined || instance.instanceName.toLowerCase().includes(name)) &&
      resourceGroupId(instance.resourceGroupId) &&
      tagged(instance.tags)
    );
  };
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
 * DescribeInstances: the documented filters, combined with AND; `name` is a case-insensitive
 * substring, the others exact. `ipv4Address` matches any of the instance's public addresses or
 * its NICs' primary private ones, `ipv6Address` its NICs' primary IPv6 (our reading; the
 * reference only names the filters). Each instance's `nics`, and so its addresses, come from the
 * same (possibly stale) NIC view as DescribeNetworkInterfaces.
 * @internal
 */
export const describeInstances: ActionHandler = (params, context) => {
  const matches = instanceFilter(params);
  const pages = paging(params);
  const engine = context.runtime.engine;
  const nics = engine.readNics();
  const listed = engine
    .readInstances()
    .map((instance) => ({ instance, nics: nicsOf(instance.instanceId, nics) }));
  const { totalCount, dataSet } = page(listed.filter(matches), pages);
  return {
    totalCount,
    dataSet: dataSet.map(({ instance, nics: attached }) =>
      renderInstance(instance, attached, (nic) => renderNicFor(nic, context.version)),
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
