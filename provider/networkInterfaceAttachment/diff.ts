import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isUnknown } from "../shared/unknown";
import type { AttachmentTimeouts } from "./types";

const REPLACING_PROPERTIES = ["nicId", "instanceId"] as const;

function sameTimeouts(a: unknown, b: unknown): boolean {
  const left = (a ?? {}) as AttachmentTimeouts;
  const right = (b ?? {}) as AttachmentTimeouts;
  return left.create === right.create && left.delete === right.delete;
}

/**
 * Decides what a change means. A new NIC or instance is a replacement, always delete-first: a NIC
 * can be attached to one instance at a time, so the old attachment must go before the new one is
 * made. Timeouts only steer this provider, so they update in place without any API call.
 * Pure, because the engine also calls it after a refresh with the arguments swapped.
 * @internal
 */
export function diffAttachment(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): dynamic.DiffResult {
  const replaces = REPLACING_PROPERTIES.filter(
    (property) => isUnknown(news[property]) || olds[property] !== news[property],
  );
  const timeoutsChanged = isUnknown(news["timeouts"]) || !sameTimeouts(olds["timeouts"], news["timeouts"]);
  if (replaces.length > 0) {
    return { changes: true, replaces: [...replaces], deleteBeforeReplace: true };
  }
  return { changes: timeoutsChanged };
}
