/**
 * hooks/prompt-gate.sh, the once-per-prompt check: a prompt goes on only in a session the hooks module
 * marked, or one that the standalone command hooks guard; any other is stopped with the reason.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../e2e/claude-session.js";

function gate(env: Record<string, string>) {
  const result = spawnSync("sh", [join(repoRoot, "hooks", "prompt-gate.sh")], { env: { PATH: process.env.PATH ?? "", ...env }, input: '{"prompt":"hi"}', encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the once-per-prompt check", () => {
  it.each([
    ["the module marked this session", { CLAUDE_CODE_SESSION_ID: "s1", SHIPSHAPE_MODULE_SESSION: "s1" }],
    ["the standalone command hooks guard it", { CLAUDE_CODE_SESSION_ID: "s1", SHIPSHAPE_GUARD: "command-hooks" }],
    ["standalone hooks, no session id at all", { SHIPSHAPE_GUARD: "command-hooks" }],
  ])("lets the prompt on when %s", (_name, env) => {
    const result = gate(env);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it.each([
    ["nothing marked the session", { CLAUDE_CODE_SESSION_ID: "s1" }],
    ["the mark names another session", { CLAUDE_CODE_SESSION_ID: "s2", SHIPSHAPE_MODULE_SESSION: "s1" }],
    ["neither the id nor the mark is set", { CLAUDE_CODE_SESSION_ID: "", SHIPSHAPE_MODULE_SESSION: "" }],
    ["the guard variable names something else", { CLAUDE_CODE_SESSION_ID: "s1", SHIPSHAPE_GUARD: "none" }],
  ])("stops the prompt when %s, and says why and what to do", (_name, env) => {
    const result = gate(env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^shipshape stopped this prompt: its guards .* are not running/);
    expect(result.stderr).toContain("did not load shipshape's hooks module");
    expect(result.stderr).toContain("shipshape init --standalone");
  });

  it("names this install's CLI in the standalone command", () => {
    const result = gate({ CLAUDE_CODE_SESSION_ID: "s1", CLAUDE_PLUGIN_ROOT: "/plugins/shipshape" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"/plugins/shipshape/bin/shipshape" init --standalone');
  });
});
