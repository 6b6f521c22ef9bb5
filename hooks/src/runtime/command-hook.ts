import type { ConfigCache, ConfigResolver } from "../config/load-config.js";
import { loadConfig } from "../config/load-config.js";
import type { PreToolUseCheck } from "./checks.js";
import { decideWithConfig } from "./decide-with-config.js";
import { failClosed, renderPreToolUse, type HookOutcome } from "./decision.js";
import type { HostIO, KeyValueStore } from "./io.js";
import { parsePreToolUse } from "./payload.js";
import type { StdinResult } from "./stdin.js";

export interface CommandHookDeps {
  io: HostIO;
  readStdin: () => StdinResult;
  resolver: () => ConfigResolver;
  cache?: ConfigCache | undefined;
  store?: KeyValueStore | undefined;
  writeStdout: (text: string) => void;
  writeStderr: (text: string) => void;
}

/**
 * The whole life of a PreToolUse command hook, minus the process: read, parse, decide, render.
 * Returns the exit code. Every failure becomes a deny (fail closed) with a diagnostic on stderr, and
 * exit code 2 so that Claude Code blocks even if it could not read our JSON.
 */
export async function runPreToolUseHook(checks: readonly PreToolUseCheck[], deps: CommandHookDeps): Promise<number> {
  let outcome: HookOutcome;
  try {
    outcome = await decide(checks, deps);
  } catch (error) {
    return reportCrash(error, deps);
  }
  const text = renderPreToolUse(outcome);
  if (text !== "") deps.writeStdout(text);
  if (outcome.verdict.action === "deny" && outcome.verdict.check === "shipshape") {
    deps.writeStderr(`${outcome.verdict.reason}\n`);
    return 2;
  }
  return 0;
}

/** A crash, anywhere in the hook process, is a refusal: a diagnostic, a deny, and exit code 2. */
export function reportCrash(error: unknown, deps: Pick<CommandHookDeps, "writeStdout" | "writeStderr">): number {
  const message = error instanceof Error ? error.message : String(error);
  deps.writeStderr(`shipshape: internal error: ${message}\n`);
  deps.writeStdout(renderPreToolUse({ verdict: failClosed(`internal error (${message})`), notices: [] }));
  return 2;
}

async function decide(checks: readonly PreToolUseCheck[], deps: CommandHookDeps): Promise<HookOutcome> {
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
    {
      tool: payload.tool_name,
      input: payload.tool_input,
      cwd: payload.cwd,
      sessionId: payload.session_id,
      ...(payload.agent_type ? { agentType: payload.agent_type } : {}),
    },
    loaded,
    { io: deps.io, projectDir, home, store: deps.store },
  );
  if (notice) deps.writeStderr(`${notice}\n`);
  return { verdict, notices: [...(notice ? [notice] : []), ...notes] };
}
