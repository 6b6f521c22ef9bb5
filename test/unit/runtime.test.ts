import { closeSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPreToolUseHook } from "../../hooks/src/runtime/command-hook.js";
import type { PreToolUseCheck } from "../../hooks/src/runtime/checks.js";
import { renderPreToolUse } from "../../hooks/src/runtime/decision.js";
import { parsePreToolUse } from "../../hooks/src/runtime/payload.js";
import { readAllSync, readChunks } from "../../hooks/src/runtime/stdin.js";
import { resolveConfigSources } from "../../hooks/src/entries/config-loader.js";
import { memoryIO } from "../helpers/memory-io.js";

const good = { hook_event_name: "PreToolUse", session_id: "s", cwd: "/p", tool_name: "Read", tool_input: { file_path: "/p/a" } };

describe("parsePreToolUse", () => {
  it("accepts the payload Claude Code sends", () => {
    const parsed = parsePreToolUse(JSON.stringify({ ...good, transcript_path: "/t", permission_mode: "default", agent_type: "x:y" }));
    expect(parsed).toMatchObject({ ok: true, value: { tool_name: "Read", cwd: "/p", agent_type: "x:y" } });
  });

  it.each([
    ["not JSON", "{nope", /not valid JSON/],
    ["an array", "[]", /not a JSON object/],
    ["another event", JSON.stringify({ ...good, hook_event_name: "PostToolUse" }), /hook_event_name/],
    ["no tool_name", JSON.stringify({ ...good, tool_name: undefined }), /"tool_name"/],
    ["tool_name of the wrong type", JSON.stringify({ ...good, tool_name: 7 }), /"tool_name"/],
    ["no tool_input", JSON.stringify({ ...good, tool_input: undefined }), /"tool_input"/],
    ["tool_input not an object", JSON.stringify({ ...good, tool_input: "x" }), /"tool_input"/],
    ["a relative cwd", JSON.stringify({ ...good, cwd: "p" }), /"cwd"/],
    ["a non-string session_id", JSON.stringify({ ...good, session_id: 1 }), /"session_id"/],
  ])("rejects %s, naming the problem", (_name, text, problem) => {
    const parsed = parsePreToolUse(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});

describe.each([
  ["readAllSync", readAllSync],
  ["readChunks (a non-blocking stdin)", readChunks],
])("%s", (_name, readAllSync) => {
  const fileWith = (content: string | Buffer) => {
    const path = join(mkdtempSync(join(tmpdir(), "stdin-")), "in");
    writeFileSync(path, content);
    return openSync(path, "r");
  };

  it("reports a descriptor it cannot read", () => {
    const fd = fileWith("x");
    closeSync(fd);
    expect(readAllSync(fd)).toMatchObject({ ok: false, problem: expect.stringMatching(/could not read stdin \(EBADF\)/) });
  });

  it("reads to EOF across chunks", () => {
    const text = "x".repeat(200_000);
    const fd = fileWith(text);
    expect(readAllSync(fd)).toEqual({ ok: true, text });
    closeSync(fd);
  });

  it("refuses input over the cap", () => {
    const fd = fileWith("y".repeat(1000));
    expect(readAllSync(fd, 999)).toMatchObject({ ok: false, problem: expect.stringMatching(/larger than 999/) });
    closeSync(fd);
  });

  it("refuses binary input", () => {
    const fd = fileWith(Buffer.from([0x7b, 0x00, 0x7d]));
    expect(readAllSync(fd)).toMatchObject({ ok: false, problem: expect.stringMatching(/NUL/) });
    closeSync(fd);
  });
});

describe("renderPreToolUse", () => {
  it("renders nothing for a pass, never an allow", () => {
    expect(renderPreToolUse({ verdict: { action: "pass" }, notices: [] })).toBe("");
  });

  it("renders a deny with its reason", () => {
    const text = renderPreToolUse({ verdict: { action: "deny", check: "c", reason: "because" }, notices: [] });
    expect(JSON.parse(text)).toEqual({
      hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: "because" },
    });
  });

  it("passes with a notice as systemMessage and additionalContext", () => {
    const parsed = JSON.parse(renderPreToolUse({ verdict: { action: "pass" }, notices: ["config broken"] }));
    expect(parsed.systemMessage).toBe("config broken");
    expect(parsed.hookSpecificOutput).toEqual({ hookEventName: "PreToolUse", additionalContext: "config broken" });
    expect(parsed.hookSpecificOutput.permissionDecision).toBeUndefined();
  });
});

describe("runPreToolUseHook", () => {
  const denyEnv: PreToolUseCheck = {
    id: "test",
    async decide(call) {
      return String(call.input.file_path).endsWith(".env") ? { action: "deny", check: "test", reason: "no .env" } : { action: "pass" };
    },
  };
  const crashing: PreToolUseCheck = {
    id: "crash",
    async decide() {
      throw new Error("boom");
    },
  };

  async function run(stdin: string | { ok: false; problem: string }, checks: PreToolUseCheck[] = [denyEnv], files: Record<string, string> = {}, unreadable: string[] = []) {
    let stdout = "";
    let stderr = "";
    const io = memoryIO({ files, env: { HOME: "/home/u" } });
    const readText = io.readText.bind(io);
    io.readText = async (path) => {
      if (unreadable.includes(path)) throw new Error(`EACCES: permission denied, open '${path}'`);
      return readText(path);
    };
    const code = await runPreToolUseHook(checks, {
      io,
      readStdin: () => (typeof stdin === "string" ? { ok: true, text: stdin } : stdin),
      resolver: () => resolveConfigSources,
      writeStdout: (t) => (stdout += t),
      writeStderr: (t) => (stderr += t),
    });
    return { code, stdout, stderr, output: stdout ? JSON.parse(stdout) : undefined };
  }

  it("says nothing and exits 0 when every check passes", async () => {
    expect(await run(JSON.stringify(good))).toEqual({ code: 0, stdout: "", stderr: "", output: undefined });
  });

  it("denies with the check's reason", async () => {
    const result = await run(JSON.stringify({ ...good, tool_input: { file_path: "/p/.env" } }));
    expect(result.code).toBe(0);
    expect(result.output.hookSpecificOutput.permissionDecisionReason).toBe("no .env");
  });

  it.each([
    ["malformed JSON", "{"],
    ["a missing field", JSON.stringify({ ...good, tool_input: undefined })],
    ["an empty stdin", ""],
  ])("fails closed on %s: deny JSON, a diagnostic on stderr, exit 2", async (_name, stdin) => {
    const result = await run(stdin);
    expect(result.code).toBe(2);
    expect(result.output.hookSpecificOutput.permissionDecision).toBe("deny");
    expect(result.output.hookSpecificOutput.permissionDecisionReason).toMatch(/could not check it/);
    expect(result.stderr).toMatch(/could not check it/);
  });

  it("fails closed on oversized stdin", async () => {
    const result = await run({ ok: false, problem: "stdin is larger than 10 bytes" });
    expect(result.code).toBe(2);
    expect(result.output.hookSpecificOutput.permissionDecisionReason).toMatch(/larger than 10 bytes/);
  });

  it("fails closed when a check crashes, without a stack trace as the explanation", async () => {
    const result = await run(JSON.stringify(good), [crashing]);
    expect(result.code).toBe(2);
    expect(result.output.hookSpecificOutput.permissionDecisionReason).toMatch(/internal error \(boom\)/);
    expect(result.stderr).toMatch(/shipshape: internal error: boom/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("says which path it may not look at when the file system refuses it, not to try again", async () => {
    const refused: PreToolUseCheck = {
      id: "refused",
      async decide() {
        throw Object.assign(new Error("EACCES: permission denied, lstat '/proc/1/root/app/.env'"), { code: "EACCES" });
      },
    };
    const result = await run(JSON.stringify(good), [refused]);
    expect(result.code).toBe(2);
    const reason = result.output.hookSpecificOutput.permissionDecisionReason as string;
    expect(reason).toMatch(/may not look at \/proc\/1\/root\/app\/\.env \(permission denied\)/);
    expect(reason).toMatch(/Instead: use a path the guard can read, or ask the user/);
    expect(reason).not.toMatch(/Try the call again/);
  });

  it.each([
    ["a Read of an ordinary file", { file_path: "/p/a" }],
    ["a Read the check would deny anyway", { file_path: "/p/.env" }],
  ])("blocks %s while a config file cannot be read, naming the file", async (_name, input) => {
    const config = "/p/.claude/shipshape.yaml";
    const result = await run(JSON.stringify({ ...good, tool_input: input }), [denyEnv], { [config]: "secrets:\n  patterns: [db.yaml]\n" }, [config]);
    expect(result.code).toBe(2);
    expect(result.output.hookSpecificOutput.permissionDecision).toBe("deny");
    const reason = result.output.hookSpecificOutput.permissionDecisionReason as string;
    expect(reason).toMatch(/^shipshape blocked this tool call: it cannot read its configuration/);
    expect(reason).toContain(`${config}: cannot be read: EACCES`);
    expect(reason).toMatch(/until the file can be read/);
    expect(result.stderr).toContain(config);
  });

  it("keeps guarding with defaults when the config is broken, and says which file and key", async () => {
    const result = await run(JSON.stringify({ ...good, tool_input: { file_path: "/p/.env" } }), [denyEnv], {
      "/p/.claude/shipshape.yaml": "secrets:\n  allow: yes-please\n",
    });
    expect(result.output.hookSpecificOutput.permissionDecision).toBe("deny");
    expect(result.output.systemMessage).toMatch(/\/p\/\.claude\/shipshape\.yaml: secrets\.allow: must be array/);
    expect(result.stderr).toMatch(/secrets\.allow/);
  });
});
