import type { PreToolUseCheck, ToolCall } from "../runtime/checks.js";
import { PASS } from "../runtime/decision.js";
import { commitGate } from "./commit/gate.js";
import { mayCommit } from "./commit/may-commit.js";
import { ownFilesGuard } from "./own-files/guard.js";
import { secretGuard, secretGuardUsesCwd } from "./secrets/guard.js";

/** The commit gate behind a cheap look at the text: most Bash commands mention no commit at all. */
const commitGateCheck: PreToolUseCheck = {
  id: "commit-gate",
  async decide(call, ctx) {
    return mayCommit(call) ? commitGate.decide(call, ctx) : PASS;
  },
};

/**
 * Every PreToolUse check, cheapest first: the first refusal ends the run. The same list runs in the
 * command hook, the hooks module and the CLI.
 */
export const PRE_TOOL_USE_CHECKS: readonly PreToolUseCheck[] = [secretGuard, ownFilesGuard, commitGateCheck];

/** Whether any check's decision on this call can depend on the working directory (see ToolCall.cwd). */
export function callUsesCwd(call: Pick<ToolCall, "tool" | "input">): boolean {
  return secretGuardUsesCwd(call) || mayCommit(call);
}
