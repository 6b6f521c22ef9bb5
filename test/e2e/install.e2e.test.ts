/**
 * A person's path: add the clone as a marketplace, install the plugin, see its components, and have
 * its hook guard a session started without --plugin-dir. All in a scratch HOME.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claudeBin, repoRoot, runClaude, scratchDir } from "./claude-session.js";
import { toolResults } from "./mock-api.js";

function claude(home: string, ...args: string[]): string {
  return execFileSync(claudeBin, args, {
    env: { PATH: process.env.PATH ?? "", HOME: home, DISABLE_AUTOUPDATER: "1", CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("installing shipshape from its marketplace", () => {
  it("adds, installs, lists its components and guards a session", async () => {
    const home = scratchDir("install-home");
    // What a person adds: the repository's files, without this checkout's node_modules.
    const clone = join(scratchDir("install-clone"), "shipshape");
    cpSync(repoRoot, clone, { recursive: true, verbatimSymlinks: true, filter: (path) => !/\/(node_modules|\.git|\.tmp)(\/|$)/.test(path.slice(repoRoot.length)) });
    expect(claude(home, "plugin", "marketplace", "add", clone)).toMatch(/Successfully added marketplace: shipshape/);
    expect(claude(home, "plugin", "install", "shipshape@shipshape")).toMatch(/Successfully installed plugin: shipshape@shipshape/);
    // The hooks are bundled: installing must not pull the dev toolchain into the user's copy.
    const installed = JSON.parse(readFileSync(join(home, ".claude/plugins/installed_plugins.json"), "utf8")) as {
      plugins: Record<string, Array<{ installPath: string }>>;
    };
    const installPath = installed.plugins["shipshape@shipshape"]?.[0]?.installPath ?? "";
    expect(existsSync(join(installPath, "hooks/dist/pre-tool-use.cjs"))).toBe(true);
    expect(existsSync(join(installPath, "node_modules"))).toBe(false);
    const details = claude(home, "plugin", "details", "shipshape");
    expect(details).toMatch(/Skills \(\d+\)\s+.*commit/);
    expect(details).toMatch(/Hooks \(1\)\s+UserPromptSubmit/);
    const always = /Always-on:\s+~(\d+) tok/.exec(details);
    expect(Number(always?.[1])).toBeLessThanOrEqual(600);

    const project = scratchDir("install-project");
    const session = await runClaude({
      home,
      project,
      pluginDir: null,
      prompt: "read it",
      files: { ".env": "SECRET=1\n" },
      script: [
        { toolUse: { name: "Read", input: { file_path: `${project}/.env` } } },
        // The plugin's bin/ is on the Bash tool's PATH: the agent can ask the guard why.
        { toolUse: { name: "Bash", input: { command: "shipshape explain .env" } } },
        { text: "done" },
      ],
      allowedTools: ["Read", "Bash"],
    });
    const [result, explain] = toolResults(session.api);
    expect(result?.isError).toBe(true);
    expect(result?.text).toContain("shipshape's secret guard blocked this Read call");
    expect(explain?.text).toMatch(/\.env: SECRET: dotenv file/);
  }, 120_000);
});
