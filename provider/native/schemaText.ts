/** The package schema `GetSchema` answers, as text. @internal */
export function packageSchemaText(version: string): string {
  return JSON.stringify({ name: "zenlayer", version });
}
