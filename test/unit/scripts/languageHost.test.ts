/** Where scripts/ensure-pulumi gets each language host's source folder from. */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import {
  hostSource,
  hostSourceVariable,
  LANGUAGE_HOST_SOURCE_VARIABLE,
  sharedHostSource,
  withSharedHostSources,
} from "../../../scripts/lib/languageHost";

/** A checkout at <tmp>/repo with <tmp>/shared/tools/pulumi-language-<lang> for each of `shared`. */
function checkout(shared: readonly string[]) {
  const base = mkdtempSync(path.join(tmpdir(), "language-host-"));
  const repo = path.join(base, "repo");
  mkdirSync(repo);
  shared.forEach((language) =>
    mkdirSync(path.join(base, "shared", "tools", `pulumi-language-${language}`), { recursive: true }),
  );
  return { base, repo };
}

describe("language host source folders", () => {
  let base: string;
  let repo: string;

  beforeEach(() => ({ base, repo } = checkout(["nodejs", "go"])));
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it("names one variable per language, the Node.js one as before", () => {
    expect(hostSourceVariable("go")).toBe("PULUMI_LANGUAGE_GO_SOURCE");
    expect(hostSourceVariable("python")).toBe("PULUMI_LANGUAGE_PYTHON_SOURCE");
    expect(LANGUAGE_HOST_SOURCE_VARIABLE).toBe("PULUMI_LANGUAGE_NODEJS_SOURCE");
  });

  it("takes the variable when set, and an empty one as none", () => {
    expect(hostSource(repo, "go", { PULUMI_LANGUAGE_GO_SOURCE: "/src/go" })).toBe("/src/go");
    expect(hostSource(repo, "go", { PULUMI_LANGUAGE_GO_SOURCE: "" })).toBeUndefined();
  });

  it("defaults to ../shared/tools/pulumi-language-<lang> only where that folder exists", () => {
    expect(hostSource(repo, "go", {})).toBe(path.join(base, "shared", "tools", "pulumi-language-go"));
    expect(hostSource(repo, "python", {})).toBeUndefined();
    expect(sharedHostSource(repo, "python")).toBe(
      path.join(base, "shared", "tools", "pulumi-language-python"),
    );
  });

  it("fills in the unset variables whose shared folder exists, and leaves set ones alone", () => {
    const env = { PATH: "/bin", PULUMI_LANGUAGE_NODEJS_SOURCE: "" };
    expect(withSharedHostSources(repo, env)).toEqual({
      PATH: "/bin",
      PULUMI_LANGUAGE_NODEJS_SOURCE: "",
      PULUMI_LANGUAGE_GO_SOURCE: path.join(base, "shared", "tools", "pulumi-language-go"),
    });
    expect(env).toEqual({ PATH: "/bin", PULUMI_LANGUAGE_NODEJS_SOURCE: "" });
  });

  it("gives the environment back as it is beside no shared folder", () => {
    const env = { PATH: "/bin" };
    const bare = checkout([]);
    try {
      expect(withSharedHostSources(bare.repo, env)).toBe(env);
    } finally {
      rmSync(bare.base, { recursive: true, force: true });
    }
  });
});
