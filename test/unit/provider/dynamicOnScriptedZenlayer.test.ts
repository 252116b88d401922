/**
 * The dynamic providers built with `ProviderOptions.clientDeps` run on the scripted Zenlayer and
 * fake time like the core functions, and report a partial failure the way the dynamic-provider
 * host needs: an error with the id and the properties, the serialized provider copied into them.
 */
import { createNetworkInterfaceAttachmentProvider } from "../../../provider/index";
import type { AttachmentInputs, AttachmentOutputs } from "../../../provider/index";
import { fails, INSTANCE, NIC, nic, startKit, succeeds } from "./support/decisionKit";

afterEach(() => jest.useRealTimers());

describe("the attachment's dynamic provider on a scripted Zenlayer", () => {
  it("keeps a create that outlives its timeout in state with the provider text, and the next up finishes it", async () => {
    const kit = startKit({ nics: [nic()] });
    kit.zenlayer.behaviour.transitionMs = 8000;
    const provider = createNetworkInterfaceAttachmentProvider(kit.providerOptions());
    const news = { nicId: NIC, instanceId: INSTANCE, timeouts: { create: "5s" } };
    const error = (await fails(
      provider.create({ ...news, __provider: "serialized-provider-text" } as AttachmentInputs),
    )) as Error & { id?: string; properties?: Record<string, unknown>; reasons?: string[] };
    expect(error.id).toBe(`${NIC}:${INSTANCE}`);
    expect(error.properties).toMatchObject({ status: "ATTACHING", __provider: "serialized-provider-text" });
    expect(error.reasons).toEqual([error.message]);
    expect(error.message).toMatch(/did not finish within its 5s timeout \(last status ATTACHING\)/);

    const olds = error.properties as unknown as AttachmentOutputs;
    const continued = await succeeds(provider.update!(`${NIC}:${INSTANCE}`, olds, news));
    expect(continued.outs).toMatchObject({ status: "USED", instanceId: INSTANCE });
    await succeeds(provider.delete!(`${NIC}:${INSTANCE}`, continued.outs as AttachmentOutputs));
    expect(kit.zenlayer.writes()).toEqual([`AttachNetworkInterface ${NIC}`, `DetachNetworkInterface ${NIC}`]);
  });
});
