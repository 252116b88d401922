/**
 * End-to-end: what the stack keeps. The state carries no credential text and only a small
 * serialized provider; credentials given only as (secret) stack config work for up and destroy
 * and are stored only as ciphertext.
 */
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { DEFAULT_ACCESS_KEY } from "../../simulator/index";
import type { AttachmentSpec, ConfigEntry, Deployment } from "./support/driverRunner";
import { e2eTest, runOperation, succeed } from "./support/e2eWorld";
import { useWorld } from "./support/useWorld";
import { exportStoredState } from "./support/rawExport";
import { newInstanceAndNic } from "./support/simulatorQueries";
import {
  attachmentsIn,
  defaultProvidersIn,
  isSecretValue,
  providerTextIn,
  secretCiphertext,
} from "./support/stackState";

const CASE_TIMEOUT_MS = 120_000;
const PROVIDER_TEXT_BUDGET_BYTES = 4096;
const PASSWORD = DEFAULT_ACCESS_KEY.accessKeyPassword;

const w = useWorld({ label: "state" });

/**
 * Which credential markers occur in `text`, by name only: a failing assertion must not print the
 * text, since it would then print the very secret it found.
 */
function credentialMarkersIn(text: string): string[] {
  const markers: Record<string, (candidate: string) => boolean> = {
    "access key password": (candidate) => candidate.includes(PASSWORD),
    "access key id": (candidate) => candidate.includes(DEFAULT_ACCESS_KEY.accessKeyId),
    "Authorization header": (candidate) => /Authorization/i.test(candidate),
    signature: (candidate) => candidate.includes("Signature="),
  };
  return Object.entries(markers)
    .filter(([, found]) => found(text))
    .map(([name]) => name);
}

function passwordIn(text: string): boolean {
  return text.includes(PASSWORD);
}

describe("stack state and credentials", () => {
  e2eTest(
    "the stack export holds no credential text and a serialized provider under 4 KiB",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "state-hygiene";
      const up = await succeed(w(), {
        op: "up",
        stackName,
        attachments: [{ name: "nic", nicId, instanceId }],
      });
      const { deployment } = await succeed(w(), { op: "export", stackName });

      expect(credentialMarkersIn(JSON.stringify(deployment))).toEqual([]);
      expect(credentialMarkersIn(up.output)).toEqual([]);
      const [attachment] = attachmentsIn(deployment);
      const inInputs = providerTextIn(attachment?.inputs);
      const inOutputs = providerTextIn(attachment?.outputs);
      expect(inInputs).toBeDefined();
      expect(inOutputs).toBe(inInputs);
      const size = Buffer.byteLength(inInputs!, "utf8");
      const secret = isSecretValue(attachment?.inputs?.["__provider"]);
      process.stderr.write(`[e2e] serialized provider (__provider): ${size} bytes, secret: ${secret}\n`);
      expect(size).toBeLessThan(PROVIDER_TEXT_BUDGET_BYTES);
      expect(inInputs).toContain("pulumi-zenlayer/provider");

      const destroy = await succeed(w(), { op: "destroy", stackName });
      expect(credentialMarkersIn(destroy.output)).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );

  e2eTest(
    "credentials given only as secret stack config work for up and destroy and are stored encrypted",
    w,
    async () => {
      const { sim } = w();
      const { instanceId, nicId } = newInstanceAndNic(sim);
      const stackName = "config-credentials";
      const attachments: AttachmentSpec[] = [{ name: "nic", nicId, instanceId }];
      const noEnvCredentials = { credentials: false };

      const withoutConfig = await runOperation(w(), { op: "up", stackName, attachments }, noEnvCredentials);
      expect(withoutConfig.ok).toBe(false);
      expect(withoutConfig.error).toContain("No Zenlayer Cloud credentials were found");
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE" });

      const config: Record<string, ConfigEntry> = {
        "zenlayer:accessKeyId": { value: DEFAULT_ACCESS_KEY.accessKeyId },
        "zenlayer:accessKeyPassword": { value: PASSWORD, secret: true },
        "zenlayer:domain": { value: sim.domain },
        "zenlayer:scheme": { value: "HTTP" },
      };
      await succeed(w(), { op: "setConfig", stackName, config }, noEnvCredentials);
      const up = await succeed(w(), { op: "up", stackName, attachments }, noEnvCredentials);

      expect(sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId });
      expect(passwordIn(up.output)).toBe(false);
      const stackFile = await readFile(path.join(w().project.dir, `Pulumi.${stackName}.yaml`), "utf8");
      expect(stackFile).toMatch(/zenlayer:accessKeyPassword:\s*\n\s+secure: v1:/);
      expect(passwordIn(stackFile)).toBe(false);
      // The engine copies the stack config into the state as the default pulumi-nodejs provider's
      // inputs and outputs; the password must be there only as a secret (ciphertext when stored).
      const stored = JSON.parse(await exportStoredState(w(), stackName)) as { deployment: Deployment };
      expect(passwordIn(JSON.stringify(stored))).toBe(false);
      const [provider] = defaultProvidersIn(stored.deployment);
      for (const properties of [provider?.inputs, provider?.outputs]) {
        expect(properties?.["zenlayer:accessKeyPassword"]).toEqual(secretCiphertext());
      }
      expect(attachmentsIn(stored.deployment)).toHaveLength(1);

      const destroy = await succeed(w(), { op: "destroy", stackName }, noEnvCredentials);
      expect(passwordIn(destroy.output)).toBe(false);
      expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
    },
    CASE_TIMEOUT_MS,
  );
});
