/**
 * Random and hostile payloads: the hook must always answer, within its timeout, with a valid
 * decision (nothing for a pass, or a deny with a reason), and never crash open.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRE_TOOL_USE_CHECKS } from "../../hooks/src/guards/checks.js";
import { runPreToolUseHook } from "../../hooks/src/runtime/command-hook.js";
import { resolveConfigSources } from "../../hooks/src/entries/config-loader.js";
import { fixtureIO, PROJECT } from "../corpus/fixture.js";
import { repoRoot } from "../e2e/claude-session.js";

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const SHELL_ALPHABET = ["cat", " ", ".env", "'", '"', "\\", "$", "(", ")", "{", "}", "`", "|", "&", ";", "<", ">", "\n", "*", "?", "[", "]", "~", "/", "#", "=", "<<", "EOF", "$(", "${", "!", "-", "x", "grep -r", "eval", "bash -c"];

function randomCommand(next: () => number): string {
  let out = "";
  const length = Math.floor(next() * 30);
  for (let i = 0; i < length; i++) out += SHELL_ALPHABET[Math.floor(next() * SHELL_ALPHABET.length)];
  return out;
}

function randomValue(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 5 : 7));
  switch (pick) {
    case 0: return null;
    case 1: return next() * 1e6;
    case 2: return next() > 0.5;
    case 3: return randomCommand(next);
    case 4: return `${PROJECT}/${randomCommand(next)}`;
    case 5: return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
    default: return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`k${i}`, randomValue(next, depth + 1)]));
  }
}

async function decideText(stdin: string) {
  let stdout = "";
  const code = await runPreToolUseHook(PRE_TOOL_USE_CHECKS, {
    io: fixtureIO(),
    readStdin: () => ({ ok: true, text: stdin }),
    resolver: () => resolveConfigSources,
    writeStdout: (t) => (stdout += t),
    writeStderr: () => undefined,
  });
  return { code, stdout };
}

function expectValidDecision(result: { code: number; stdout: string }) {
  if (result.stdout === "") {
    expect(result.code).toBe(0);
    return;
  }
  const output = JSON.parse(result.stdout);
  expect(output.hookSpecificOutput.hookEventName).toBe("PreToolUse");
  expect(output.hookSpecificOutput.permissionDecision).toBe("deny");
  expect(typeof output.hookSpecificOutput.permissionDecisionReason).toBe("string");
}

describe("fuzzing the PreToolUse hook", () => {
  it("answers random Bash commands with a valid decision", async () => {
    const next = rng(20261125);
    for (let i = 0; i < 1500; i++) {
      const command = randomCommand(next);
      const result = await decideText(JSON.stringify({ hook_event_name: "PreToolUse", session_id: "f", cwd: PROJECT, tool_name: "Bash", tool_input: { command } }));
      expectValidDecision(result);
    }
  });

  it("answers random tool inputs of every shape with a valid decision", async () => {
    const next = rng(7);
    const tools = ["Read", "Edit", "Write", "Grep", "Glob", "Bash", "PowerShell", "LSP", "NotebookEdit", "Monitor", "mcp__x__y", "Agent", "Weird"];
    for (let i = 0; i < 1500; i++) {
      const payload: Record<string, unknown> = {
        hook_event_name: "PreToolUse",
        session_id: "f",
        cwd: next() > 0.1 ? PROJECT : randomValue(next),
        tool_name: next() > 0.05 ? tools[Math.floor(next() * tools.length)] : randomValue(next),
        tool_input: next() > 0.1 ? randomValue(next) : { file_path: randomValue(next), command: randomValue(next), path: randomValue(next) },
      };
      const result = await decideText(JSON.stringify(payload));
      expectValidDecision(result);
      // A tool_input that is not an object cannot be checked, so it must be denied.
      if (typeof payload.tool_input !== "object" || payload.tool_input === null || Array.isArray(payload.tool_input)) {
        expect(result.stdout).toContain('"deny"');
      }
    }
  });

  it("fails closed on a file tool whose path field has the wrong type", async () => {
    for (const file_path of [7, null, [".env"], { p: ".env" }, ""]) {
      const result = await decideText(JSON.stringify({ hook_event_name: "PreToolUse", session_id: "f", cwd: PROJECT, tool_name: "Read", tool_input: { file_path } }));
      expect(result.stdout).toContain('"deny"');
    }
  });

  const bundle = join(repoRoot, "hooks/dist/pre-tool-use.cjs");
  const hostile: Array<[string, Buffer | string]> = [
    ["binary noise", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ["40 MB of JSON", `{"hook_event_name":"PreToolUse","cwd":"/","tool_name":"Write","tool_input":{"file_path":"/tmp/x","content":"${"a".repeat(40 * 1024 * 1024)}"}}`],
    ["deeply nested arrays", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
    ["a tool input nested too deeply to check", JSON.stringify({ hook_event_name: "PreToolUse", session_id: "f", cwd: "/tmp", tool_name: "mcp__a__b", tool_input: JSON.parse(`${'{"a":'.repeat(3000)}"/x/.env"${"}".repeat(3000)}`) })],
    ["a 1 MB Bash command", JSON.stringify({ hook_event_name: "PreToolUse", session_id: "f", cwd: "/tmp", tool_name: "Bash", tool_input: { command: "echo $(echo ".repeat(2000) + ")".repeat(2000) + " && cat .env" + " x".repeat(500_000) } })],
    ["nothing", ""],
    ["a wrong hook event", JSON.stringify({ hook_event_name: "Stop", cwd: "/tmp" })],
  ];

  it.each<[string, string]>([
    ["a __proto__ field in the input", `{"hook_event_name":"PreToolUse","session_id":"f","cwd":"/tmp","tool_name":"mcp__a__b","tool_input":{"__proto__":{"path":"/x/.env"},"q":1}}`],
    ["a description and nothing else", JSON.stringify({ hook_event_name: "PreToolUse", session_id: "f", cwd: "/tmp", tool_name: "Bash", tool_input: { description: "x" } })],
    ["a session id of the wrong type", JSON.stringify({ hook_event_name: "PreToolUse", session_id: 7, cwd: "/tmp", tool_name: "Bash", tool_input: { command: "ls" } })],
    ["binary noise", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)).toString("latin1")],
  ])("the bundled hook decides %s alike twice, the second time from its decision cache if at all", (_name, input) => {
    const data = mkdtempSync(join(tmpdir(), "shipshape-fuzz-data-"));
    const run = () => spawnSync(process.execPath, [bundle], { input, encoding: "utf8", timeout: 10_000, env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent", CLAUDE_PLUGIN_DATA: data } });
    const [first, second] = [run(), run()];
    expectValidDecision({ code: first.status ?? -1, stdout: first.stdout });
    expect({ status: second.status, stdout: second.stdout }).toEqual({ status: first.status, stdout: first.stdout });
  }, 30_000);

  it.each(hostile)("the bundled hook answers %s within its timeout", (_name, input) => {
    const started = Date.now();
    const result = spawnSync(process.execPath, [bundle], { input, encoding: "utf8", timeout: 10_000, maxBuffer: 64 * 1024 * 1024, env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent" } });
    expect(result.error).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.status === 0 || result.status === 2).toBe(true);
    expectValidDecision({ code: result.status ?? -1, stdout: result.stdout });
    expect(result.stdout).toContain('"deny"');
  }, 30_000);
});
