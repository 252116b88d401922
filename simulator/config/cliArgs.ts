import { parseArgs } from "node:util";
import type { FaultSettings, SimulatorOptions } from "../types/options";
import { withoutUndefined } from "./schemas";

/** What the command line asks for: simulator options plus CLI-only switches. @internal */
export interface CliSettings {
  readonly help: boolean;
  readonly seedFile: string | undefined;
  readonly options: SimulatorOptions;
}

/** Usage text, shown by `--help`. @internal */
export const USAGE = `Usage: zenlayer-simulator [options]

Serves a local Zenlayer Cloud API (POST /api/v2/zec) for tests and demos.

  --host <addr>                 listen address (default 127.0.0.1)
  --port <n>                    port (default 0: a free one)
  --seed-file <file.json>       preload {subnets, instances, nics}
  --transition-delay-ms <ms>    how long ATTACHING/DETACHING/PENDING/DELETING last (default 300)
  --legacy-error-codes          emit the older error codes (OPERATION_FAILED_RESOURCE_NOT_FOUND, ...)
  --nic-limit <n>               NICs per instance, primary included (default 8)
  --access-key-id <id>          accepted key id (default SIMULATOR0KEY0ID)
  --access-key-password <pwd>   its password (default simulator-secret-password; or set
                                ZENLAYER_SIMULATOR_ACCESS_KEY_PASSWORD, which keeps it out of ps)
  --token <token>               also accept "Authorization: Bearer <token>" (repeatable)
Hardening (the admin surface /_simulator/ answers loopback clients only and refuses
cross-origin browser requests; request bodies over 1 MiB get 413):
  --admin-token <token>         require "Authorization: Bearer <token>" on /_simulator/
                                (or set ZENLAYER_SIMULATOR_ADMIN_TOKEN, which keeps it out of ps)
  --request-timeout-ms <ms>     time to receive a whole request (default 30000; 0 = none)
  --headers-timeout-ms <ms>     time to receive the headers (default 10000; 0 = none)
  --keep-alive-timeout-ms <ms>  idle keep-alive connections are closed after this (default 5000)
  --idle-timeout-ms <ms>        a client silent this long mid-request is cut off (default 10000; 0 = none)
Faults (all off by default; seeded and reproducible):
  --rate-limit <rps>            answer 429 REQUEST_LIMIT_EXCEEDED above this rate
  --retry-after <s>             send Retry-After with those 429s
  --error-rate <p>              probability of 500/503
  --latency-ms <ms>             added latency per request
  --reset-rate <p>              probability of a dropped connection
  --html-rate <p>               probability of an HTML edge page (502) instead of JSON
  --stale-read-ms <ms>          Describe shows pre-write state this long after a write
  --random-seed <n>             PRNG seed for faults and ids (default 1)
  -h, --help                    this text`;

const STRING_FLAGS = [
  "host",
  "port",
  "seed-file",
  "transition-delay-ms",
  "nic-limit",
  "access-key-id",
  "access-key-password",
  "rate-limit",
  "retry-after",
  "error-rate",
  "latency-ms",
  "reset-rate",
  "html-rate",
  "stale-read-ms",
  "random-seed",
  "admin-token",
  "request-timeout-ms",
  "headers-timeout-ms",
  "keep-alive-timeout-ms",
  "idle-timeout-ms",
] as const;

type StringFlag = (typeof STRING_FLAGS)[number];

/** A numeric flag value in [min, max], or undefined when the flag is absent. */
function numberFlag(
  values: Partial<Record<StringFlag, string>>,
  flag: StringFlag,
  max = Infinity,
  integer = false,
) {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (
    raw.trim() === "" ||
    !Number.isFinite(value) ||
    value < 0 ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new Error(
      `--${flag} must be ${integer ? "an integer" : "a number"} between 0 and ${max}, got "${raw}"`,
    );
  }
  return value;
}

