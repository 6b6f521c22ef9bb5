/** What one check concludes about one tool call. */
export type Verdict =
  /** `note`: something the agent and user should know although the call goes through. */
  | { action: "pass"; note?: string }
  | {
      action: "deny";
      /** Which shipshape check refused, e.g. "secret-guard". */
      check: string;
      /** Full refusal text for the agent: what was blocked, why, and what to do instead. */
      reason: string;
    };

export const PASS: Verdict = { action: "pass" };

export interface HookOutcome {
  verdict: Verdict;
  /** Things the user should know even when the call passes (a broken config, say). */
  notices: string[];
}

/**
 * Renders an outcome as the JSON Claude Code reads from a PreToolUse hook's stdout, or "" for no
 * decision. A pass is never rendered as "allow": that would skip the user's own permission prompts.
 */
export function renderPreToolUse(outcome: HookOutcome): string {
  const notice = outcome.notices.length > 0 ? outcome.notices.join("\n") : undefined;
  if (outcome.verdict.action === "deny") {
    const output: Record<string, unknown> = {
      hookSpecificOutput: {
        hookEventName: "PreToolUse",
        permissionDecision: "deny",
        permissionDecisionReason: outcome.verdict.reason,
      },
    };
    if (notice) output.systemMessage = notice;
    return JSON.stringify(output);
  }
  if (notice) {
    return JSON.stringify({
      systemMessage: notice,
      hookSpecificOutput: { hookEventName: "PreToolUse", additionalContext: notice },
    });
  }
  return "";
}

/** The refusal used when the hook itself cannot decide: guarded calls never pass on an error. */
export function failClosed(problem: string): Verdict {
  // A path the hook's user may not look at (`/proc/1/root/…`, another user's home): trying again
  // changes nothing, and `sudo` could read what the hook cannot see.
  const denied = /EACCES|EPERM|permission denied|operation not permitted/i.test(problem) ? (/'([^']+)'/.exec(problem)?.[1] ?? "a path it names") : undefined;
  if (denied) {
    return {
      action: "deny",
      check: "shipshape",
      reason: `shipshape blocked this tool call: its guard may not look at ${denied} (permission denied), so it cannot tell whether that is, or leads to, a secret file. Nothing was run. Instead: use a path the guard can read, or ask the user to run the command.`,
    };
  }
  return {
    action: "deny",
    check: "shipshape",
    reason:
      `shipshape blocked this tool call because its guard could not check it: ${problem}. ` +
      "Nothing was run. Try the call again; if this keeps happening, tell the user: the hook's own " +
      "diagnostic is on its stderr (`claude --debug` shows it).",
  };
}

/**
 * A crash, anywhere in the hook process, is a refusal: a diagnostic, a deny, and exit code 2 (so that
 * Claude Code blocks even if it could not read our JSON). Returns the exit code.
 */
export function reportCrash(error: unknown, out: { writeStdout: (text: string) => void; writeStderr: (text: string) => void }): number {
  const message = error instanceof Error ? error.message : String(error);
  out.writeStderr(`shipshape: internal error: ${message}\n`);
  out.writeStdout(renderPreToolUse({ verdict: failClosed(`internal error (${message})`), notices: [] }));
  return 2;
}
