/**
 * The command hook's loader keeps a V8 code cache in the plugin's data folder, written once per
 * bundle after in-memory warm-up calls. The decision and the exit code must be the same with and
 * without a cache, and warming must follow the paths it is meant to compile.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRE_TOOL_USE_CHECKS } from "../../hooks/src/guards/checks.js";
import { warmUp } from "../../hooks/src/runtime/warm-up.js";
import { repoRoot } from "../e2e/claude-session.js";

function hook(data: string, project: string, input: Record<string, unknown>) {
  const payload = JSON.stringify({ session_id: "s", cwd: project, hook_event_name: "PreToolUse", tool_name: input.tool, tool_input: input.input, tool_use_id: "t" });
  return spawnSync(process.execPath, [join(repoRoot, "hooks/dist/pre-tool-use.cjs")], { input: payload, encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: project, CLAUDE_PLUGIN_DATA: data } });
}

describe("the command hook's code cache", () => {
  it("decides the same before and after the caches exist, and writes each once", () => {
    const data = mkdtempSync(join(tmpdir(), "shipshape-cache-"));
    const project = mkdtempSync(join(tmpdir(), "shipshape-cache-project-"));
    mkdirSync(join(project, "src"));
    writeFileSync(join(project, "src/app.ts"), "export {};\n");
    writeFileSync(join(project, ".env"), "TOKEN=x\n");
    const calls = [
      { tool: "Read", input: { file_path: join(project, ".env") } },
      { tool: "Read", input: { file_path: join(project, "src/app.ts") } },
      { tool: "Bash", input: { command: "cat .env" } },
      { tool: "Bash", input: { command: 'git commit -m "Add a file"' } },
    ];
    const first = calls.map((call) => hook(data, project, call));
    // One cache for the file tools' calls, one for shell commands that mention no commit, one for the
    // rest (call-kind.ts): each smaller than the next.
    const caches = readdirSync(data).filter((name) => name.startsWith("v8-")).sort();
    expect(caches).toEqual([expect.stringMatching(/^v8-[0-9a-f]+-all-/), expect.stringMatching(/^v8-[0-9a-f]+-files-/), expect.stringMatching(/^v8-[0-9a-f]+-shell-/)]);
    const [all, files, shell] = caches.map((name) => statSync(join(data, name)).size);
    expect(files).toBeLessThan((shell ?? 0) * 0.8);
    expect(shell).toBeLessThan((all ?? 0) * 0.95);
    const written = caches.map((name) => statSync(join(data, name)).mtimeMs);
    const second = calls.map((call) => hook(data, project, call));
    for (const [i, run] of second.entries()) {
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: first[i]?.status, stdout: first[i]?.stdout, stderr: first[i]?.stderr });
    }
    expect(second[0]?.stdout).toContain('"permissionDecision":"deny"');
    expect(second[1]?.stdout).toBe("");
    expect(second[2]?.stdout).toContain('"permissionDecision":"deny"');
    // Not a repository: the gate has nothing to verify, and says so or passes, the same both times.
    expect(second[3]?.status).toBe(first[3]?.status);
    // Accepted by V8, so never rewritten.
    expect(caches.map((name) => statSync(join(data, name)).mtimeMs)).toEqual(written);
  });

  it("warms the file tools' cache on their calls alone", async () => {
    expect(await warmUp(PRE_TOOL_USE_CHECKS, "files")).toEqual(["pass", "pass"]);
  });

  it("warms the shell commands' cache on a command that commits nothing", async () => {
    expect(await warmUp(PRE_TOOL_USE_CHECKS, "shell")).toEqual(["pass"]);
  });

  it("warms the paths it means to: a Read, a Bash command, a commit whose verification passed", async () => {
    const outcomes = await warmUp(PRE_TOOL_USE_CHECKS);
    expect(outcomes).toHaveLength(3);
    expect(outcomes[0]).toBe("pass");
    expect(outcomes[1]).toBe("pass");
    expect(outcomes[2]).toMatch(/^pass: .*verification already passed on this exact content/);
  });
});
