import { isRetrySafe } from "../retry/actionSafety";
import { classifyError, isEndpointProblem } from "../retry/classification";
import { isDeadlineExceeded } from "../util/deadline";
import { ClientErrorCode } from "./clientErrorCodes";
import { sanitizeCause } from "./sanitizeCause";
import { ZenlayerApiError } from "./zenlayerApiError";
import type { ZenlayerApiErrorInit } from "./zenlayerApiError";

/** What is known about one failed attempt, before any policy is applied. @internal */
export type FailureFacts = Omit<ZenlayerApiErrorInit, "category" | "retryable" | "blamesEndpoint">;

/**
 * Builds a {@link ZenlayerApiError} with its category and retry verdict taken from the one
 * classification table and the action safety table, so no other code decides either.
 * @internal
 */
export function buildApiError(facts: FailureFacts): ZenlayerApiError {
  const category = classifyError(facts.code, facts.httpStatus, facts.cause?.code);
  const retryable = isRetrySafe(facts.action, category, facts.cause?.code);
  const blamesEndpoint = facts.endpoint !== undefined && isEndpointProblem(facts.code, category);
  return new ZenlayerApiError({ ...facts, category, retryable, blamesEndpoint });
}

/** The error for a call whose deadline passed before it could be sent. @internal */
export function deadlineError(action: string): ZenlayerApiError {
  const detail = "the operation's deadline passed before the request could be sent; nothing was sent";
  return buildApiError({ code: ClientErrorCode.DEADLINE_EXCEEDED, detail, action });
}

/**
 * The error for a call whose waiting (for a token, or between attempts) was cut short: by the
 * operation's deadline, or by the caller through its AbortSignal.
 * @internal
 */
export function stoppedError(action: string, reason: unknown): ZenlayerApiError {
  if (isDeadlineExceeded(reason)) return deadlineError(action);
  return buildApiError({
    code: ClientErrorCode.REQUEST_ABORTED,
    detail: "the caller aborted the request",
    action,
    cause: sanitizeCause(reason),
  });
}
