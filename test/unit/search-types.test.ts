/**
 * ripgrep's --type filters (`rg -t sh`, the Grep tool's `type`) select files by ripgrep's own globs: a
 * type the guard knew by fewer globs let a search reach secrets unseen (`-t sh` takes .zshrc, `-t java`
 * every .properties file).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, realpathSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../hooks/src/config/types.js";
import { secretGuard } from "../../hooks/src/guards/secrets/guard.js";
import { typeGlobs } from "../../hooks/src/guards/secrets/search-filters.js";
import { memoryIO } from "../helpers/memory-io.js";

const PROJECT = "/work/app";
const HOME = "/home/dev";
const io = memoryIO({
  files: {
    [`${PROJECT}/.zshrc`]: "export OPENAI_API_KEY=sk-abcdefghijklmnop\n",
    [`${PROJECT}/android/keystore.properties`]: "storePassword=hunter22\n",
    [`${PROJECT}/src/app.ts`]: "export {};\n",
    [`${PROJECT}/scripts/run.sh`]: "npm test\n",
  },
  env: { HOME },
});

async function decide(tool: string, input: Record<string, unknown>) {
  const verdict = await secretGuard.decide({ tool, input, cwd: PROJECT, sessionId: "t" }, { io, config: DEFAULT_CONFIG, configDegraded: false, projectDir: PROJECT, home: HOME });
  return verdict.action === "deny" ? verdict.reason : "pass";
}

describe("ripgrep's file types", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["Grep", { pattern: "KEY", type: "sh" }, ".zshrc"],
    ["Bash", { command: "rg --hidden -t sh KEY" }, ".zshrc"],
    ["Bash", { command: "rg -uu --type=zsh KEY ." }, ".zshrc"],
    ["Grep", { pattern: "Password", type: "java" }, "keystore.properties"],
    ["Bash", { command: "rg -t java Password" }, "keystore.properties"],
  ])("%s %j reaches %s", async (tool, input, secret) => {
    expect(await decide(tool, input)).toContain(`${PROJECT}/${secret === ".zshrc" ? "" : "android/"}${secret}`);
  });

  it.each<[string, Record<string, unknown>]>([
    ["Bash", { command: "rg -t sh KEY" }],
    ["Grep", { pattern: "TODO", type: "ts" }],
    ["Bash", { command: "rg -t ts -t md TODO" }],
  ])("%s %j reaches no secret", async (tool, input) => {
    expect(await decide(tool, input)).toBe("pass");
  });

  it("knows ripgrep's globs for a type, in any case, and nothing for a type it does not know", () => {
    expect(typeGlobs("sh")).toEqual(expect.arrayContaining([".bashrc", ".zshrc", ".profile", "*.sh"]));
    expect(typeGlobs("java")).toContain("*.properties");
    expect(typeGlobs("RB")).toEqual(typeGlobs("ruby"));
    expect(typeGlobs("tf")).toContain("terraform.tfvars");
    expect(typeGlobs("nosuchtype")).toBeUndefined();
  });
});

describe("the types, against the ripgrep Claude Code runs", () => {
  it("take every glob ripgrep's type of the same name takes", () => {
    // The claude binary is ripgrep when run by the name rg (as Claude Code runs it for Grep).
    const dir = mkdtempSync(join(tmpdir(), "shipshape-rg-"));
    symlinkSync(realpathSync(join(import.meta.dirname, "../../node_modules/.bin/claude")), join(dir, "rg"));
    const list = execFileSync(join(dir, "rg"), ["--type-list"], { encoding: "utf8" });
    let compared = 0;
    for (const line of list.trim().split("\n")) {
      const [name, globs] = line.split(": ") as [string, string];
      const ours = typeGlobs(name);
      if (ours === undefined) continue;
      compared += 1;
      expect(globs.split(", ").filter((glob) => !ours.includes(glob)), name).toEqual([]);
    }
    expect(compared).toBeGreaterThan(40);
  });
});
