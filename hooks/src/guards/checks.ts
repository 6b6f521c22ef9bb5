import type { PreToolUseCheck, ToolCall } from "../runtime/checks.js";
import { PASS } from "../runtime/decision.js";
import { mayCommit } from "./commit/may-commit.js";
import { secretGuard, secretGuardUsesCwd } from "./secrets/guard.js";

/**
 * Every PreToolUse check, cheapest first: the first refusal ends the run. The commit gate is reached
 * through `loadCommitGate` only for a Bash command that mentions both git and commit, so the command
 * hook loads its code (a bundle of its own) for commits alone; the hooks module passes it directly.
 */
export function preToolUseChecks(loadCommitGate: () => PreToolUseCheck): PreToolUseCheck[] {
  const commitGate: PreToolUseCheck = {
    id: "commit-gate",
    async decide(call, ctx) {
      return mayCommit(call) ? loadCommitGate().decide(call, ctx) : PASS;
    },
  };
  return [secretGuard, commitGate];
}

/** Whether any check's decision on this call can depend on the working directory (see ToolCall.cwd). */
export function callUsesCwd(call: Pick<ToolCall, "tool" | "input">): boolean {
  return secretGuardUsesCwd(call) || mayCommit(call);
}
