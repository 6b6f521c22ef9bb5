/**
 * `shipshape init --standalone` in a scratch project trusted in a scratch HOME: a real session with no
 * --plugin-dir is guarded by the copied hooks; `shipshape uninstall` restores the settings file exactly.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runClaude, scratchDir } from "./claude-session.js";
import { toolResults } from "./mock-api.js";

const shipshape = join(repoRoot, "bin", "shipshape");

describe("shipshape init --standalone", () => {
  it("guards a session through settings.json alone, and uninstall puts the file back byte for byte", async () => {
    const home = scratchDir("init-home");
    const project = scratchDir("init-project");
    // Claude Code reads a project's settings only once its folder is trusted.
    writeFileSync(join(home, ".claude.json"), JSON.stringify({ projects: { [project]: { hasTrustDialogAccepted: true } } }));
    mkdirSync(join(project, ".claude"));
    const original = '{\n  "permissions": { "allow": ["Bash(npm test)"] },\n  "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": "true" } ] } ] }\n}\n';
    writeFileSync(join(project, ".claude", "settings.json"), original);
    writeFileSync(join(project, ".env"), "API_TOKEN=sk-live-9\n");
    writeFileSync(join(project, "notes.txt"), "team notes\n");
    const run = (...args: string[]) => execFileSync(shipshape, args, { cwd: project, env: { PATH: process.env.PATH ?? "", HOME: home }, encoding: "utf8" });

    expect(run("init", "--standalone")).toMatch(/updated .*settings\.json/);
    const settings = JSON.parse(readFileSync(join(project, ".claude", "settings.json"), "utf8"));
    expect(settings.permissions.allow).toEqual(["Bash(npm test)"]);
    expect(settings.hooks.Stop).toHaveLength(1);
    expect(settings.hooks.PreToolUse).toHaveLength(2);
    expect(existsSync(join(project, ".claude", "shipshape", "pre-tool-use.cjs"))).toBe(true);
    expect(run("init", "--standalone")).toMatch(/already up to date/);

    const session = await runClaude({
      home,
      project,
      pluginDir: null,
      prompt: "read the env",
      script: [
        { toolUse: { name: "Read", input: { file_path: join(project, ".env") } } },
        // Claude Code's own Read deny rules do not see into inline code; only the hook does.
        { toolUse: { name: "Bash", input: { command: `python3 -c "print(open('.env').read())"` } } },
        // The same calls again, described anew: answered from the hooks' decision cache, alike.
        { toolUse: { name: "Bash", input: { command: `python3 -c "print(open('.env').read())"`, description: "Try again" } } },
        { toolUse: { name: "Bash", input: { command: "cat notes.txt", description: "Show the notes" } } },
        { toolUse: { name: "Bash", input: { command: "cat notes.txt", description: "Show them again" } } },
        { text: "done" },
      ],
      allowedTools: ["Read", "Bash"],
    });
    const [read, python, pythonAgain, notes, notesAgain] = toolResults(session.api);
    expect(read?.isError).toBe(true);
    expect(read?.text).not.toContain("sk-live-9");
    expect(python?.isError).toBe(true);
    expect(python?.text).toContain("shipshape's secret guard blocked this Bash call");
    expect(pythonAgain?.isError).toBe(true);
    expect(pythonAgain?.text).toBe(python?.text);
    expect(notes?.text).toContain("team notes");
    expect(notesAgain?.text).toContain("team notes");
    // Remembered under the data folder, keyed by what the decision is given (no prompt or session id).
    const cache = join(home, ".cache", "shipshape");
    const kept = readdirSync(cache).filter((name) => name.startsWith("decision-")).map((name) => readFileSync(join(cache, name), "utf8"));
    expect(kept.some((text) => text.includes("cat notes.txt"))).toBe(true);
    expect(kept.some((text) => text.includes("prompt_id") || text.includes("session_id"))).toBe(false);

    run("uninstall");
    expect(readFileSync(join(project, ".claude", "settings.json"), "utf8")).toBe(original);
    expect(existsSync(join(project, ".claude", "shipshape"))).toBe(false);
  }, 120_000);
});
