import type { PreToolUseCheck, ToolCall } from "../runtime/checks.js";
import { commitGate } from "./commit/gate.js";
import { mayCommit } from "./commit/may-commit.js";
import { ownFilesGuard } from "./own-files/guard.js";
import { secretGuard, secretGuardUsesCwd } from "./secrets/guard.js";

/**
 * Every PreToolUse check, cheapest first: the first refusal ends the run (the commit gate passes at
 * once, on mayCommit, for the many commands that mention no commit). The same list runs in the
 * command hook, the hooks module and the CLI.
 */
export const PRE_TOOL_USE_CHECKS: readonly PreToolUseCheck[] = [secretGuard, ownFilesGuard, commitGate];

/** Whether any check's decision on this call can depend on the working directory (see ToolCall.cwd). */
export function callUsesCwd(call: Pick<ToolCall, "tool" | "input">): boolean {
  return secretGuardUsesCwd(call) || mayCommit(call);
}
