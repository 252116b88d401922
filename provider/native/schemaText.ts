import { packageSchema } from "../core/schema/packageSchema";

/** The package schema `GetSchema` answers, as text; built once per process. @internal */
let cached: { readonly version: string; readonly text: string } | undefined;

/** The package schema of `version`, as `GetSchema` answers it. @internal */
export function packageSchemaText(version: string): string {
  if (cached?.version !== version) cached = { version, text: JSON.stringify(packageSchema(version)) };
  return cached.text;
}
