import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const PACKAGE_NAME = "pulumi-zenlayer";

let cachedVersion: string | undefined;

/**
 * This package's version, for the `User-Agent` and `X-ZC-Request-Client` headers. It walks up from
 * this file to the nearest `package.json` named `pulumi-zenlayer`, because the file sits at a
 * different depth in the sources (`sdk/transport/`) than in the build (`dist/sdk/transport/`).
 * Read once, on first use.
 * @internal
 */
export function packageVersion(): string {
  if (cachedVersion === undefined) {
    const root = findPackageRoot(__dirname);
    cachedVersion =
      (root === undefined ? undefined : versionIn(join(root, "package.json"))) ?? "0.0.0-unknown";
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
