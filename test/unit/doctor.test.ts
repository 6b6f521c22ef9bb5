import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { doctor } from "../../hooks/src/cli/doctor.js";
import { resolveConfigSources } from "../../hooks/src/entries/config-loader.js";
import { createNodeIO } from "../../hooks/src/runtime/node-io.js";
import { repoRoot } from "../e2e/claude-session.js";

function setup(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "doctor-"));
  const projectDir = join(root, "project");
  const home = join(root, "home");
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, text.replaceAll("$PROJECT", projectDir));
  }
  mkdirSync(projectDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  // The repository's own Claude Code CLI, for `claude plugin validate`.
  const env = { ...process.env, PATH: `${join(repoRoot, "node_modules", ".bin")}:${process.env.PATH ?? ""}` };
  return doctor({ io: createNodeIO(env), projectDir, home, resolver: resolveConfigSources, nodeVersion: "v20.20.2" });
}

describe("shipshape doctor", () => {
  it("passes a project with the plugin installed, a valid config and a trusted folder", async () => {
    const result = await setup({
      "home/.claude/plugins/installed_plugins.json": JSON.stringify({ version: 2, plugins: { "shipshape@shipshape": [{ scope: "user" }] } }),
      "home/.claude.json": JSON.stringify({ projects: { "$PROJECT": { hasTrustDialogAccepted: true } } }),
      "project/.claude/settings.json": JSON.stringify({ enabledPlugins: { "shipshape@shipshape": true } }),
      "project/.claude/shipshape.yaml": "commit:\n  verify:\n    commands:\n      - { name: sh, command: 'sh -c true' }\n",
    });
    expect(result.code, result.text).toBe(0);
    expect(result.text).toMatch(/✔ plugin installed: shipshape@shipshape/);
    expect(result.text).toMatch(/✔ config valid/);
    expect(result.text).toMatch(/✔ verification: sh/);
    expect(result.text).toMatch(/✔ this folder is trusted/);
  });

  it("names every problem with how to fix it", async () => {
    const servers = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`server${i}`, { command: "x" }]));
    const result = await setup({
      "project/.claude/settings.json": "{}",
      "project/.claude/shipshape.yaml": "commit:\n  convention: angular\n  verify:\n    commands:\n      - { name: t, command: 'definitely-not-a-command-xyz test' }\n",
      "project/.mcp.json": JSON.stringify({ mcpServers: servers }),
    });
    expect(result.code).toBe(1);
    expect(result.text).toMatch(/✘ shipshape is neither installed as a plugin nor wired into settings\n    to fix:/);
    expect(result.text).toMatch(/✘ .*shipshape\.yaml: commit\.convention: must be one of "plain", "conventional"/);
    expect(result.text).toMatch(/⚠ this folder is not trusted yet/);
    expect(result.text).toMatch(/⚠ 6 MCP servers are configured/);
  });

  it("checks detected verification commands are on PATH", async () => {
    const result = await setup({ "project/package.json": JSON.stringify({ scripts: { test: "x" } }) });
    expect(result.text).toMatch(/verification: test: `npm test` \(detected from package\.json\)/);
  });

  it.each([
    ["passes", "as shipped", (_dir: string): void => undefined, /✔ the hooks module passes Claude Code's checks/],
    ["fails", "with a module the scan refuses", (dir: string): void => {
      const module = join(dir, "hooks", "dist", "module.js");
      writeFileSync(module, `import { readFileSync } from "node:fs";\n${readFileSync(module, "utf8")}`);
    }, /✘ Claude Code refuses the plugin in .*: .*module/],
    ["fails", "without its module", (dir: string): void => rmSync(join(dir, "hooks", "dist", "module.js")), /✘ .* has no hooks module/],
  ] as const)("%s an installed copy %s", async (_verb, _how, change, message) => {
    const copy = join(mkdtempSync(join(tmpdir(), "doctor-install-")), "shipshape");
    cpSync(repoRoot, copy, { recursive: true, verbatimSymlinks: true, filter: (path) => !/\/(node_modules|\.git|\.tmp)(\/|$)/.test(path.slice(repoRoot.length)) });
    change(copy);
    const result = await setup({ "home/.claude/plugins/installed_plugins.json": JSON.stringify({ version: 2, plugins: { "shipshape@shipshape": [{ scope: "user", installPath: copy }] } }) });
    expect(result.text).toMatch(message);
  }, 60_000);
});
