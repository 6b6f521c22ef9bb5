import type { ConfigCache, ConfigResolver } from "../config/load-config.js";
import { loadConfig } from "../config/load-config.js";
import type { PreToolUseCheck, ToolCall } from "./checks.js";
import { decideWithConfig } from "./decide-with-config.js";
import { failClosed, renderPreToolUse, reportCrash, type HookOutcome } from "./decision.js";
import type { HostIO, KeyValueStore } from "./io.js";
import { decisionFields, parsePreToolUse } from "./payload.js";
import type { StdinResult } from "./stdin.js";
import { recordLookups, type Remembered } from "./decision-memo.js";

export interface CommandHookDeps {
  io: HostIO;
  readStdin: () => StdinResult;
  resolver: () => ConfigResolver;
  cache?: ConfigCache | undefined;
  store?: KeyValueStore | undefined;
  writeStdout: (text: string) => void;
  writeStderr: (text: string) => void;
  /** Set when the loader may replay this decision later (decision-memo.ts): receives it to keep. */
  remember?: ((remembered: Remembered) => void) | undefined;
}

/**
 * The whole life of a PreToolUse command hook, minus the process: read, parse, decide, render.
 * Returns the exit code. Every failure becomes a deny (fail closed) with a diagnostic on stderr, and
 * exit code 2 so that Claude Code blocks even if it could not read our JSON.
 */
export async function runPreToolUseHook(checks: readonly PreToolUseCheck[], deps: CommandHookDeps): Promise<number> {
  if (!deps.remember) return (await decideAndWrite(checks, deps)).code;
  const recording = recordLookups(deps.io, deps.store);
  let stdout = "";
  let stderr = "";
  const { code, crashed } = await decideAndWrite(checks, {
    ...deps,
    io: recording.io,
    store: recording.store,
    writeStdout: (text) => {
      stdout += text;
      deps.writeStdout(text);
    },
    writeStderr: (text) => {
      stderr += text;
      deps.writeStderr(text);
    },
    watch: recording.watch,
  });
  const facts = crashed ? undefined : recording.result();
  if (facts) deps.remember({ facts, stdout, stderr, code });
  return code;
}

interface DecideDeps extends CommandHookDeps {
  watch?: (call: ToolCall) => ToolCall;
}

async function decideAndWrite(checks: readonly PreToolUseCheck[], deps: DecideDeps): Promise<{ code: number; crashed: boolean }> {
  let outcome: HookOutcome;
  try {
    outcome = await decide(checks, deps);
  } catch (error) {
    return { code: reportCrash(error, deps), crashed: true };
  }
  const text = renderPreToolUse(outcome);
  if (text !== "") deps.writeStdout(text);
  if (outcome.verdict.action === "deny" && outcome.verdict.check === "shipshape") {
    deps.writeStderr(`${outcome.verdict.reason}\n`);
    return { code: 2, crashed: false };
  }
  return { code: 0, crashed: false };
}

async function decide(checks: readonly PreToolUseCheck[], deps: DecideDeps): Promise<HookOutcome> {
  const input = deps.readStdin();
  if (!input.ok) return { verdict: failClosed(input.problem), notices: [] };
  const parsed = parsePreToolUse(input.text);
  if (!parsed.ok) return { verdict: failClosed(parsed.problem), notices: [] };
  const payload = parsed.value;
  const projectDir = deps.io.env("CLAUDE_PROJECT_DIR") || payload.cwd;
  const home = deps.io.env("HOME") || undefined;
  const loaded = await loadConfig(deps.io, { projectDir, home }, deps.resolver, deps.cache);
  const { verdict, notes, notice } = await decideWithConfig(
    checks,
    deps.watch ? deps.watch({ ...decisionFields(payload), sessionId: payload.session_id }) : { ...decisionFields(payload), sessionId: payload.session_id },
    loaded,
    { io: deps.io, projectDir, home, store: deps.store },
  );
  if (notice) deps.writeStderr(`${notice}\n`);
  return { verdict, notices: [...(notice ? [notice] : []), ...notes] };
}