function faultFlags(values: Partial<Record<StringFlag, string>>): FaultSettings {
  return withoutUndefined<FaultSettings>({
    rateLimitRps: numberFlag(values, "rate-limit"),
    retryAfterSeconds: numberFlag(values, "retry-after"),
    errorRate: numberFlag(values, "error-rate", 1),
    latencyMs: numberFlag(values, "latency-ms"),
    resetRate: numberFlag(values, "reset-rate", 1),
    htmlRate: numberFlag(values, "html-rate", 1),
    staleReadMs: numberFlag(values, "stale-read-ms"),
  });
}

/** The environment variable that can carry the admin token instead of `--admin-token`. @internal */
export const ADMIN_TOKEN_ENV = "ZENLAYER_SIMULATOR_ADMIN_TOKEN";

/**
 * The environment variable that can carry the key's password instead of `--access-key-password`:
 * a flag's value is in the process list for every user of the machine to read, a variable's is not.
 * @internal
 */
export const ACCESS_KEY_PASSWORD_ENV = "ZENLAYER_SIMULATOR_ACCESS_KEY_PASSWORD";

/** A secret from its flag, else from its variable; an empty variable counts as unset. */
function flagOrEnv(flag: string | undefined, env: NodeJS.ProcessEnv, variable: string): string | undefined {
  return flag ?? (env[variable] === "" ? undefined : env[variable]);
}

function accessKeys(
  values: Partial<Record<StringFlag, string>>,
  env: NodeJS.ProcessEnv,
): SimulatorOptions["accessKeys"] {
  const accessKeyId = values["access-key-id"];
  const accessKeyPassword = flagOrEnv(values["access-key-password"], env, ACCESS_KEY_PASSWORD_ENV);
  if (accessKeyId === undefined && accessKeyPassword === undefined) return undefined;
  if (accessKeyId === undefined || accessKeyPassword === undefined) {
    throw new Error(
      `--access-key-id and a password (--access-key-password or ${ACCESS_KEY_PASSWORD_ENV}) must be given together`,
    );
  }
  return [{ accessKeyId, accessKeyPassword }];
}

/** The connection limits, all integers of ms. */
function timeoutFlags(values: Partial<Record<StringFlag, string>>) {
  const limit = 24 * 3600 * 1000;
  return {
    requestTimeoutMs: numberFlag(values, "request-timeout-ms", limit, true),
    headersTimeoutMs: numberFlag(values, "headers-timeout-ms", limit, true),
    keepAliveTimeoutMs: numberFlag(values, "keep-alive-timeout-ms", limit, true),
    idleTimeoutMs: numberFlag(values, "idle-timeout-ms", limit, true),
  };
}

/** The flag wins over the environment; an empty variable counts as unset. */
function adminToken(values: Partial<Record<StringFlag, string>>, env: NodeJS.ProcessEnv): string | undefined {
  const token = flagOrEnv(values["admin-token"], env, ADMIN_TOKEN_ENV);
  if (token !== undefined && !/^\S+$/.test(token)) {
    throw new Error("--admin-token must be a non-empty string without whitespace");
  }
  return token;
}

/**
 * Parses the command line (node:util parseArgs, strict: unknown flags are errors); `env` supplies
 * the admin token and the key's password when no flag does.
 * @internal
 */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliSettings {
  const stringOptions = Object.fromEntries(STRING_FLAGS.map((flag) => [flag, { type: "string" as const }]));
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      ...stringOptions,
      "legacy-error-codes": { type: "boolean" },
      token: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
  });
  const strings = values as Partial<Record<StringFlag, string>>;
  const options = withoutUndefined<SimulatorOptions>({
    host: strings.host,
    port: numberFlag(strings, "port", 65535, true),
    transitionDelayMs: numberFlag(strings, "transition-delay-ms"),
    nicLimitPerInstance: numberFlag(strings, "nic-limit", 1000, true),
    randomSeed: numberFlag(strings, "random-seed", 2 ** 32 - 1, true),
    errorCodes: values["legacy-error-codes"] === true ? "legacy" : undefined,
    accessKeys: accessKeys(strings, env),
    bearerTokens: Array.isArray(values.token) ? values.token.map(String) : undefined,
    faults: faultFlags(strings),
    ...timeoutFlags(strings),
    adminToken: adminToken(strings, env),
  });
  return { help: values.help === true, seedFile: strings["seed-file"], options };
}
