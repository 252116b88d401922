/**
 * Reads that lag writes by more than the provider's one-second window (issue 15, finding 3), at
 * the default read-consistency setting: 0.8 s (inside the window), 1.5 s and 3 s (beyond it). The
 * simulator shows, for that long after a write, the resource as it was before the write. Each case
 * failed before: a delete reported success while the NIC stayed USED, a lost create answer made a
 * second NIC, accepted writes were sent again.
 */
import type { AttachmentOutputs, NetworkInterfaceOutputs } from "../../../provider/index";
import type { Simulator } from "../../../simulator/index";
import { failureOf, inputs, startHarness } from "./support/harness";
import type { Harness } from "./support/harness";
import { nicInputs, nicsIn, startNicHarness } from "./support/nicHarness";
import { eventually } from "../../support/eventually";

const LAGS_MS = [800, 1500, 3000] as const;
const DEFAULT_WINDOW = { readConsistencyMs: 1000 } as const;
/** Long enough for the longest lag and its confirmation; short next to the default ten minutes. */
const LAG_TEST_TIMEOUT_MS = 30_000;

/** Requests the simulator received for `action` (answered or refused, executed or not). */
function sent(sim: Simulator, action: string): number {
  return sim.control.requestLog().filter((entry) => entry.action === action).length;
}

/** A create cut short by its timeout right after its attach was accepted: the state it leaves. */
async function timedOutCreate(h: Harness): Promise<{ id: string; outs: AttachmentOutputs }> {
  const error = await failureOf(h.provider.create(inputs(h.nicId, h.instanceId, { create: "300ms" })));
  expect(error["id"]).toBe(`${h.nicId}:${h.instanceId}`);
  const outs = error["properties"] as AttachmentOutputs;
  expect(outs).toMatchObject({ instanceId: h.instanceId, status: "ATTACHING" });
  return { id: String(error["id"]), outs };
}

describe.each(LAGS_MS)("with reads %i ms behind, at the default window", (lagMs) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ faults: { staleReadMs: lagMs } }, DEFAULT_WINDOW);
  });
  afterEach(async () => {
    await h.sim.stop();
  });

  it(
    "a delete right after a timed-out create detaches, instead of reporting a stale 'not attached'",
    async () => {
      const partial = await timedOutCreate(h);
      await h.provider.delete!(partial.id, partial.outs);
      expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
      expect(sent(h.sim, "DetachNetworkInterface")).toBe(1);
    },
    LAG_TEST_TIMEOUT_MS,
  );

  it(
    "an accepted detach is sent once, however many reads still show the NIC attached",
    async () => {
      const created = await h.provider.create(inputs(h.nicId, h.instanceId));
      await h.provider.delete!(created.id, created.outs!);
      expect(sent(h.sim, "DetachNetworkInterface")).toBe(1);
      expect(h.sim.control.getNic(h.nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
    },
    LAG_TEST_TIMEOUT_MS,
  );

  it(
    "a re-run continuing a timed-out create sends no attach while reads lag the first one",
    async () => {
      const partial = await timedOutCreate(h);
      const attachesBefore = sent(h.sim, "AttachNetworkInterface");
      const updated = await h.provider.update!(partial.id, partial.outs, inputs(h.nicId, h.instanceId));
      expect(updated.outs).toMatchObject({ status: "USED", instanceId: h.instanceId });
      expect(sent(h.sim, "AttachNetworkInterface")).toBe(attachesBefore);
    },
    LAG_TEST_TIMEOUT_MS,
  );

  it(
    "a refresh right after a timed-out create keeps the attachment",
    async () => {
      const partial = await timedOutCreate(h);
      const read = await h.provider.read!(partial.id, partial.outs);
      expect(read).toMatchObject({ id: partial.id, props: { status: "USED", instanceId: h.instanceId } });
    },
    LAG_TEST_TIMEOUT_MS,
  );
});

