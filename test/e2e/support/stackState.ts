/** The parts of `pulumi stack export` the tests read (see rawExport.ts). */
export interface Deployment {
  readonly resources?: ReadonlyArray<DeployedResource>;
  readonly pending_operations?: ReadonlyArray<{ readonly type: string; readonly resource: DeployedResource }>;
}

/** One resource in a stack export. */
export interface DeployedResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}

/** The type token `zenlayer.zec.NetworkInterfaceAttachment` registers. */
export const ATTACHMENT_TYPE = "pulumi-nodejs:dynamic/zec:NetworkInterfaceAttachment";

/** The key Pulumi uses to mark a secret value in a stack export. */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

/** The attachment resources recorded in a stack export. */
export function attachmentsIn(deployment: Deployment | undefined): DeployedResource[] {
  return (deployment?.resources ?? []).filter((resource) => resource.type === ATTACHMENT_TYPE);
}

/** The default `pulumi-nodejs` provider resources, which carry the stack config the engine passed them. */
export function defaultProvidersIn(deployment: Deployment | undefined): DeployedResource[] {
  return (deployment?.resources ?? []).filter(
    (resource) => resource.type === "pulumi:providers:pulumi-nodejs",
  );
}

/** A jest matcher for a secret as stored without `--show-secrets`: an envelope with ciphertext. */
export function secretCiphertext(): unknown {
  return { [SECRET_SIGNATURE]: expect.any(String), ciphertext: expect.stringMatching(/^v1:/) };
}

/** Operations a killed run left behind (e.g. `creating`), as `[type, urn]` pairs. */
export function pendingOperationsIn(deployment: Deployment | undefined): Array<[string, string]> {
  return (deployment?.pending_operations ?? []).map((op) => [op.type, op.resource.urn]);
}

/**
 * The serialized provider text a resource carries in `properties` (its inputs or outputs). It is
 * a plain string unless the closure captured a secret, in which case Pulumi wraps it as a secret
 * (a `--show-secrets` export has the plaintext under `plaintext`, JSON-encoded).
 */
export function providerTextIn(properties: Record<string, unknown> | undefined): string | undefined {
  const value = properties?.["__provider"];
  if (typeof value === "string") {
    return value;
  }
  if (typeof value === "object" && value !== null && SECRET_SIGNATURE in value) {
    const plaintext = (value as { plaintext?: unknown }).plaintext;
    return typeof plaintext === "string" ? (JSON.parse(plaintext) as string) : undefined;
  }
  return undefined;
}

/** Whether a property is stored as a Pulumi secret. */
export function isSecretValue(value: unknown): boolean {
  return typeof value === "object" && value !== null && SECRET_SIGNATURE in value;
}
