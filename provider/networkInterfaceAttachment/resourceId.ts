/**
 * The attachment's id is `<nicId>:<instanceId>`, the format Zenlayer's Terraform provider uses,
 * so people moving from Terraform recognise it.
 * @public
 */
export function formatAttachmentId(nicId: string, instanceId: string): string {
  return `${nicId}:${instanceId}`;
}

/** Splits an attachment id; `undefined` when it is not of the `<nicId>:<instanceId>` form. */
export function parseAttachmentId(id: string): { nicId: string; instanceId: string } | undefined {
  const parts = id.split(":");
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    return undefined;
  }
  return { nicId: parts[0], instanceId: parts[1] };
}
