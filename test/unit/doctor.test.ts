import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { doctor } from "../../hooks/src/cli/doctor.js";
import { resolveConfigSources } from "../../hooks/src/entries/config-loader.js";
import { createNodeIO } from "../../hooks/src/runtime/node-io.js";

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
  return doctor({ io: createNodeIO(process.env), projectDir, home, resolver: resolveConfigSources, nodeVersion: "v20.20.2" });
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
});
