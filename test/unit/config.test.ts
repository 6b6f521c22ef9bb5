import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileConfigCache } from "../../hooks/src/runtime/config-cache.js";
import { resolveConfigSources } from "../../hooks/src/entries/config-loader.js";
import { loadConfig, type ConfigCache } from "../../hooks/src/config/load-config.js";
import { DEFAULT_CONFIG, type LoadedConfig } from "../../hooks/src/config/types.js";
import { toKeyPath } from "../../hooks/src/config/schema-errors.js";
import { memoryIO } from "../helpers/memory-io.js";

const project = "/work/app";
const home = "/home/u";

function load(files: Record<string, string>, cache?: ConfigCache) {
  let resolverLoads = 0;
  const promise = loadConfig(memoryIO({ files }), { projectDir: project, home }, () => {
    resolverLoads += 1;
    return resolveConfigSources;
  }, cache);
  return promise.then((loaded) => ({ loaded, resolverLoads }));
}

describe("configuration", () => {
  it("uses the defaults, without loading the YAML parser, when no file exists", async () => {
    const { loaded, resolverLoads } = await load({});
    expect(loaded.config).toEqual(DEFAULT_CONFIG);
    expect(loaded.problems).toEqual([]);
    expect(resolverLoads).toBe(0);
  });

  it("merges the project file over the user file", async () => {
    const { loaded } = await load({
      [`${home}/.claude/shipshape.yaml`]: "secrets:\n  allow: [a.pem]\ncommit:\n  summaryMaxLength: 60\n",
      [`${project}/.claude/shipshape.yaml`]: "commit:\n  convention: conventional\n",
    });
    expect(loaded.config.secrets.allow).toEqual(["a.pem"]);
    expect(loaded.config.commit.summaryMaxLength).toBe(60);
    expect(loaded.config.commit.convention).toBe("conventional");
    expect(loaded.files).toEqual([`${home}/.claude/shipshape.yaml`, `${project}/.claude/shipshape.yaml`]);
  });

  it.each([
    ["an unknown key", "secrets:\n  alow: [x]\n", "secrets.alow", /not a known key/],
    ["a wrong type", "secrets:\n  enabled: maybe\n", "secrets.enabled", /must be boolean/],
    ["a bad enum", "commit:\n  convention: angular\n", "commit.convention", /"plain", "conventional"/],
    ["a bad list item", "commit:\n  verify:\n    commands:\n      - name: test\n", "commit.verify.commands[0]", /command/],
    ["invalid YAML", "secrets: [\n", "(file)", /not valid YAML/],
    ["invalid YAML, by line and column", "secrets:\n  allow: [\".env.local\"\n", "(file)", /not valid YAML: .* at line 3, column 1$/],
  ])("reports %s with the file and the key, and falls back to the defaults", async (_name, text, key, message) => {
    const { loaded } = await load({ [`${project}/.claude/shipshape.yaml`]: text });
    expect(loaded.degraded).toBe(true);
    expect(loaded.config).toEqual(DEFAULT_CONFIG);
    const problem = loaded.problems.find((p) => p.key === key);
    expect(problem, JSON.stringify(loaded.problems)).toBeDefined();
    expect(problem?.file).toBe(`${project}/.claude/shipshape.yaml`);
    expect(problem?.message).toMatch(message);
  });

  it("keeps a good user file when the project file is broken", async () => {
    const { loaded } = await load({
      [`${home}/.claude/shipshape.yaml`]: "secrets:\n  patterns: ['*.secret']\n",
      [`${project}/.claude/shipshape.yaml`]: "secrets: 3\n",
    });
    expect(loaded.config.secrets.patterns).toEqual(["*.secret"]);
    expect(loaded.degraded).toBe(true);
  });

  it("reuses a cached result while the files are unchanged", async () => {
    const store = new Map<string, LoadedConfig>();
    const cache: ConfigCache = { get: (k) => store.get(k), set: (k, v) => void store.set(k, v) };
    const files = { [`${project}/.claude/shipshape.yaml`]: "commit:\n  requireBody: false\n" };
    const first = await load(files, cache);
    const second = await load(files, cache);
    expect(first.resolverLoads).toBe(1);
    expect(second.resolverLoads).toBe(0);
    expect(second.loaded.config.commit.requireBody).toBe(false);
  });

  it("caches a broken config with its problems, so they are reported without parsing again", async () => {
    const store = new Map<string, LoadedConfig>();
    const cache: ConfigCache = { get: (k) => store.get(k), set: (k, v) => void store.set(k, v) };
    await load({ [`${project}/.claude/shipshape.yaml`]: "nope: 1\n" }, cache);
    expect(store.size).toBe(1);
    const again = await load({ [`${project}/.claude/shipshape.yaml`]: "nope: 1\n" }, cache);
    expect(again.loaded.problems[0]?.key).toBe("nope");
  });

  it("writes JSON pointers as YAML key paths", () => {
    expect(toKeyPath("/commit/verify/commands/0/name")).toBe("commit.verify.commands[0].name");
    expect(toKeyPath("")).toBe("(top level)");
  });
});

describe("the command hook's config cache", () => {
  it("keeps a resolved config per version of the code that resolved it", () => {
    const dir = mkdtempSync(join(tmpdir(), "shipshape-config-cache-"));
    const loaded = { config: DEFAULT_CONFIG, files: ["/p/.claude/shipshape.yaml"], problems: [], degraded: false };
    fileConfigCache(dir, "v1")?.set("identity", loaded);
    expect(fileConfigCache(dir, "v1")?.get("identity")).toEqual(loaded);
    // After an update the same file is resolved again: the new code may read it differently.
    expect(fileConfigCache(dir, "v2")?.get("identity")).toBeUndefined();
    expect(fileConfigCache(dir, "v1")?.get("other identity")).toBeUndefined();
  });
});
