import { isZenlayerApiError, waitUntil } from "../../sdk/index";
import type { WaitDecision } from "../../sdk/index";
import type { HandlerContext } from "../shared/handlerContext";
import type { ProgressEvent } from "../shared/progress";
import { remaining } from "./deadline";

/**
 * Throttling and transient failures pass by themselves; everything else needs someone to act.
 * @internal
 */
export function isPassingTrouble(error: unknown): boolean {
  return isZenlayerApiError(error) && (error.category === "throttling" || error.category === "transient");
}

/**
 * Polls `check` until it decides, within the operation's deadline. A read or write that still
 * fails with throttling or a transient error after the client's own retries counts as "not yet"
 * rather than failing the operation: the resource's timeout, not the client's retry budget,
 * bounds how long a deployment keeps trying.
 * @internal
 */
export function pollUntil<T>(
  ctx: HandlerContext,
  deadline: number,
  onProgress: (event: ProgressEvent) => void,
  check: () => Promise<WaitDecision<T>>,
): Promise<T> {
  const tolerant = async (): Promise<WaitDecision<T>> => {
    try {
      return await check();
    } catch (error) {
      if (isZenlayerApiError(error) && isPassingTrouble(error)) {
        return { kind: "pending", observed: `${error.code} (request id ${error.requestId ?? "none"})` };
      }
      throw error;
    }
  };
  return waitUntil(tolerant, { ...ctx.polling, timeoutMs: remaining(ctx, deadline), onProgress });
}
