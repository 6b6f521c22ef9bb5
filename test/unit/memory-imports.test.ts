/** Claude Code's memory files load what they import with `@path`: which files those are, and which texts import. */
import { describe, expect, it } from "vitest";
import { isMemoryFile, isSkillFile, memoryImports } from "../../hooks/src/guards/secrets/memory-imports.js";

describe("memory files", () => {
  it.each(["/p/CLAUDE.md", "/p/sub/CLAUDE.md", "/p/CLAUDE.local.md", "/p/.claude/CLAUDE.md", "/h/.claude/CLAUDE.md", "/p/.claude/rules/testing.md"])("%s is one", (path) => {
    expect(isMemoryFile(path)).toBe(true);
  });

  it.each(["/p/README.md", "/p/claude.md.bak", "/p/docs/CLAUDE.txt", "/p/.claude/agents/x.md", "/p/rules/x.md"])("%s is not", (path) => {
    expect(isMemoryFile(path)).toBe(false);
  });
});

describe("skill and command files, whose @paths are read in when invoked", () => {
  it.each(["/p/.claude/commands/peek.md", "/p/.claude/commands/ops/deploy.md", "/p/.claude/skills/peek/SKILL.md", "/h/.claude/commands/x.md"])("%s is one", (path) => {
    expect(isSkillFile(path)).toBe(true);
  });
  it.each(["/p/.claude/skills/peek/reference.md", "/p/commands/peek.md", "/p/.claude/agents/x.md", "/p/.claude/CLAUDE.md"])("%s is not", (path) => {
    expect(isSkillFile(path)).toBe(false);
  });
});

describe("imports in a memory file's text", () => {
  it.each([
    ["@.env", [".env"]],
    ["See @docs/setup.md and @../.env.\n@~/.ssh/id_rsa", ["docs/setup.md", "../.env.", "~/.ssh/id_rsa"]],
    ["- @/etc/shadow", ["/etc/shadow"]],
    // Claude Code reads a quoted path as one (measured in a skill's arguments: `@".env"` read .env).
    ['Compare @".env" with @"docs/my notes.md"', [".env", "docs/my notes.md"]],
  ])("%j imports %j", (text, imports) => {
    expect(memoryImports(text)).toEqual(imports);
  });

  it.each(["Mail dev@example.com", "Never `@.env`", "```\n@.env\n```", "no imports here", "a@b @ c", '(@.env)', "'@.env'"])("%j imports nothing", (text) => {
    expect(memoryImports(text)).toEqual([]);
  });
});
