import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { validatePlugin } from "../../scripts/validate.js";
import { repoRoot } from "../e2e/claude-session.js";

function plugin(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "validate-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const skill = (name: string, extra = "", body = "Body.") =>
  `---\nname: ${name}\ndescription: A skill that does one thing well for the tests.\n${extra}---\n${body}\n`;

describe("scripts/validate.ts", () => {
  it("passes this repository", () => {
    expect(validatePlugin(repoRoot)).toEqual([]);
  });

  it("passes a well-formed plugin", () => {
    const root = plugin({
      "skills/good/SKILL.md": skill("good", "", "See [the template](template.md)."),
      "skills/good/template.md": "# template",
      "agents/helper.md": "---\nname: helper\ndescription: Helps with one precise thing in the tests.\n---\nYou help.\n",
      "hooks/hooks.json": JSON.stringify({ hooks: { PreToolUse: [{ matcher: "*", hooks: [{ type: "command", command: "node", args: ["${CLAUDE_PLUGIN_ROOT}/hooks/x.cjs"], timeout: 5, onFailure: "block" }] }] } }),
      "hooks/x.cjs": "",
    });
    expect(validatePlugin(root)).toEqual([]);
  });

  it.each([
    ["a name that differs from the folder", { "skills/a/SKILL.md": skill("b") }, /must equal its folder name "a"/],
    ["a name that is not kebab-case", { "skills/Big_Name/SKILL.md": skill("Big_Name") }, /name: must match pattern/],
    ["a missing description", { "skills/a/SKILL.md": "---\nname: a\n---\nx\n" }, /must have required property 'description'/],
    ["an over-long description", { "skills/a/SKILL.md": `---\nname: a\ndescription: ${"x".repeat(301)}\n---\n` }, /description: must NOT have more than 300/],
    ["an unknown frontmatter key", { "skills/a/SKILL.md": skill("a", "contexts: fork\n") }, /contexts: is not a known key/],
    ["broken YAML", { "skills/a/SKILL.md": "---\nname: [a\n---\n" }, /not valid YAML/],
    ["a dangling link", { "skills/a/SKILL.md": skill("a", "", "Read [x](missing.md).") }, /"missing.md" does not resolve/],
    ["a dangling skill-dir reference", { "skills/a/SKILL.md": skill("a", "", "Run ${CLAUDE_SKILL_DIR}/scripts/go.sh") }, /scripts\/go.sh" does not resolve/],
    ["an agent named unlike its file", { "agents/x.md": "---\nname: y\ndescription: Helps with one precise thing in the tests.\n---\n" }, /must equal its file name "x"/],
    ["a hook file that does not exist", { "hooks/hooks.json": JSON.stringify({ hooks: { PreToolUse: [{ hooks: [{ type: "command", command: "node", args: ["${CLAUDE_PLUGIN_ROOT}/hooks/gone.cjs"] }] }] } }) }, /gone.cjs does not exist/],
    ["an unknown hook event", { "hooks/hooks.json": JSON.stringify({ hooks: { PreToolUsage: [] } }) }, /must be equal to one of the allowed values|property name/],
    [
      "a module over the code budget, its import written without spaces",
      {
        "hooks/hooks.json": JSON.stringify({ modules: ["./m.js"], hooks: {} }),
        "hooks/m.js": 'import{x}from"./core.js";export function register(){}\n',
        "hooks/core.js": `export const x = "${"x".repeat(301 * 1024)}";\n`,
      },
      /module \.\/m\.js and its imports are 301 KB, over the 300 KB budget/,
    ],
    [
      "a module over the code budget",
      {
        "hooks/hooks.json": JSON.stringify({ modules: ["./m.js"], hooks: {} }),
        "hooks/m.js": 'import { x } from "./core.js";\nexport function register() {}\n',
        "hooks/core.js": `export const x = "${"x".repeat(301 * 1024)}";\n`,
      },
      /module \.\/m\.js and its imports are 301 KB, over the 300 KB budget/,
    ],
    [
      "a module file over 256 KB that an import imports",
      {
        "hooks/hooks.json": JSON.stringify({ modules: ["./m.js"], hooks: {} }),
        "hooks/m.js": 'import{x}from"./core.js";export function register(){}\n',
        "hooks/core.js": 'import{y}from"./shell.js";export const x = y;\n',
        "hooks/shell.js": `export const y = "${"x".repeat(257 * 1024)}";\n`,
      },
      /hooks\/shell\.js is over 256 KB/,
    ],
    ["a hook timeout in milliseconds", { "hooks/hooks.json": JSON.stringify({ hooks: { PreToolUse: [{ hooks: [{ type: "command", command: "node", timeout: 5000 }] }] } }) }, /timeout: must be <= 600/],
  ])("reports %s", (_name, files, message) => {
    const problems = validatePlugin(plugin(files as Record<string, string>));
    expect(problems.map((p) => `${p.file}: ${p.message}`).join("\n")).toMatch(message);
  });
});
