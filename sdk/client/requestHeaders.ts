import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Credentials } from "../config/credentials";
import { SIGNATURE_METHOD, sign } from "../signing/signer";

/** The only Content-Type this client sends; it is part of the signature. @public */
export const CONTENT_TYPE = "application/json";

/** What one attempt's headers depend on. @internal */
export interface HeaderInput {
  readonly credentials: Credentials;
  readonly service: string;
  readonly version: string;
  readonly action: string;
  /** The Host header value, exactly as sent (with any port). */
  readonly host: string;
  readonly body: string;
  /** Epoch milliseconds of this attempt. */
  readonly nowMs: number;
}

/**
 * The headers for one attempt. Built per attempt, never reused, so each retry carries a fresh
 * timestamp and stays inside the server's five-minute skew window. The Host header is set here
 * (not left to Node) because Node drops default ports, and the signed value must equal the sent one.
 * @internal
 */
export function buildRequestHeaders(input: HeaderInput): Record<string, string> {
  const common: Record<string, string> = {
    Host: input.host,
    "Content-Type": CONTENT_TYPE,
    "X-ZC-Action": input.action,
    "X-ZC-Version": input.version,
    "X-ZC-Service": input.service,
    "X-ZC-Request-Client": requestClientName(),
    "User-Agent": userAgent(),
  };
  const credentials = input.credentials;
  if (credentials.kind === "bearerToken") {
    return { ...common, Authorization: `Bearer ${credentials.token}` };
  }
  const timestamp = Math.floor(input.nowMs / 1000);
  const { authorization } = sign({
    accessKeyId: credentials.accessKeyId,
    accessKeyPassword: credentials.accessKeyPassword,
    host: input.host,
    contentType: CONTENT_TYPE,
    body: input.body,
    timestamp,
  });
  return {
    ...common,
    "X-ZC-Timestamp": String(timestamp),
    "X-ZC-Signature-Method": SIGNATURE_METHOD,
    Authorization: authorization,
  };
}

const PACKAGE_NAME = "pulumi-zenlayer";

let cachedVersion: string | undefined;

/** Set by the bundler when the provider plugin is built; absent in the package itself. */
declare const ZENLAYER_PACKAGE_VERSION: string | undefined;

/**
 * This package's version, for the `User-Agent` and `X-ZC-Request-Client` headers and the provider
 * plugin's `GetPluginInfo`. The plugin's bundle carries it; otherwise it is read from the nearest
 * `package.json` named `pulumi-zenlayer` up from this file, because the file sits at a different
 * depth in the sources (`sdk/client/`) than in the build (`dist/sdk/client/`). Read once.
 * @internal
 */
export function packageVersion(): string {
  if (cachedVersion === undefined) {
    const bundled = typeof ZENLAYER_PACKAGE_VERSION === "string" ? ZENLAYER_PACKAGE_VERSION : undefined;
    const root = bundled === undefined ? findPackageRoot(__dirname) : undefined;
    cachedVersion =
      bundled ?? (root === undefined ? undefined : versionIn(join(root, "package.json"))) ?? "0.0.0-unknown";
  }
  return cachedVersion;
}

/**
 * The directory of the nearest enclosing `pulumi-zenlayer` package, from sources or build alike.
 * @internal
 */
export function findPackageRoot(startDir: string): string | undefined {
  let dir = startDir;
  for (;;) {
    if (versionIn(join(dir, "package.json")) !== undefined) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function versionIn(file: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
    if (parsed.name === PACKAGE_NAME && typeof parsed.version === "string") return parsed.version;
  } catch {
    // No package.json here, or not a readable one: keep walking up.
  }
  return undefined;
}

/** `X-ZC-Request-Client`: Zenlayer's Go SDK only accepts `[0-9a-zA-Z-_ ,;.]`, hence no slash. @internal */
export function requestClientName(): string {
  return `${PACKAGE_NAME}-${packageVersion()}`;
}

/** The `User-Agent` header value. @internal */
export function userAgent(): string {
  return `${PACKAGE_NAME}/${packageVersion()} node/${process.versions.node}`;
}
