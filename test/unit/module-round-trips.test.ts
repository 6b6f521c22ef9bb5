/**
 * In-process, every `$` call is a round trip through Claude Code (1-4 ms measured), so the module asks
 * only what a decision needs. These tests pin down what it may skip, and that skipping changes no
 * decision: the working directory for calls that name only absolute paths, and the config files for
 * calls within CONFIG_TRUST_MS of a look that no file-changing call has followed.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_CONFIG, type LoadedConfig } from "../../hooks/src/config/types.js";
import { callUsesCwd, PRE_TOOL_USE_CHECKS } from "../../hooks/src/guards/checks.js";
import { runChecks } from "../../hooks/src/runtime/checks.js";
import type { HostIO } from "../../hooks/src/runtime/io.js";
import { CONFIG_TRUST_MS, configStillTrusted, type CheckedConfig } from "../../hooks/src/module/core.js";
import { OWN_ALLOW, OWN_DENY } from "../corpus/own-files-cases.js";
import { ALLOW, DENY } from "../corpus/secret-guard-cases.js";
import { call, fixtureContext, fixtureIO, HOME, PROJECT } from "../corpus/fixture.js";
import { memoryIO } from "../helpers/memory-io.js";
import { repoRoot } from "../e2e/claude-session.js";

describe("callUsesCwd", () => {
  const cases = [...DENY, ...ALLOW, ...OWN_DENY, ...OWN_ALLOW];
  const spared = cases.filter((c) => !callUsesCwd(c));

  it("spares a good share of the corpus, and never a shell command", () => {
    expect(spared.length).toBeGreaterThan(60);
    expect(spared.some((c) => ["Bash", "PowerShell", "Monitor"].includes(c.tool))).toBe(false);
  });

  it.each(spared.map((c, i) => [i, c.tool, c.input] as const))("case %i (%s) decides the same from any directory", async (_i, tool, input) => {
    const here = await runChecks(PRE_TOOL_USE_CHECKS, call(tool, input, PROJECT), fixtureContext());
    const elsewhere = await runChecks(PRE_TOOL_USE_CHECKS, call(tool, input, `${HOME}/.ssh`), fixtureContext());
    expect(elsewhere.verdict).toEqual(here.verdict);
  });

  it.each([
    ["Read", { file_path: "src/app.ts" }, true],
    ["Read", { file_path: "/abs/app.ts" }, false],
    ["Read", { file_path: "~/.aws/credentials" }, false],
    ["Read", {}, true],
    ["Edit", { file_path: "/abs/app.ts" }, false],
    ["Grep", { pattern: "x" }, true],
    ["Grep", { pattern: "x", path: "/abs" }, false],
    ["Grep", { pattern: "x", path: "src" }, true],
    ["Bash", { command: "ls" }, true],
    ["WebFetch", { url: "https://x" }, false],
    ["ReadMcpResourceTool", { server: "fs", uri: "file:///abs/.env" }, false],
    ["mcp__fs__read", { path: "/abs/x" }, true],
  ] as const)("%s %j: %s", (tool, input, expected) => {
    expect(callUsesCwd({ tool, input })).toBe(expected);
  });
});

describe("configStillTrusted", () => {
  const loaded: LoadedConfig = { config: DEFAULT_CONFIG, files: [], problems: [], degraded: false };
  const previous: CheckedConfig = { key: "k", loaded, at: 10_000 };
  it.each([
    ["nothing checked yet", undefined, "k", 10_001, false, false],
    ["a moment later", previous, "k", 10_001, false, true],
    ["just inside the window", previous, "k", 10_000 + CONFIG_TRUST_MS - 1, false, true],
    ["once the window is over", previous, "k", 10_000 + CONFIG_TRUST_MS, false, false],
    ["after a call that may change files", previous, "k", 10_001, true, false],
    ["for other locations", previous, "other", 10_001, false, false],
    ["when the clock went back", previous, "k", 9_000, false, false],
    ["when the config was broken", { ...previous, loaded: { ...loaded, degraded: true } }, "k", 10_001, false, false],
  ] as const)("%s", (_name, before, key, now, changed, expected) => {
    expect(configStillTrusted(before, key, now, changed)).toBe(expected);
  });
});

/** A `$` over the fixture that records every call, as the module sees Claude Code's capabilities. */
function recordingCapabilities(log: string[], io: HostIO = fixtureIO()) {
  return {
    fs: {
      async stat(path: string) {
        log.push(`stat ${path}`);
        if (path === ".") return { kind: "dir", size: 0, mtimeMs: 0, isLink: false, realPath: PROJECT };
        const info = await io.stat(path);
        if (!info) throw new Error(`ENOENT: ${path}`);
        return info;
      },
      list: async (path: string) => (log.push(`list ${path}`), (await io.list(path)) ?? []),
      read: async (path: string) => (log.push(`read ${path}`), (await io.readText(path)) ?? ""),
      exists: async (path: string) => (log.push(`exists ${path}`), io.exists(path)),
      write: async () => undefined,
    },
    process: {
      // node runs for real (the config resolver); anything else is a stand-in.
      run: async (argv: string[], options: { stdin?: string }) => {
        log.push(`run ${argv.join(" ")}`);
        if (argv[0] !== "node") return { exitCode: 0, stdout: "", stderr: "" };
        const result = spawnSync(process.execPath, argv.slice(1), { input: options.stdin ?? "", encoding: "utf8" });
        return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
      },
      hookEnv: async () => (log.push("hookEnv"), { CLAUDE_PROJECT_DIR: PROJECT, CLAUDE_CODE_SESSION_ID: "s1", CLAUDE_PLUGIN_ROOT: repoRoot }),
    },
    env: { get: async (name: string) => (log.push(`env ${name}`), io.env(name)), set: async () => undefined },
  };
}

