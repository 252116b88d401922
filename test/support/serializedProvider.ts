import * as pulumi from "@pulumi/pulumi";
import { providerReference } from "../../provider/dynamic/providerReference";

/** Planted in the environment while serializing: it must never reach the serialized text. */
export const CANARY_PASSWORD = "canary-password-that-must-never-be-serialized";

/**
 * The attachment's provider as Pulumi serializes it into state: the same call
 * `pulumi.dynamic.Resource` makes, with credentials present in the environment.
 */
export async function serializedAttachmentProvider(): Promise<string> {
  process.env["ZENLAYERCLOUD_ACCESS_KEY_PASSWORD"] = CANARY_PASSWORD;
  try {
    const provider = providerReference("networkInterfaceAttachmentProvider");
    return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
  } finally {
    delete process.env["ZENLAYERCLOUD_ACCESS_KEY_PASSWORD"];
  }
}
