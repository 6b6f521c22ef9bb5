/**
 * One source of truth: every case of the guard and commit corpora goes through the command path
 * (the runtime the command hook runs) and through the bundled hooks module (hooks/dist/module.js,
 * driven with a `$` built over the same files), and both must decide the same.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveConfigSources } from "../../hooks/src/entries/config-loader.js";
import { PRE_TOOL_USE_CHECKS } from "../../hooks/src/guards/checks.js";
import { runPreToolUseHook } from "../../hooks/src/runtime/command-hook.js";
import type { HostIO } from "../../hooks/src/runtime/io.js";
import { BLOCK, PASS } from "../corpus/commit-cases.js";
import { fixtureIO, HOME, PROJECT } from "../corpus/fixture.js";
import { OWN_ALLOW, OWN_DENY, SETTINGS_ALLOW, SETTINGS_DENY, SETTINGS_HOOKS_DENY } from "../corpus/own-files-cases.js";
import { ALLOW, DENY } from "../corpus/secret-guard-cases.js";
import { repoRoot } from "../e2e/claude-session.js";
import { repoIO, ROOT } from "../helpers/repo-io.js";

type Hook = ($: unknown, e: Record<string, unknown>, next: (e: unknown) => unknown) => Promise<unknown>;
let toolCall: Hook;
let crashHandler: Hook | undefined;

beforeAll(async () => {
  const module = (await import(pathToFileURL(join(repoRoot, "hooks/dist/module.js")).href)) as { register(on: unknown): void };
  module.register((event: string, hook: Hook) => {
    if (event === "tool.call") toolCall = hook;
    return { catch: (handler: Hook) => void (event === "tool.call" && (crashHandler = handler)) };
  });
});

/** Claude Code's capabilities, over an in-memory HostIO. */
function capabilities(io: HostIO, cwd: string, projectDir: string) {
  const enoent = (path: string) => new Error(`shipshape: $.fs.stat(${path}) failed: ENOENT`);
  return {
    fs: {
      async stat(path: string, options?: { resolve?: boolean }) {
        if (path === ".") return { kind: "dir", size: 0, mtimeMs: 0, isLink: false, realPath: cwd };
        const info = await io.stat(path);
        if (!info) throw enoent(path);
        return options?.resolve ? { ...info } : { kind: info.isLink ? "link" : info.kind, size: info.size, mtimeMs: info.mtimeMs, isLink: info.isLink };
      },
      list: async (path: string) => {
        const entries = await io.list(path);
        if (!entries) throw enoent(path);
        return entries;
      },
      read: async (path: string) => {
        const text = await io.readText(path);
        if (text === undefined) throw enoent(path);
        return text;
      },
      exists: (path: string) => io.exists(path),
      write: async () => undefined,
    },
    process: {
      run: (argv: string[], options: { cwd: string; timeoutMs: number }) =>
        argv[0] === "sh" && argv[1] === "-c" ? io.runShell(argv[2] as string, options) : io.run(argv, options),
      hookEnv: async () => ({ CLAUDE_PROJECT_DIR: projectDir, CLAUDE_CODE_SESSION_ID: "parity" }),
    },
    env: { get: async (name: string) => io.env(name), set: async () => undefined },
  };
}

async function viaModule(io: HostIO, tool: string, input: Record<string, unknown>, cwd: string): Promise<string> {
  const result = (await toolCall(capabilities(io, cwd, cwd), { ...input, tool, tool_use_id: "toolu_1" }, () => "next")) as { deny?: string } | string;
  return typeof result === "object" && result.deny !== undefined ? `deny: ${result.deny}` : "pass";
}

async function viaCommand(io: HostIO, tool: string, input: Record<string, unknown>, cwd: string): Promise<string> {
  let stdout = "";
  await runPreToolUseHook(PRE_TOOL_USE_CHECKS, {
    io,
    readStdin: () => ({ ok: true, text: JSON.stringify({ hook_event_name: "PreToolUse", session_id: "parity", cwd, tool_name: tool, tool_input: input }) }),
    resolver: () => resolveConfigSources,
    writeStdout: (text) => (stdout += text),
    writeStderr: () => undefined,
  });
  const output = stdout ? (JSON.parse(stdout) as { hookSpecificOutput?: { permissionDecision?: string; permissionDecisionReason?: string } }) : {};
  return output.hookSpecificOutput?.permissionDecision === "deny" ? `deny: ${output.hookSpecificOutput.permissionDecisionReason}` : "pass";
}

describe("the hooks module and the command hook decide alike", () => {
  it.each([...DENY, ...ALLOW, ...OWN_DENY, ...OWN_ALLOW, ...SETTINGS_DENY, ...SETTINGS_HOOKS_DENY, ...SETTINGS_ALLOW].map((c, i) => [i, c.tool, c.input] as const))("guard case %i (%s)", async (_i, tool, input) => {
    const command = await viaCommand(fixtureIO(), tool, input, PROJECT);
    const module = await viaModule(fixtureIO(), tool, input, PROJECT);
    expect(module).toBe(command);
  });

  it.each([...BLOCK, ...PASS].map((c, i) => [i, c] as const))("commit case %i", async (_i, command) => {
    const a = await viaCommand(repoIO(), "Bash", { command }, ROOT);
    const b = await viaModule(repoIO(), "Bash", { command }, ROOT);
    expect(b).toBe(a);
  });

  it("fails closed when the tool.call hook throws", async () => {
    expect(crashHandler).toBeDefined();
    const result = (await crashHandler?.({}, {}, () => "next")) as { deny?: string };
    expect(result.deny).toMatch(/could not check it/);
  });

  it("uses HOME from the environment like the command path", () => {
    expect(HOME).toBe("/home/dev");
  });
});
