import type { PreToolUseCheck } from "../runtime/checks.js";
import { PASS } from "../runtime/decision.js";
import { secretGuard } from "./secrets/guard.js";

/**
 * Every PreToolUse check, cheapest first: the first refusal ends the run. The commit gate is reached
 * through `loadCommitGate` only for a Bash command that mentions both git and commit, so the command
 * hook loads its code (a bundle of its own) for commits alone; the hooks module passes it directly.
 */
export function preToolUseChecks(loadCommitGate: () => PreToolUseCheck): PreToolUseCheck[] {
  const commitGate: PreToolUseCheck = {
    id: "commit-gate",
    async decide(call, ctx) {
      const command = call.input.command;
      if (call.tool !== "Bash" || typeof command !== "string" || !/\bgit\b/.test(command) || !/\bcommit\b/.test(command)) return PASS;
      return loadCommitGate().decide(call, ctx);
    },
  };
  return [secretGuard, commitGate];
}
