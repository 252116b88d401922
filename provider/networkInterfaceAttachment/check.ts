import type * as dynamic from "@pulumi/pulumi/dynamic";
import { parseDuration } from "../shared/duration";
import { isUnknown } from "../shared/unknown";
import type { AttachmentInputs } from "./types";

type Failure = dynamic.CheckFailure;

function checkId(property: string, value: unknown): Failure | undefined {
  if (isUnknown(value)) {
    return undefined;
  }
  if (typeof value !== "string" || value.length === 0) {
    return {
      property,
      reason: `${property} is required and must be a non-empty string, such as "1475945014486896967"`,
    };
  }
  if (/\s/.test(value)) {
    return { property, reason: `${property} must not contain whitespace; got ${JSON.stringify(value)}` };
  }
  return undefined;
}

function checkTimeouts(value: unknown): Failure[] {
  if (value === undefined || value === null || isUnknown(value)) {
    return [];
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    return [
      { property: "timeouts", reason: 'timeouts must be an object such as { create: "10m", delete: "15m" }' },
    ];
  }
  const failures: Failure[] = [];
  for (const [key, duration] of Object.entries(value as Record<string, unknown>)) {
    const property = `timeouts.${key}`;
    if (key !== "create" && key !== "delete") {
      failures.push({ property, reason: `unknown timeout "${key}"; only "create" and "delete" exist` });
    } else if (duration !== undefined && !isUnknown(duration)) {
      if (typeof duration !== "string" || (parseDuration(duration) ?? 0) <= 0) {
        failures.push({
          property,
          reason: `${property} must be a positive Go-style duration such as "90s", "10m" or "1h30m"; got ${JSON.stringify(duration)}`,
        });
      }
    }
  }
  return failures;
}

/**
 * Validates the inputs before anything touches the cloud, naming the property at fault. Values
 * the engine does not know yet (during preview) pass through untouched.
 * @internal
 */
export function checkAttachmentInputs(news: Record<string, unknown>): dynamic.CheckResult<AttachmentInputs> {
  const failures = [
    checkId("nicId", news["nicId"]),
    checkId("instanceId", news["instanceId"]),
    ...checkTimeouts(news["timeouts"]),
  ].filter((failure): failure is Failure => failure !== undefined);
  if (failures.length > 0) {
    return { failures };
  }
  return { inputs: news as unknown as AttachmentInputs };
}
