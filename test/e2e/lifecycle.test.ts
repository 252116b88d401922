/**
 * End-to-end: the installed package driven by the real Pulumi engine (CLI + Automation API, inline
 * program) against the simulator. What the engine adds to the handlers, which the integration tests
 * prove on their own: the diff after a refresh (no spurious changes), an update that stays in
 * place, the replacement order, a removal, unknowns in a preview, and what the stack stores.
 */
import { DEFAULT_ACCESS_KEY } from "../../simulator/index";
import type { Simulator } from "../../simulator/index";
import type { AttachmentSpec } from "../../scripts/lib/driverRunner";
import { e2eTest, succeed } from "./support/e2eWorld";
import { useWorld } from "./support/useWorld";
import { exportedDeployment } from "./support/rawExport";
import { newInstanceAndNic, requestsFor, succeeded } from "./support/simulatorQueries";
import { attachmentsIn, isSecretValue, providerTextIn } from "./support/stackState";

const CASE_TIMEOUT_MS = 180_000;
const PROVIDER_TEXT_BUDGET_BYTES = 4096;

const w = useWorld({ label: "lifecycle" });

/**
 * Which credential markers occur in `text`, by name only: a failing assertion must not print the
 * text, since it would then print the very secret it found.
 */
function credentialMarkersIn(text: string): string[] {
  const markers: Record<string, (candidate: string) => boolean> = {
    "access key password": (candidate) => candidate.includes(DEFAULT_ACCESS_KEY.accessKeyPassword),
    "access key id": (candidate) => candidate.includes(DEFAULT_ACCESS_KEY.accessKeyId),
    "Authorization header": (candidate) => /Authorization/i.test(candidate),
    signature: (candidate) => candidate.includes("Signature="),
  };
  return Object.entries(markers)
    .filter(([, found]) => found(text))
    .map(([name]) => name);
}

/** The index of the first successful request of `action` whose body has `field` = `value`. */
function firstSuccessWith(sim: Simulator, action: string, field: string, value: string): number {
  return sim.control
    .requestLog()
    .findIndex(
      (entry) =>
        entry.action === action &&
        entry.status === 200 &&
        (entry.body as Record<string, unknown> | null)?.[field] === value,
    );
}

/** After `up`: the stack holds the attachment, no credential text, and a small serialized provider. */
async function expectStoredAttachment(stackName: string, id: string): Promise<void> {
  const deployment = await exportedDeployment(w(), stackName);
  const [attachment, ...others] = attachmentsIn(deployment);
  expect(others).toHaveLength(0);
  expect(attachment).toMatchObject({ id, outputs: { status: "USED" } });
  expect(credentialMarkersIn(JSON.stringify(deployment))).toEqual([]);
  const inInputs = providerTextIn(attachment?.inputs);
  expect(providerTextIn(attachment?.outputs)).toBe(inInputs);
  expect(inInputs).toContain("pulumi-zenlayer/provider");
  const size = Buffer.byteLength(inInputs ?? "", "utf8");
  const secret = isSecretValue(attachment?.inputs?.["__provider"]);
  process.stderr.write(`[e2e] serialized provider (__provider): ${size} bytes, secret: ${secret}\n`);
  expect(size).toBeLessThan(PROVIDER_TEXT_BUDGET_BYTES);
}

describe("NetworkInterfaceAttachment through the Pulumi engine", () => {
  e2eTest(
    "up attaches; refresh and preview change nothing; a timeouts change updates in place; a new instance replaces, detaching first; removal detaches",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const second = sim.control.addInstance({ regionId: "asia-east-1" }).instanceId;
      const stackName = "lifecycle";
      const attachments: AttachmentSpec[] = [{ name: "nic", nicId, instanceId }];

      const up = await succeed(w(), { op: "up", stackName, attachments });
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId });
      expect(up.outputs?.["nic"]).toEqual({
        id: `${nicId}:${instanceId}`,
        nicId,
        instanceId,
        status: "USED",
      });
      expect(succeeded(requestsFor(sim, "AttachNetworkInterface", nicId))).toHaveLength(1);
      expect(credentialMarkersIn(up.output)).toEqual([]);
      await expectStoredAttachment(stackName, `${nicId}:${instanceId}`);

      sim.control.resetRequestLog();
      expect((await succeed(w(), { op: "refresh", stackName, attachments })).changes).toEqual({ same: 2 });
      expect((await succeed(w(), { op: "preview", stackName, attachments })).changes).toEqual({ same: 2 });
      const slower: AttachmentSpec[] = [{ ...attachments[0]!, timeouts: { delete: "20m" } }];
      expect((await succeed(w(), { op: "up", stackName, attachments: slower })).changes).toEqual({
        same: 1,
        update: 1,
      });
      const writes = sim.control.requestLog().filter((entry) => !entry.action?.startsWith("Describe"));
      expect(writes).toEqual([]);

      const moved: AttachmentSpec[] = [{ name: "nic", nicId, instanceId: second }];
      expect((await succeed(w(), { op: "up", stackName, attachments: moved })).changes).toMatchObject({
        replace: 1,
      });
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId: second });
      const detach = firstSuccessWith(sim, "DetachNetworkInterface", "nicId", nicId);
      expect(detach).toBeGreaterThanOrEqual(0);
      expect(firstSuccessWith(sim, "AttachNetworkInterface", "instanceId", second)).toBeGreaterThan(detach);

      sim.control.resetRequestLog();
      const removed = await succeed(w(), { op: "up", stackName, attachments: [] });
      expect(removed.changes).toMatchObject({ delete: 1 });
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
      expect(succeeded(requestsFor(sim, "DetachNetworkInterface", nicId))).toHaveLength(1);
      expect(credentialMarkersIn(removed.output)).toEqual([]);
      expect(attachmentsIn(await exportedDeployment(w(), stackName))).toHaveLength(0);
    },
    CASE_TIMEOUT_MS,
  );

  e2eTest(
    "preview with an unknown nicId plans a create and never calls Attach",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "preview-unknown";
      sim.control.resetRequestLog();

      const preview = await succeed(w(), {
        op: "preview",
        stackName,
        attachments: [{ name: "nic", nicId, instanceId, nicIdFromOutput: true }],
      });

      // The stack, the resource whose output feeds nicId, and the attachment.
      expect(preview.changes).toEqual({ create: 3 });
      expect(preview.output).toMatch(
        /\+\s+pulumi-nodejs:dynamic\/zec:NetworkInterfaceAttachment\s+nic\s+create/,
      );
      expect(sim.control.actionCounts()["AttachNetworkInterface"] ?? 0).toBe(0);
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
      expect(attachmentsIn(await exportedDeployment(w(), stackName))).toHaveLength(0);
    },
    CASE_TIMEOUT_MS,
  );
});
