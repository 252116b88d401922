import type { AttachmentSpec } from "../lib/driverRunner";

/**
 * The program of a scenario for the native front end: Pulumi YAML on the provider plugin, the
 * cheapest program a user of the plugin can write (no SDK to build, no language runtime to load
 * beyond the YAML host). It declares the same attachments as the driver's inline TypeScript
 * program, under the same names, so the bench's analysis (which maps resource names to NICs) reads
 * both runs alike; with no attachment it is the native front end's empty stack.
 */

/** One resource name or id as a YAML scalar: JSON strings are YAML, and ids stay strings, not numbers. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

function attachmentLines(spec: AttachmentSpec): string[] {
  if (spec.timeouts !== undefined || spec.nicIdFromOutput === true)
    throw new Error(`${spec.name}: the YAML program has no timeouts or NIC ids from outputs`);
  return [
    `  ${quoted(spec.name)}:`,
    "    type: zenlayer:zec:NetworkInterfaceAttachment",
    "    properties:",
    `      nicId: ${quoted(spec.nicId)}`,
    `      instanceId: ${quoted(spec.instanceId)}`,
  ];
}

/** The Pulumi.yaml of project `projectName` declaring `attachments` (none: `resources: {}`). */
export function yamlProgram(projectName: string, attachments: readonly AttachmentSpec[]): string {
  const resources =
    attachments.length === 0 ? ["resources: {}"] : ["resources:", ...attachments.flatMap(attachmentLines)];
  return [`name: ${quoted(projectName)}`, "runtime: yaml", ...resources, ""].join("\n");
}