type Hook = ($: unknown, e: Record<string, unknown>, next: (e: unknown) => unknown) => Promise<unknown>;

describe("the module's round trips through Claude Code", () => {
  const hooks = new Map<string, Hook>();
  const log: string[] = [];
  const files = fixtureIO();
  const $ = recordingCapabilities(log, files);
  const toolCall = async (e: Record<string, unknown>) => {
    log.length = 0;
    const result = await hooks.get("tool.call")?.($, { ...e, tool_use_id: "t" }, () => "next");
    return { result, log: [...log] };
  };
  const configLooks = (entries: string[]) => entries.filter((entry) => entry.endsWith("/.claude/shipshape.yaml"));

  beforeEach(async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ["Date"] });
    vi.resetModules();
    // A fresh copy of the bundled module (and its state) for each test.
    const module = (await import(`${pathToFileURL(join(repoRoot, "hooks/dist/module.js")).href}?${Math.random()}`)) as { register(on: unknown): void };
    hooks.clear();
    module.register((event: string, hook: Hook) => {
      hooks.set(event, hook);
      return { catch: () => undefined };
    });
    await hooks.get("session.start")?.($, {}, () => "next");
  });
  afterEach(() => void vi.useRealTimers());

  it("reads the session's constants at session start, not on each call", async () => {
    const { log: first } = await toolCall({ tool: "Read", file_path: `${PROJECT}/src/app.ts` });
    expect(first.filter((entry) => entry === "hookEnv" || entry.startsWith("env "))).toEqual([]);
  });

  it("asks for the working directory only when a path is relative", async () => {
    const absolute = await toolCall({ tool: "Read", file_path: `${PROJECT}/src/app.ts` });
    expect(absolute.log).not.toContain("stat .");
    const relative = await toolCall({ tool: "Read", file_path: "src/app.ts" });
    expect(relative.log).toContain("stat .");
    const bash = await toolCall({ tool: "Bash", command: "cat .env" });
    expect(bash.log).toContain("stat .");
    expect(bash.result).toMatchObject({ deny: expect.stringContaining(".env") });
  });

  it("looks at an Edit's target once, though two guards judge it", async () => {
    const { log: edit } = await toolCall({ tool: "Edit", file_path: `${PROJECT}/src/app.ts`, old_string: "a", new_string: "b" });
    expect(edit.filter((entry) => entry === `stat ${PROJECT}/src/app.ts`)).toHaveLength(1);
  });

  it("looks at the config files once for a burst of reads", async () => {
    const first = await toolCall({ tool: "Read", file_path: `${PROJECT}/src/app.ts` });
    expect(configLooks(first.log)).toEqual([`stat ${HOME}/.claude/shipshape.yaml`, `stat ${PROJECT}/.claude/shipshape.yaml`]);
    vi.setSystemTime(1_000_000 + CONFIG_TRUST_MS - 1);
    const second = await toolCall({ tool: "Read", file_path: `${PROJECT}/.env` });
    expect(configLooks(second.log)).toEqual([]);
    expect(second.result).toMatchObject({ deny: expect.stringContaining(".env") });
    // The file itself, and what it holds (a .env whose every value is encrypted is no secret).
    expect(second.log).toEqual([`stat ${PROJECT}/.env`, `read ${PROJECT}/.env`]);
  });

  it("looks again once the window is over, and after a call that may change files", async () => {
    await toolCall({ tool: "Read", file_path: `${PROJECT}/src/app.ts` });
    vi.setSystemTime(1_000_000 + CONFIG_TRUST_MS);
    expect(configLooks((await toolCall({ tool: "Read", file_path: `${PROJECT}/src/app.ts` })).log)).toHaveLength(2);
    await toolCall({ tool: "Bash", command: "echo hi" });
    expect(configLooks((await toolCall({ tool: "Read", file_path: `${PROJECT}/src/app.ts` })).log)).toHaveLength(2);
    expect(configLooks((await toolCall({ tool: "Read", file_path: `${PROJECT}/src/app.ts` })).log)).toHaveLength(0);
  });

  it("resolves the config at session start, so the first call starts no node", async () => {
    const withConfig = recordingCapabilities(log, memoryIO({ files: { [`${PROJECT}/.env`]: "T=1\n", [`${PROJECT}/.claude/shipshape.yaml`]: "secrets:\n  allow: [.env]\n" } }));
    const runs = () => log.filter((entry) => entry.startsWith("run "));
    log.length = 0;
    await hooks.get("session.start")?.(withConfig, {}, () => "next");
    expect(runs()).toEqual([`run node ${repoRoot}/hooks/dist/resolve-config.cjs`]);
    log.length = 0;
    const result = await hooks.get("tool.call")?.(withConfig, { tool: "Read", file_path: `${PROJECT}/.env`, tool_use_id: "t" }, () => "next");
    expect(result).toBe("next");
    expect(runs()).toEqual([]);
  });

  it("blocks every call, with the reason, when the config cannot be resolved in-process", async () => {
    const io = memoryIO({ files: { [`${PROJECT}/src/app.ts`]: "x", [`${PROJECT}/.claude/shipshape.yaml`]: "secrets:\n  patterns: [app.ts]\n" } });
    const base = recordingCapabilities(log, io);
    const noNode = { ...base, process: { ...base.process, run: async () => ({ exitCode: 127, stdout: "", stderr: "sh: node: not found" }) } };
    const result = (await hooks.get("tool.call")?.(noNode, { tool: "Read", file_path: `${PROJECT}/src/app.ts`, tool_use_id: "t" }, () => "next")) as { deny?: string };
    expect(result.deny).toMatch(/^shipshape blocked this tool call: it cannot read its configuration/);
    expect(result.deny).toContain(`${PROJECT}/.claude/shipshape.yaml: could not be read in-process:`);
    expect(result.deny).toContain("node: not found");
  });

  it("resolves a config file in a node process, once, and honours it", async () => {
    const withConfig = recordingCapabilities(log, memoryIO({ files: { [`${PROJECT}/.env`]: "T=1\n", [`${PROJECT}/.claude/shipshape.yaml`]: "secrets:\n  allow: [.env]\n" } }));
    const call = async () => {
      log.length = 0;
      const result = await hooks.get("tool.call")?.(withConfig, { tool: "Read", file_path: `${PROJECT}/.env`, tool_use_id: "t" }, () => "next");
      return { result, runs: log.filter((entry) => entry.startsWith("run ")) };
    };
    const first = await call();
    expect(first.result).toBe("next");
    expect(first.runs).toEqual([`run node ${repoRoot}/hooks/dist/resolve-config.cjs`]);
    // Past the trust window the files are looked at again; unchanged, they are not resolved again.
    vi.setSystemTime(1_000_000 + CONFIG_TRUST_MS);
    const second = await call();
    expect(second.result).toBe("next");
    expect(second.runs).toEqual([]);
  });
});
