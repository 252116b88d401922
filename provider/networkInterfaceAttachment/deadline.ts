import { parseDuration } from "../shared/duration";
import type { HandlerContext } from "../shared/handlerContext";
import { DEFAULT_TIMEOUT } from "./types";
import type { AttachmentTimeouts } from "./types";

/**
 * The moment an operation must give up, from the resource's `timeouts` input. `check` already
 * rejected malformed values, so a bad one here can only come from old state; it falls back to
 * the default rather than failing a destroy.
 * @internal
 */
export function deadlineFor(
  ctx: HandlerContext,
  timeouts: AttachmentTimeouts | undefined,
  operation: keyof AttachmentTimeouts,
): number {
  const ms = parseDuration(timeoutText(timeouts, operation)) ?? parseDuration(DEFAULT_TIMEOUT) ?? 600_000;
  return ctx.now() + ms;
}

/** The timeout in force for an operation, as the user wrote it, for messages. */
export function timeoutText(
  timeouts: AttachmentTimeouts | undefined,
  operation: keyof AttachmentTimeouts,
): string {
  return timeouts?.[operation] ?? DEFAULT_TIMEOUT;
}

/** Milliseconds left before the deadline, never negative. */
export function remaining(ctx: HandlerContext, deadline: number): number {
  return Math.max(0, deadline - ctx.now());
}
