/**
 * What each NIC write does to a scripted Zenlayer's cloud when it takes effect: the change at once,
 * and the transition's end `transitionMs` later (if the NIC is still in that transition then).
 */
import type { NicInfo, NicStatus } from "../../../../sdk/index";
import { nicRecord, patched } from "./cloudTimeline";
import type { CloudState, CloudTimeline } from "./cloudTimeline";

/** How the cloud behaves besides what is scripted. */
export interface CloudBehaviour {
  /** How long a NIC stays in ATTACHING, DETACHING, PENDING or DELETING; `Infinity` stalls it. */
  transitionMs: number;
  /** What a created NIC ends as. */
  createEndsAs: "AVAILABLE" | "CREATE_FAILED";
}

type Body = Record<string, unknown>;

const text = (body: Body, key: string): string => String(body[key] ?? "");

/** Ends a transition: `fields` once the NIC is still `from` (an out-of-band change wins). */
function settle(cloud: CloudTimeline, ms: number, nicId: string, from: NicStatus, fields?: Partial<NicInfo>) {
  cloud.later(ms, (state) =>
    state.nics.get(nicId)?.status === from ? patched(state, nicId, fields) : state,
  );
}

let created = 0;

/** The id of the next created NIC: unique across a test process. */
function nextNicId(): string {
  created += 1;
  return String(1900000000000000000n + BigInt(created));
}

function create(cloud: CloudTimeline, body: Body, behaviour: CloudBehaviour): Body {
  const nicId = nextNicId();
  const tags = (body["tags"] as { tags?: unknown } | undefined)?.tags;
  const nic = nicRecord(nicId, {
    name: text(body, "name"),
    subnetId: text(body, "subnetId"),
    status: "PENDING",
    tags: { tags: Array.isArray(tags) ? tags : [] },
    createTime: new Date(Date.now()).toISOString(),
    ...(body["securityGroupId"] === undefined ? {} : { securityGroupId: text(body, "securityGroupId") }),
  });
  cloud.putNic(nic);
  settle(cloud, behaviour.transitionMs, nicId, "PENDING", { status: behaviour.createEndsAs });
  return { nicId };
}

/**
 * Applies the write `action` with `body` to the cloud now; returns the fields of its answer. A
 * write on a NIC the cloud does not hold changes nothing (the test scripts Zenlayer's refusal).
 */
export function applyWrite(
  cloud: CloudTimeline,
  action: string,
  body: Body,
  behaviour: CloudBehaviour,
): Body {
  const nicId = text(body, "nicId");
  const ms = behaviour.transitionMs;
  switch (action) {
    case "AttachNetworkInterface":
      cloud.patchNic(nicId, { status: "ATTACHING", instanceId: text(body, "instanceId") });
      settle(cloud, ms, nicId, "ATTACHING", { status: "USED" });
      return {};
    case "DetachNetworkInterface":
      cloud.patchNic(nicId, { status: "DETACHING" });
      settle(cloud, ms, nicId, "DETACHING", { status: "AVAILABLE", instanceId: null });
      return {};
    case "DeleteNetworkInterface":
      cloud.patchNic(nicId, { status: "DELETING" });
      settle(cloud, ms, nicId, "DELETING", undefined);
      return {};
    case "ModifyNetworkInterfaceAttribute": {
      const { name, securityGroupId } = body as { name?: string; securityGroupId?: string };
      cloud.patchNic(nicId, {
        ...(name === undefined ? {} : { name }),
        ...(securityGroupId ? { securityGroupId } : {}),
      });
      return {};
    }
    case "CreateNetworkInterface":
      return create(cloud, body, behaviour);
    default:
      throw new Error(`the scripted Zenlayer has no effect for ${action}`);
  }
}

/** The NICs a DescribeNetworkInterfaces with `body` lists from `state` (`ignoreTags`: a Zenlayer that ignores the tag filter). */
export function nicsMatching(state: CloudState, body: Body, ignoreTags: boolean): NicInfo[] {
  const ids = body["nicIds"] as string[] | undefined;
  const wanted = (body["tags"] as { key: string; value: string }[] | undefined) ?? [];
  return [...state.nics.values()].filter((nic) => {
    if (ids !== undefined && !ids.includes(nic.nicId)) return false;
    if (body["subnetId"] !== undefined && nic.subnetId !== body["subnetId"]) return false;
    if (body["name"] !== undefined && !nic.name.includes(text(body, "name"))) return false;
    const has = (tag: { key: string; value: string }) =>
      (nic.tags?.tags ?? []).some((t) => t.key === tag.key && t.value === tag.value);
    return ignoreTags || wanted.every(has);
  });
}
