import { isZenlayerApiError } from "../../../sdk/index";
import { displayText } from "../../../sdk/util/displayValue";
import type { Operation } from "../operation";
import { findTagged } from "./create";
import type { NetworkInterfaceInputs } from "./inputs";

/**
 * Deletes NICs that carry this resource's creation tag but are not the NIC in its state: a second
 * NIC made when a create's answer was lost and reads lagged longer than the create waited for
 * them. Only free ones (AVAILABLE, or CREATE_FAILED) are deleted; an attached one is in use, so it
 * is left alone and named. Zenlayer refuses to delete an attached NIC, so a NIC attached after the
 * search is safe too. Never fails the operation that calls it: what it could not do, it says.
 * @internal
 */
export async function removeDuplicates(
  op: Operation,
  inputs: NetworkInterfaceInputs,
  keptNicId: string,
): Promise<void> {
  let others;
  try {
    others = (await findTagged(op, inputs)).filter((nic) => nic.nicId !== keptNicId);
  } catch (error) {
    op.ctx.log(`nic ${keptNicId}: could not look for duplicates of ${inputs.name}: ${reasonOf(error)}`);
    return;
  }
  for (const nic of others) {
    const free = !nic.instanceId && (nic.status === "AVAILABLE" || nic.status === "CREATE_FAILED");
    const what = `nic ${nic.nicId} carries the creation tag of ${inputs.name} (NIC ${keptNicId})`;
    if (!free) {
      const where = nic.instanceId ? ` on instance ${displayText(nic.instanceId)}` : "";
      op.ctx.log(
        `${what} but is ${displayText(nic.status)}${where}: left alone; delete it yourself if it is a duplicate`,
      );
      continue;
    }
    try {
      await op.ctx.client.deleteNetworkInterface({ nicId: nic.nicId }, op.callOptions());
      op.ctx.log(`${what}: a duplicate made by a create whose answer was lost; deleted it`);
    } catch (error) {
      op.ctx.log(
        `${what}: a duplicate, but deleting it failed (${reasonOf(error)}); the next refresh tries again`,
      );
    }
  }
}

function reasonOf(error: unknown): string {
  if (isZenlayerApiError(error)) return `${error.code}, request id ${error.requestId ?? "none"}`;
  return error instanceof Error ? error.message : String(error);
}
