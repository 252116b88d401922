import type { ResourceContext } from "../context";
import { handlerError } from "../failures";
import { timeoutOf } from "../inputValues";
import { runOperation, startOperation } from "../operation";
import type { OperationLimits } from "../operation";
import { DEFAULT_TIMEOUT, outputsFromNic } from "./inputs";
import type { NetworkInterfaceInputs, NetworkInterfaceOutputs } from "./inputs";

/** Inputs that only steer this provider: taken from the new inputs on every update, never sent. */
const PROVIDER_SETTINGS = ["forceDetach", "timeouts", "creationKey"] as const;

const REPEAT_SAFELY =
  "Fix the cause and run `pulumi up` again: the change is repeated safely (renaming or regrouping twice is harmless).";

/**
 * The stored outputs with the provider's own settings taken from `news`: what an update that
 * changes nothing in Zenlayer returns. Settings left out of `news` are dropped, as the engine has
 * no `undefined`.
 * @internal
 */
export function settingsOf(
  olds: NetworkInterfaceOutputs,
  news: NetworkInterfaceInputs,
): NetworkInterfaceOutputs {
  const isSetting = (key: string) => PROVIDER_SETTINGS.some((setting) => setting === key);
  const kept = Object.entries(olds).filter(([key]) => !isSetting(key));
  const given = PROVIDER_SETTINGS.filter((setting) => news[setting] !== undefined).map((setting) => [
    setting,
    news[setting],
  ]);
  return Object.fromEntries([...kept, ...given]) as unknown as NetworkInterfaceOutputs;
}

/**
 * Applies a new name and/or security group with one ModifyNetworkInterfaceAttribute, which takes
 * effect at once (and is idempotent, so the client retries it like a read). An input left out is
 * not sent: it accepts whatever Zenlayer holds. The outputs come from a read after the change,
 * with the values Zenlayer accepted, since a read may still lag the write.
 * @internal
 */
export async function renameOrRegroup(
  ctx: ResourceContext,
  current: NetworkInterfaceOutputs,
  news: NetworkInterfaceInputs,
  limits: OperationLimits = {},
): Promise<NetworkInterfaceOutputs> {
  const nicId = current.nicId;
  const name = news.name !== current.name ? news.name : undefined;
  const group = news.securityGroupId;
  const securityGroupId = group !== undefined && group !== current.securityGroupId ? group : undefined;
  if (name === undefined && securityGroupId === undefined) return current;
  const description = `updating NIC ${nicId} (${current.name})`;
  const op = startOperation(ctx, description, timeoutOf(news.timeouts, "update"), DEFAULT_TIMEOUT, limits);
  const request = {
    nicId,
    ...(name === undefined ? {} : { name }),
    ...(securityGroupId === undefined ? {} : { securityGroupId }),
  };
  try {
    return await runOperation(op, async () => {
      await ctx.client.modifyNetworkInterfaceAttribute(request, { deadline: op.deadline });
      ctx.log(
        `nic ${nicId}: ${[name && `renamed to ${name}`, securityGroupId && `security group ${securityGroupId}`].filter(Boolean).join(", ")}`,
      );
      const nic = (await op.readNic(nicId)).value;
      if (nic === undefined)
        throw new Error(`NIC ${nicId} no longer exists; run \`pulumi refresh\` to drop it from the stack`);
      return outputsFromNic(news, {
        ...nic,
        name: news.name,
        ...(securityGroupId === undefined ? {} : { securityGroupId }),
      });
    });
  } catch (error) {
    throw handlerError(error, `update NIC ${nicId}`, REPEAT_SAFELY);
  }
}
