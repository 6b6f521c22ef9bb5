import type { PreToolUseCheck } from "../runtime/checks.js";
import { preToolUseChecks } from "./checks.js";
import { commitGate } from "./commit/gate.js";

/** Every PreToolUse check with the commit gate loaded up front (the module, the CLI and tests). */
export const PRE_TOOL_USE_CHECKS: readonly PreToolUseCheck[] = preToolUseChecks(() => commitGate);
