import type { Store } from "../state/store";
import type { WriteEffect } from "../types/options";

/** The NIC writes whose effect the request log records. */
const NIC_WRITES: ReadonlySet<string> = new Set([
  "AttachNetworkInterface",
  "DetachNetworkInterface",
  "DeleteNetworkInterface",
]);

function paramsOf(rawBody: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Captures, just before a NIC write runs, what the NIC looked like, and returns a function that
 * completes the record once the outcome is known. A client cannot see what a write whose answer
 * was lost actually did; chaos tests judge such writes by this record. Called only for requests
 * that reach the action (after authentication and injected pre-action failures), so "has an
 * effect" means "executed". Holds ids and statuses only, never headers or credentials.
 */
export function observeNicWrite(
  action: string | null,
  rawBody: string,
  store: Store,
  atMs: number,
): ((applied: boolean) => WriteEffect) | undefined {
  if (action === null || !NIC_WRITES.has(action)) return undefined;
  const params = paramsOf(rawBody);
  const nicId = params?.["nicId"];
  if (typeof nicId !== "string" || nicId === "") return undefined;
  const nic = store.nics.get(nicId);
  const target = params?.["instanceId"];
  const before = {
    nicId,
    instanceIdBefore: nic?.instanceId ?? null,
    statusBefore: nic?.status ?? null,
    ...(action === "AttachNetworkInterface" && typeof target === "string"
      ? { targetInstanceId: target }
      : {}),
    atMs,
  };
  return (applied) => ({ ...before, applied });
}
