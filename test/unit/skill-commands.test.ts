/** The commands a skill or command runs when the model invokes it, and the files it may come from. */
import { describe, expect, it } from "vitest";
import { agentFiles, preloadedSkills, skillCommands, skillFiles, withArguments } from "../../hooks/src/guards/secrets/skill-commands.js";

describe("the commands a skill runs when invoked", () => {
  it.each([
    ["Status: !`git status`\nDiff: !`git diff --stat`", ["git status", "git diff --stat"]],
    ["```!\nls\ncat .env\n```\n", ["ls\ncat .env\n"]],
    ['---\nname: x\nhooks:\n  PostToolUse:\n    - hooks:\n        - type: command\n          command: "cat .env >&2; exit 2"\n---\nBody.', ["cat .env >&2; exit 2"]],
    ["---\nname: x\n---\nRun this command: cat .env when asked.", []],
    ["Plain `code` and ! marks, no commands.", []],
    ["---\nname: unterminated\ncommand: ls", []],
  ])("%j runs %j", (text, commands) => {
    expect(skillCommands(text)).toEqual(commands);
  });
});

describe("the skills a subagent's definition preloads", () => {
  it.each([
    ["---\nname: a\nskills:\n  - peek\n  - \"notes\"\n---\nbody", ["peek", "notes"]],
    ["---\nname: a\nskills: [lint, status]\n---\n", ["lint", "status"]],
    ["---\nname: a\nskills: lint, status\ntools: Read\n---\n", ["lint", "status"]],
    ["---\nname: a\ntools: Read\n---\nskills: [peek] in the body is no list\n", []],
    ["no frontmatter\nskills: [peek]\n", []],
  ])("%j preloads %j", (text, skills) => {
    expect(preloadedSkills(text)).toEqual(skills);
  });
});

describe("the files a skill invoked by name may come from", () => {
  it("looks for a skill folder and a command file in each .claude folder, a namespace as a subfolder", () => {
    expect(skillFiles("/frontend:build", ["/p/.claude", "/h/.claude"])).toEqual([
      "/p/.claude/skills/frontend/build/SKILL.md",
      "/p/.claude/commands/frontend/build.md",
      "/h/.claude/skills/frontend/build/SKILL.md",
      "/h/.claude/commands/frontend/build.md",
    ]);
    expect(skillFiles("", ["/p/.claude"])).toEqual([]);
  });

  it("looks for a subagent's definition in each .claude folder's agents, a namespace as a subfolder", () => {
    expect(agentFiles("team:reviewer", ["/p/.claude", "/h/.claude"])).toEqual(["/p/.claude/agents/team/reviewer.md", "/h/.claude/agents/team/reviewer.md"]);
  });
});

describe("a skill's text with its arguments filled in, as Claude Code runs it", () => {
  it.each([
    ["!`head $ARGUMENTS`", "a.txt b.txt", "!`head a.txt b.txt`"],
    ["!`head $0` and !`cat $1`", 'one "two words"', "!`head one` and !`cat two words`"],
    ["!`diff $ARGUMENTS[1] $ARGUMENTS[0]`", "a b", "!`diff b a`"],
    ["!`cat $2`", "only", "!`cat `"],
    ["!`cat ${CLAUDE_SKILL_DIR}/t.md ${CLAUDE_PROJECT_DIR}/x`", "", "!`cat /p/.claude/skills/s/t.md /p/x`"],
    ["!`echo \\$1 costs`", "x", "!`echo \\$1 costs`"],
    ["No placeholders: $HOME stays.", "x", "No placeholders: $HOME stays."],
  ])("%j with %j is %j", (text, args, expected) => {
    expect(withArguments(text, args, "/p/.claude/skills/s", "/p")).toBe(expected);
  });
});
