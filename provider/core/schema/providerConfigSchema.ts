/**
 * The definition of the provider's configuration: the stack config keys `zenlayer:<name>` that the
 * default provider reads, and the arguments an explicit `zenlayer.Provider` takes. Each setting
 * falls back to the environment variables the README's Configuration table lists, which come from
 * the client configuration's own key tables, so the two cannot disagree; the precedence is the one
 * `resolveClientConfig` keeps (explicit or stack config, then Zenlayer's Terraform provider's
 * variables, then Zenlayer's CLI's, then the default).
 *
 * The fallbacks are described, not declared as Pulumi `defaultInfo`: with that, generated SDKs would
 * read the environment in the program and store what they found, secrets included, as the explicit
 * provider's inputs in the state. The provider reads the environment itself, when each operation
 * runs, and never stores it.
 * @packageDocumentation
 */
import { CLIENT_DEFAULTS } from "../../../sdk/config/clientConfig";
import { CLI_ENV_KEYS, TERRAFORM_ENV_KEYS } from "../../../sdk/config/settingKeys";
import { parseDomain, parsePositiveNumber, parseScheme } from "../../../sdk/config/resolveClientConfig";
import { DEFAULT_READ_CONSISTENCY_MS, MAX_READ_CONSISTENCY_MS, READ_CONSISTENCY_VARIABLE } from "../context";
import type { ObjectOf } from "./inference";
import { INTEGER, NUMBER, optional, STRING } from "./definition";
import { acceptedBy, millisecondsBetween } from "./rules";

type SettingName = keyof typeof CONFIG_DESCRIPTIONS;

/** What each setting is, before the sentence on where else it is read from. */
const CONFIG_DESCRIPTIONS = {
  accessKeyId: "The id of the Zenlayer access key that signs every request.",
  accessKeyPassword: "The password of that access key. Secret: set it with `pulumi config set --secret`.",
  token:
    "A bearer token to use instead of an access key pair. Secret: set it with `pulumi config set --secret`.",
  domain: `The API endpoint, \`host[:port]\` without scheme or path; \`${CLIENT_DEFAULTS.domain}\` by default.`,
  scheme: `\`HTTPS\` (the default) or \`HTTP\`, in any case; \`HTTP\` is for local simulators.`,
  maxRequestsPerSecond:
    `The most requests per second this process sends for one account and endpoint; ` +
    `${String(CLIENT_DEFAULTS.maxRequestsPerSecond)} by default. The rate also slows down on its own when ` +
    "Zenlayer answers that requests are throttled.",
  readConsistencyMs:
    "How long, in milliseconds, a Describe answer is assumed to lag a write: a read that shows a NIC already " +
    "detached, gone or free ends an operation only once a second read this much later agrees. " +
    `${String(DEFAULT_READ_CONSISTENCY_MS)} by default; raise it if refreshes or deletes act on stale reads.`,
} as const;

/** The environment variables each setting falls back to, in the order they are read. */
export const CONFIG_ENVIRONMENT: Readonly<Record<SettingName, readonly string[]>> = {
  accessKeyId: [TERRAFORM_ENV_KEYS.accessKeyId, CLI_ENV_KEYS.accessKeyId],
  accessKeyPassword: [TERRAFORM_ENV_KEYS.accessKeyPassword, CLI_ENV_KEYS.accessKeyPassword],
  token: [TERRAFORM_ENV_KEYS.token, CLI_ENV_KEYS.token],
  domain: [TERRAFORM_ENV_KEYS.domain, CLI_ENV_KEYS.domain],
  scheme: [TERRAFORM_ENV_KEYS.scheme],
  maxRequestsPerSecond: [],
  readConsistencyMs: [READ_CONSISTENCY_VARIABLE],
};

/** The description of `name`: what it is, then where it is read from when not set. */
function describe(name: SettingName): string {
  const variables = CONFIG_ENVIRONMENT[name].map((variable) => `\`${variable}\``);
  const fallback =
    variables.length === 0
      ? ""
      : ` When it is not set, it is read from the environment: ${variables.join(", then ")}.`;
  return `${CONFIG_DESCRIPTIONS[name]}${fallback}`;
}

/** The settings, in the README's order. Secrets are marked, so they stay encrypted in state. */
export const PROVIDER_CONFIG = {
  description:
    "The provider for Zenlayer Cloud. The default provider reads the stack config `zenlayer:<setting>`; an " +
    "explicit provider takes its settings as arguments (several explicit providers serve several accounts or " +
    "endpoints in one program). A setting set neither way is read from the environment when each operation " +
    "runs, never stored: rotating credentials, or setting them only in CI, works for `destroy` too.",
  properties: {
    accessKeyId: optional(STRING, describe("accessKeyId")),
    accessKeyPassword: optional(STRING, describe("accessKeyPassword"), { secret: true }),
    token: optional(STRING, describe("token"), { secret: true }),
    domain: optional(STRING, describe("domain"), {
      rule: acceptedBy(parseDomain, "a host name with an optional port, without scheme or path"),
    }),
    scheme: optional(STRING, describe("scheme"), { rule: acceptedBy(parseScheme, "HTTP or HTTPS") }),
    maxRequestsPerSecond: optional(NUMBER, describe("maxRequestsPerSecond"), {
      rule: acceptedBy(parsePositiveNumber, "a positive number"),
    }),
    readConsistencyMs: optional(INTEGER, describe("readConsistencyMs"), {
      rule: millisecondsBetween(0, MAX_READ_CONSISTENCY_MS),
    }),
  },
} as const;

/** The provider's settings, as the definition says. */
export type ProviderConfigOfSchema = ObjectOf<typeof PROVIDER_CONFIG.properties>;
