import { isRetrySafe } from "../retry/actionSafety";
import { classifyError } from "../retry/classification";
import { ClientErrorCode } from "./clientErrorCodes";
import { sanitizeCause } from "./sanitizeCause";
import { ZenlayerApiError } from "./zenlayerApiError";
import type { ZenlayerApiErrorInit } from "./zenlayerApiError";

/** What is known about one failed attempt, before any policy is applied. @internal */
export type FailureFacts = Omit<ZenlayerApiErrorInit, "category" | "retryable">;

/**
 * Builds a {@link ZenlayerApiError} with its category and retry verdict taken from the one
 * classification table and the action safety table, so no other code decides either.
 * @internal
 */
export function buildApiError(facts: FailureFacts): ZenlayerApiError {
  const category = classifyError(facts.code, facts.httpStatus);
  const retryable = isRetrySafe(facts.action, category, facts.cause?.code);
  return new ZenlayerApiError({ ...facts, category, retryable });
}

/** The error for a call the caller cancelled through its AbortSignal. @internal */
export function abortedError(action: string, reason: unknown): ZenlayerApiError {
  return buildApiError({
    code: ClientErrorCode.REQUEST_ABORTED,
    detail: "the caller aborted the request",
    action,
    cause: sanitizeCause(reason),
  });
}