describe.each(LAGS_MS)("a NetworkInterface create whose answer was lost, reads %i ms behind", (lagMs) => {
  it(
    "makes one NIC, found by its tag once reads show it",
    async () => {
      const h = await startNicHarness({ faults: { staleReadMs: lagMs } }, DEFAULT_WINDOW.readConsistencyMs);
      try {
        h.sim.control.failNext({
          action: "CreateNetworkInterface",
          count: 1,
          httpStatus: 503,
          when: "after",
        });
        const created = await h.provider.create(nicInputs());
        expect(nicsIn(h.sim).map((nic) => nic.nicId)).toEqual([created.id]);
        expect(sent(h.sim, "CreateNetworkInterface")).toBe(1);
      } finally {
        await h.sim.stop();
      }
    },
    LAG_TEST_TIMEOUT_MS,
  );
});

describe("when the deadline comes before reads catch up", () => {
  it("a delete fails, keeping the resource, and says reads lag and which setting raises the window", async () => {
    const h = await startHarness({ faults: { staleReadMs: 3000 } }, DEFAULT_WINDOW);
    try {
      const created = await h.provider.create(inputs(h.nicId, h.instanceId));
      const error = await failureOf(
        h.provider.delete!(created.id, { ...created.outs!, timeouts: { delete: "1500ms" } }),
      );
      expect(error.message).toMatch(
        /did not finish within its 1500ms timeout \(last status USED; Zenlayer's reads still showed the NIC as it was before the accepted DetachNetworkInterface \d+m?s after it, so they may lag more than the \d+s this provider assumes/,
      );
      expect(error.message).toContain("PULUMI_ZENLAYER_READ_CONSISTENCY_MS");
      expect(error.message).toContain("The attachment stays in the stack");
      expect(sent(h.sim, "DetachNetworkInterface")).toBe(1);
    } finally {
      await h.sim.stop();
    }
  });
});

describe("a duplicate NIC made anyway", () => {
  it("is deleted by the next refresh when free, and named but left alone when attached", async () => {
    const h = await startNicHarness();
    try {
      const created = await h.provider.create(nicInputs());
      const outs = created.outs! as NetworkInterfaceOutputs;
      const tags = h.sim.control.getNic(created.id)?.tags?.tags ?? [];
      const free = h.sim.control.addNic({
        regionId: "asia-east-1",
        subnetId: outs.subnetId,
        name: "eth1",
        tags,
      });
      const busy = h.sim.control.addNic({
        regionId: "asia-east-1",
        subnetId: outs.subnetId,
        name: "eth1",
        tags,
      });
      h.sim.control.outOfBand.attachNic(busy.nicId, h.instanceId);
      const read = await h.provider.read!(created.id, outs);
      expect(read.id).toBe(created.id);
      await eventually(
        () => h.sim.control.getNic(free.nicId) === undefined,
        "the free duplicate to be deleted",
      );
      expect(h.sim.control.getNic(busy.nicId)).toMatchObject({ status: "USED", instanceId: h.instanceId });
      const logs = h.logs.join("\n");
      expect(logs).toContain(
        `nic ${free.nicId} carries the creation tag of eth1 (NIC ${created.id}): a duplicate`,
      );
      expect(logs).toContain(
        `nic ${busy.nicId} carries the creation tag of eth1 (NIC ${created.id}) but is USED`,
      );
    } finally {
      await h.sim.stop();
    }
  });
});

describe("an attach an earlier up sent that no read showed", () => {
  it("is waited for only until its grace from when it was sent, which the stack records", async () => {
    // A 400 ms window: reads showing the NIC free are not believed for 2 s after the attach.
    const h = await startHarness({}, { readConsistencyMs: 400 });
    try {
      h.sim.control.failNext({ action: "AttachNetworkInterface", count: 1, httpStatus: 503, when: "before" });
      const error = await failureOf(h.provider.create(inputs(h.nicId, h.instanceId, { create: "300ms" })));
      const partial = error["properties"] as AttachmentOutputs;
      expect(partial).toMatchObject({ status: "ATTACHING", writeSentAt: expect.any(Number) });
      await new Promise((resolve) => setTimeout(resolve, 2100));
      // The grace has passed since the attach was sent: the re-run believes "free" at once and attaches.
      const news = inputs(h.nicId, h.instanceId, { create: "1s" });
      const updated = await h.provider.update!(String(error["id"]), partial, news);
      expect(updated.outs).toMatchObject({ status: "USED", instanceId: h.instanceId });
      expect(updated.outs).not.toHaveProperty("writeSentAt");
    } finally {
      await h.sim.stop();
    }
  });
});
