/**
 * The provider's own configuration, as the plugin receives it: `CheckConfig` validates it,
 * `DiffConfig` compares it, `Configure` keeps it. A default provider's configuration is the stack
 * config (`zenlayer:*`); an explicit provider's is the arguments the program gave it. Either way
 * the environment fills in what is not set, as for the dynamic resources.
 * @packageDocumentation
 */
import { isZenlayerConfigError, resolveClientConfig } from "../../sdk/index";
import type { ClientSettings } from "../../sdk/index";
import type { Env, SettingSources } from "../core/context";
import { isUnknown } from "../core/inputValues";
import type { CheckFailure, DiffResult } from "../core/results";
import { inputFailures } from "../core/schema/checkInputs";
import { PROVIDER_CONFIG } from "../core/schema/providerConfigSchema";
import { hasUnknown } from "./propertyValues";

type Bag = Record<string, unknown>;

/** The configuration properties, as the package schema defines them. @internal */
export const CONFIG_PROPERTIES: readonly string[] = Object.keys(PROVIDER_CONFIG.properties);

/** The secret ones, kept as ciphertext in state. @internal */
export const SECRET_CONFIG: ReadonlySet<string> = new Set(
  Object.entries(PROVIDER_CONFIG.properties)
    .filter(([, property]) => property.secret)
    .map(([name]) => name),
);

/** What one provider instance is configured with. @internal */
export interface ProviderConfiguration {
  readonly sources: Pick<SettingSources, "explicit" | "stackConfig">;
  readonly readConsistencyMs: number | undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  return typeof value === "number" ? String(value) : undefined;
}

function numberOf(value: unknown): number | undefined {
  const found = text(value);
  return found === undefined || found.trim() === "" ? undefined : Number(found);
}

/**
 * The settings `args` give: as stack config for a default provider (so messages name
 * `zenlayer:<key>`), as explicit settings for a provider the program declared.
 * @internal
 */
export function configurationOf(args: Bag, isDefaultProvider: boolean): ProviderConfiguration {
  const readConsistencyMs = numberOf(args["readConsistencyMs"]);
  if (isDefaultProvider) {
    const stackConfig = (key: string): string | undefined => text(args[key.replace(/^zenlayer:/, "")]);
    return { sources: { stackConfig }, readConsistencyMs };
  }
  const explicit: ClientSettings = {
    accessKeyId: text(args["accessKeyId"]),
    accessKeyPassword: text(args["accessKeyPassword"]),
    token: text(args["token"]),
    domain: text(args["domain"]),
    scheme: text(args["scheme"]),
    maxRequestsPerSecond: numberOf(args["maxRequestsPerSecond"]),
  };
  return { sources: { explicit }, readConsistencyMs };
}

/**
 * Validates a provider's configuration before it is used: every setting as the client would read
 * it (environment fallbacks included), so a wrong scheme, rate or missing credentials fail at
 * preview, naming where each value came from. Values not known yet pass.
 * @internal
 */
export function checkProviderConfig(news: Bag, isDefaultProvider: boolean, env: Env): CheckFailure[] {
  const failures = inputFailures(PROVIDER_CONFIG.properties, news);
  if (failures.length > 0 || hasUnknown(CONFIG_PROPERTIES.map((key) => news[key]))) return failures;
  try {
    resolveClientConfig({ ...configurationOf(news, isDefaultProvider).sources, env });
  } catch (error) {
    if (!isZenlayerConfigError(error)) throw error;
    const property = CONFIG_PROPERTIES.find((key) => error.message.includes(key)) ?? "accessKeyId";
    failures.push({ property, reason: error.message });
  }
  return failures;
}

/**
 * A provider's configuration changed: resources keep their provider (a new account or endpoint
 * takes effect at their next operation), so nothing is ever replaced for it.
 * @internal
 */
export function diffProviderConfig(olds: Bag, news: Bag): DiffResult & { readonly changed: string[] } {
  const changed = CONFIG_PROPERTIES.filter(
    (key) => isUnknown(news[key]) || JSON.stringify(olds[key]) !== JSON.stringify(news[key]),
  );
  return { changes: changed.length > 0, changed };
}
